"""The plain-text year format (D5: years loaded from the State Council notice)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays import (
    CalendarFormatError,
    WorkCalendar,
    YearCalendar,
    format_year_file,
    parse_year_file,
)


def test_it_parses_the_synthetic_fixture(overlay_2027: YearCalendar) -> None:
    assert overlay_2027.year == 2027
    assert overlay_2027.source == "国办发明电〔2026〕99号（虚构示例）"
    assert date(2027, 2, 8) in overlay_2027.holidays
    assert len(overlay_2027.holidays) == 3 + 7 + 5 + 7
    assert overlay_2027.adjusted_workdays == {
        date(2027, 2, 14),
        date(2027, 5, 8),
        date(2027, 10, 9),
    }


def test_it_accepts_comments_blank_lines_case_and_full_width_colons() -> None:
    text = "# header\n\nYEAR：2031  # trailing\nNotice: 示例\nholiday: 2031-01-01\n"
    parsed = parse_year_file(text)
    assert (parsed.year, parsed.source, parsed.holidays) == (
        2031,
        "示例",
        frozenset({date(2031, 1, 1)}),
    )


def test_a_listed_day_twice_is_harmless() -> None:
    text = "year: 2031\nnotice: X\nholiday: 2031-01-01..2031-01-02\nholiday: 2031-01-02\n"
    assert len(parse_year_file(text).holidays) == 2


def test_formatting_and_parsing_round_trips_every_bundled_year(calendar: WorkCalendar) -> None:
    """``format_year_file`` output (also what ``calendar show`` prints) loads back unchanged."""
    for year in calendar.years:
        year_calendar = calendar.year(year)
        assert year_calendar is not None
        assert parse_year_file(format_year_file(year_calendar)) == year_calendar


def test_formatting_compresses_ranges(overlay_2027: YearCalendar) -> None:
    text = format_year_file(overlay_2027)
    assert "holiday: 2027-02-05..2027-02-11" in text
    assert "workday: 2027-02-14" in text


HEAD = "year: 2027\nnotice: X\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (HEAD + "holiday: 2027-02-30\n", 3, "bad date '2027-02-30'"),
        (HEAD + "holiday: 27-2-3\n", 3, "bad date"),
        (HEAD + "holiday: 2027-01-01..2027-13-01\n", 3, "bad date '2027-13-01'"),
        (HEAD + "holiday: 2026-12-31\n", 3, "2026-12-31 is outside the year 2027"),
        (HEAD + "workday: 2028-01-01..2028-01-02\n", 3, "outside the year 2027"),
        (HEAD + "holiday: 2027-02-14\n\nworkday: 2027-02-14\n", 5, "both a holiday (line 3)"),
        (HEAD + "holiday: 2027-02-11..2027-02-05\n", 3, "ends before it starts"),
        (HEAD + "workday: 2027-02-15\n", 3, "is a Monday"),
        (HEAD + "holidays: 2027-01-01\n", 3, "unknown key 'holidays'"),
        (HEAD + "2027-01-01\n", 3, "expected 'key: value'"),
        (HEAD + "holiday:\n", 3, "'holiday' needs a value"),
        (HEAD + "year: 2028\n", 3, "'year' given twice (first on line 1)"),
        (HEAD + "notice: Y\n", 3, "'notice' given twice"),
        ("year: 27\nnotice: X\n", 1, "bad year '27'"),
    ],
)
def test_it_reports_the_line_and_the_problem(text: str, line: int, message: str) -> None:
    with pytest.raises(CalendarFormatError) as caught:
        parse_year_file(text)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"line {line}: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "missing 'year"),
        ("notice: X\nholiday: 2027-01-01\n", "missing 'year"),
        ("year: 2027\nholiday: 2027-01-01\n", "missing 'notice"),
    ],
)
def test_it_reports_missing_year_or_notice(text: str, message: str) -> None:
    with pytest.raises(CalendarFormatError, match=message) as caught:
        parse_year_file(text)
    assert caught.value.line is None
