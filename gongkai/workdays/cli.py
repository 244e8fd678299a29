"""Command-line faces of the working-day calendar, free of Django.

``gongkai deadline`` and ``gongkai calendar show`` call these with the overlays loaded from the
database; ``python -m gongkai.workdays`` calls them with overlays read from year files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from gongkai.workdays.counting import Deadline, Pause, wd_after
from gongkai.workdays.workcalendar import WorkCalendar, YearCalendar
from gongkai.workdays.yearfile import CalendarFormatError, format_year_file, parse_year_file


def deadline_main(
    argv: Sequence[str],
    *,
    overlays: Iterable[YearCalendar] = (),
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """``deadline --start YYYY-MM-DD --workdays N [--pause A:B ...] [--json]``; returns the exit
    code (0 ok, 2 bad arguments or year file)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _deadline_parser().parse_args(argv)
        files = [parse_year_file(Path(path).read_text("utf-8")) for path in args.year_file]
    except _UsageError as error:
        return _usage(error, err)
    except (OSError, CalendarFormatError) as error:
        print(f"error: year file: {error}", file=err)
        return 2
    calendar = WorkCalendar.bundled((*overlays, *files))
    try:
        deadline = wd_after(
            args.start,
            args.workdays,
            args.pause,
            calendar=calendar,
            pause_end_inclusive=not args.pause_end_exclusive,
        )
    except ValueError as error:
        print(f"error: {error}", file=err)
        return 2
    print(_deadline_json(deadline) if args.json else _deadline_text(deadline), file=out)
    return 0


def show_year(calendar: WorkCalendar, year: int) -> str:
    """A year's holidays and adjusted working days, in the year-file format (so it can be
    saved, corrected and loaded back), or a note that the year has no data (D5)."""
    year_calendar = calendar.year(year)
    if year_calendar is None:
        return (
            f"# {year}: no holiday data. Deadlines in {year} are provisional "
            "(Monday–Friday) until the State Council notice is loaded.\n"
        )
    workdays = len(year_calendar.workday_ordinals)
    header = f"# {year}: {workdays} working days; source: {year_calendar.source}\n"
    return header + format_year_file(year_calendar)


def show_main(
    argv: Sequence[str],
    *,
    overlays: Iterable[YearCalendar] = (),
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """``show YEAR``: print ``show_year`` for the bundled data plus ``overlays``."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = _Parser(prog="show", description="Show a year's holidays and 调休 working days.")
    parser.add_argument("year", type=int)
    try:
        args = parser.parse_args(argv)
    except _UsageError as error:
        return _usage(error, err)
    print(show_year(WorkCalendar.bundled(overlays), args.year), end="", file=out)
    return 0


class _UsageError(Exception):
    """argparse wants to stop (bad arguments, or --help); we return a code instead of exiting."""

    def __init__(self, message: str, *, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _UsageError(message or "", status=status)


def _usage(error: _UsageError, err: TextIO) -> int:
    if str(error):
        print(f"error: {error}", file=err)
    return error.status


def _deadline_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="deadline",
        description="The N-th working day strictly after a start date (D1), skipping pauses (D2).",
    )
    parser.add_argument("--start", type=_date, required=True, help="YYYY-MM-DD, not counted")
    parser.add_argument("--workdays", type=int, required=True, help="N working days (>= 1)")
    parser.add_argument(
        "--pause", type=_pause, action="append", default=[], help="YYYY-MM-DD:YYYY-MM-DD"
    )
    parser.add_argument("--pause-end-exclusive", action="store_true", help="pause end day counts")
    parser.add_argument("--year-file", action="append", default=[], help="overlay year file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}; expected YYYY-MM-DD") from None


def _pause(text: str) -> Pause:
    start, colon, end = text.partition(":")
    if not colon:
        raise argparse.ArgumentTypeError(f"bad pause {text!r}; expected START:END")
    return Pause(_date(start), _date(end))


def _deadline_text(deadline: Deadline) -> str:
    provisional = "yes" if deadline.provisional else "no"
    return "\n".join(
        [
            deadline.due.isoformat(),
            f"provisional: {provisional}",
            f"sources: {', '.join(deadline.calendar_sources) or '-'}",
            deadline.explanation,
        ]
    )


def _deadline_json(deadline: Deadline) -> str:
    payload = {
        "due": deadline.due.isoformat(),
        "provisional": deadline.provisional,
        "provisional_years": list(deadline.provisional_years),
        "calendar_sources": list(deadline.calendar_sources),
        "start": deadline.start.isoformat(),
        "workdays": deadline.workdays,
        "pauses": [[p.start.isoformat(), p.end.isoformat()] for p in deadline.pauses],
        "paused_workdays": deadline.paused_workdays,
        "explanation": deadline.explanation,
    }
    return json.dumps(payload, ensure_ascii=False)
