"""Plain-text format for loading one year of the State Council holiday notice.

An administrator types the year's notice (国务院办公厅关于YYYY年部分节假日安排的通知) into a
small UTF-8 text file; ``parse_year_file`` turns it into a ``YearCalendar`` that overrides the
bundled data for that year (decision D5). Example::

    # 2027 holiday arrangements
    year: 2027
    notice: 国办发明电〔2026〕N号
    holiday: 2027-01-01..2027-01-03     # 元旦
    holiday: 2027-02-05..2027-02-11     # 春节
    workday: 2027-02-14                 # 调休上班 (a Sunday)

Rules:

- One ``key: value`` per line. Blank lines are ignored; ``#`` starts a comment anywhere.
- ``year: YYYY`` and ``notice: <reference>`` are required, each exactly once. The notice
  reference is shown next to every deadline computed from this year.
- ``holiday: YYYY-MM-DD`` or ``holiday: YYYY-MM-DD..YYYY-MM-DD`` (both ends included): rest days.
  Weekend days inside a holiday range may be listed; they are not working days anyway.
- ``workday: YYYY-MM-DD`` (or a range): a weekend day made a working day (调休上班). A workday on
  Monday–Friday is rejected because it would change nothing and is almost surely a typo.
- Every date must fall inside ``year``; no day may be both a holiday and a workday.
- Keys are case-insensitive; a full-width colon (：) is accepted.

Errors raise ``CalendarFormatError`` naming the line and what is wrong.
``format_year_file`` writes the same format back (ranges compressed), so a bundled year can be
exported, corrected and loaded again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.workdays.workcalendar import YearCalendar


class CalendarFormatError(ValueError):
    """A year file that cannot be loaded; ``line`` is 1-based, or None for the whole file."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        self.reason = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass
class _Draft:
    """What has been read so far, with the line each fact came from (for error messages)."""

    year: tuple[int, int] | None = None  # (value, line)
    notice: tuple[str, int] | None = None
    holidays: dict[dt.date, int] = field(default_factory=dict)
    workdays: dict[dt.date, int] = field(default_factory=dict)


def parse_year_file(text: str) -> YearCalendar:
    """Parse the format described in this module's docstring."""
    draft = _Draft()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            _read_line(draft, line, number)
    return _finish(draft)


def format_year_file(year_calendar: YearCalendar) -> str:
    """Render a ``YearCalendar`` in the year-file format (ranges compressed, weekdays noted)."""
    lines = [f"year: {year_calendar.year}", f"notice: {year_calendar.source}"]
    for key, days in (
        ("holiday", year_calendar.holidays),
        ("workday", year_calendar.adjusted_workdays),
    ):
        for first, last in _ranges(sorted(days)):
            lines.append(_range_line(key, first, last))
    return "\n".join(lines) + "\n"


_KEYS = ("year", "notice", "holiday", "workday")


def _read_line(draft: _Draft, line: str, number: int) -> None:
    key, value = _split(line, number)
    if key == "year":
        _once(draft.year, key, number)
        draft.year = (_parse_year(value, number), number)
    elif key == "notice":
        _once(draft.notice, key, number)
        draft.notice = (value, number)
    else:
        target = draft.holidays if key == "holiday" else draft.workdays
        for day in _parse_range(value, number):
            target.setdefault(day, number)


def _split(line: str, number: int) -> tuple[str, str]:
    key, colon, value = line.replace("：", ":").partition(":")
    key, value = key.strip().lower(), value.strip()
    if not colon:
        raise CalendarFormatError(f"expected 'key: value', got {line!r}", line=number)
    if key not in _KEYS:
        raise CalendarFormatError(
            f"unknown key {key!r}; expected one of {', '.join(_KEYS)}", line=number
        )
    if not value:
        raise CalendarFormatError(f"'{key}' needs a value", line=number)
    return key, value


def _once(seen: tuple[object, int] | None, key: str, number: int) -> None:
    if seen is not None:
        raise CalendarFormatError(f"'{key}' given twice (first on line {seen[1]})", line=number)


def _parse_year(value: str, number: int) -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise CalendarFormatError(f"bad year {value!r}; expected four digits", line=number)
    return int(value)


def _parse_range(value: str, number: int) -> list[dt.date]:
    first_text, dots, last_text = value.partition("..")
    first = _parse_date(first_text, number)
    last = _parse_date(last_text, number) if dots else first
    if last < first:
        raise CalendarFormatError(f"range {value!r} ends before it starts", line=number)
    return [dt.date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _parse_date(text: str, number: int) -> dt.date:
    text = text.strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CalendarFormatError(f"bad date {text!r}; expected YYYY-MM-DD", line=number) from None


def _finish(draft: _Draft) -> YearCalendar:
    if draft.year is None:
        raise CalendarFormatError("missing 'year: YYYY' line")
    if draft.notice is None:
        raise CalendarFormatError("missing 'notice: <reference>' line (e.g. 国办发明电〔2026〕N号)")
    year = draft.year[0]
    _check_dates(year, draft)
    return YearCalendar(
        year=year,
        holidays=frozenset(draft.holidays),
        adjusted_workdays=frozenset(draft.workdays),
        source=draft.notice[0],
    )


def _check_dates(year: int, draft: _Draft) -> None:
    for day, number in sorted({**draft.holidays, **draft.workdays}.items(), key=_by_line):
        if day.year != year:
            raise CalendarFormatError(f"{day} is outside the year {year}", line=number)
    for day, number in sorted(draft.workdays.items(), key=_by_line):
        if day in draft.holidays:
            raise CalendarFormatError(
                f"{day} is both a holiday (line {draft.holidays[day]}) and a workday", line=number
            )
        if day.weekday() < 5:
            raise CalendarFormatError(
                f"workday {day} is a {day:%A}; 调休 working days are weekend days", line=number
            )


def _by_line(item: tuple[dt.date, int]) -> tuple[int, dt.date]:
    return item[1], item[0]


def _ranges(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in days:
        if ranges and (day - ranges[-1][1]).days == 1:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def _range_line(key: str, first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"{key}: {first}".ljust(36) + f"# {first:%a}"
    days = (last - first).days + 1
    return f"{key}: {first}..{last}".ljust(36) + f"# {first:%a}–{last:%a}, {days} days"
