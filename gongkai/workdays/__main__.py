"""``python -m gongkai.workdays deadline ...`` / ``show YEAR`` / ``check FILE`` without Django."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from gongkai.workdays.cli import deadline_main, show_main
from gongkai.workdays.yearfile import CalendarFormatError, parse_year_file

USAGE = "usage: python -m gongkai.workdays {deadline,show,check} ..."


def main(argv: Sequence[str]) -> int:
    """Dispatch to a sub-command; returns the exit code."""
    if not argv or argv[0] not in {"deadline", "show", "check"}:
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "deadline":
        return deadline_main(rest)
    if command == "show":
        return show_main(rest)
    return check_main(rest)


def check_main(paths: Sequence[str]) -> int:
    """Validate year files; prints one line per file."""
    status = 0
    for path in paths:
        try:
            year_calendar = parse_year_file(Path(path).read_text("utf-8"))
        except (OSError, CalendarFormatError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            status = 1
        else:
            print(f"{path}: {year_calendar.year} ok ({year_calendar.source})")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
