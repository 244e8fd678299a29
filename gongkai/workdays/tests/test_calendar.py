"""WorkCalendar and YearCalendar: bundled data, overlays, and no silent guesses (D5)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays import (
    BUNDLED_SOURCE,
    UnknownYearError,
    WorkCalendar,
    YearCalendar,
    bundled_years,
)


def test_the_bundled_data_covers_2004_to_2026(calendar: WorkCalendar) -> None:
    """D5: the package covers 2004–2026; other years are unknown."""
    assert calendar.years == tuple(range(2004, 2027))
    assert calendar.known(2026)
    assert not calendar.known(2027)
    assert not calendar.known(2003)


def test_it_names_the_source_of_each_year(
    calendar: WorkCalendar, overlay_2027: YearCalendar
) -> None:
    """D5: every deadline can show which notice (or package version) it rests on."""
    assert calendar.source(2021) == BUNDLED_SOURCE == "chinesecalendar 1.11.0"
    assert calendar.source(2027) is None
    assert calendar.with_overlays([overlay_2027]).source(2027) == overlay_2027.source


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 9, 26), True),  # Sunday made a working day (调休)
        (date(2021, 10, 9), True),  # Saturday made a working day (调休)
        (date(2021, 10, 1), False),  # National Day
        (date(2021, 10, 16), False),  # ordinary Saturday
        (date(2021, 10, 18), True),  # ordinary Monday
        (date(2020, 1, 31), False),  # 2020 Spring Festival extension
    ],
)
def test_it_knows_the_working_days_of_bundled_years(
    calendar: WorkCalendar, day: date, expected: bool
) -> None:
    """Spec §6.1: Monday–Friday, minus holidays, plus 调休 working days."""
    assert calendar.is_workday(day) is expected


def test_it_agrees_with_the_package_for_every_bundled_day(calendar: WorkCalendar) -> None:
    """The bundled calendar reproduces chinese_calendar.is_workday for 2004–2026."""
    import chinese_calendar  # type: ignore[import-untyped, unused-ignore]

    first, last = date(2004, 1, 1).toordinal(), date(2026, 12, 31).toordinal()
    for ordinal in range(first, last + 1):
        day = date.fromordinal(ordinal)
        assert calendar.is_workday(day) is chinese_calendar.is_workday(day), day


def test_it_refuses_to_guess_a_day_of_an_unknown_year(calendar: WorkCalendar) -> None:
    """D5: never treat an unknown day silently as a normal day."""
    with pytest.raises(UnknownYearError, match="2027"):
        calendar.is_workday(date(2027, 1, 4))


def test_it_uses_monday_to_friday_for_an_unknown_year_only_when_asked(
    calendar: WorkCalendar,
) -> None:
    """D5: the provisional rule is explicit."""
    assert calendar.is_workday(date(2027, 1, 1), allow_provisional=True)  # a Friday
    assert not calendar.is_workday(date(2027, 1, 2), allow_provisional=True)  # a Saturday


def test_an_overlay_year_is_used_for_lookups(
    calendar: WorkCalendar, overlay_2027: YearCalendar
) -> None:
    """D5: after loading, 2027 days are answered from the notice."""
    loaded = WorkCalendar.bundled([overlay_2027])
    assert loaded.known(2027)
    assert not loaded.is_workday(date(2027, 2, 8))  # Spring Festival in the synthetic notice
    assert loaded.is_workday(date(2027, 2, 14))  # Sunday made a working day
    assert not calendar.known(2027)  # the original calendar is unchanged


def test_the_last_overlay_for_a_year_wins() -> None:
    """Overlays replace whole years in order; the latest wins."""
    first = YearCalendar(
        year=2030, holidays=frozenset({date(2030, 1, 1)}), adjusted_workdays=frozenset(), source="A"
    )
    second = YearCalendar(
        year=2030, holidays=frozenset(), adjusted_workdays=frozenset(), source="B"
    )
    calendar = WorkCalendar([first, second])
    assert calendar.source(2030) == "B"
    assert calendar.is_workday(date(2030, 1, 1))


def test_a_year_calendar_rejects_a_date_outside_its_year() -> None:
    with pytest.raises(ValueError, match="outside the calendar year 2027"):
        YearCalendar(
            year=2027,
            holidays=frozenset({date(2026, 12, 31)}),
            adjusted_workdays=frozenset(),
            source="X",
        )


def test_a_year_calendar_rejects_a_day_that_is_both_holiday_and_workday() -> None:
    day = date(2027, 2, 14)
    with pytest.raises(ValueError, match="both a holiday and a working day"):
        YearCalendar(
            year=2027, holidays=frozenset({day}), adjusted_workdays=frozenset({day}), source="X"
        )


def test_a_year_calendar_needs_a_source() -> None:
    """D5: a loaded year must name the notice it comes from."""
    with pytest.raises(ValueError, match="needs a source"):
        YearCalendar(year=2027, holidays=frozenset(), adjusted_workdays=frozenset(), source=" ")


def test_the_bundled_years_are_built_once() -> None:
    assert bundled_years() is bundled_years()


def test_a_year_calendar_checks_the_year_of_a_looked_up_day(overlay_2027: YearCalendar) -> None:
    with pytest.raises(ValueError, match="outside"):
        overlay_2027.is_workday(date(2028, 1, 3))
