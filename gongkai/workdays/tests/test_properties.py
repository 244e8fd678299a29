"""Property tests of wd_after (D1, D2, D5) against a day-by-day reference walk."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays import WorkCalendar, YearCalendar, parse_year_file, wd_after
from gongkai.workdays.tests.conftest import FIXTURES

CALENDAR = WorkCalendar.bundled(
    [parse_year_file((FIXTURES / "2027-synthetic.txt").read_text("utf-8"))]
)
# 2003 and 2028+ are unknown (provisional), 2004–2027 known: the walk crosses both kinds.
starts = st.dates(min_value=date(2003, 6, 1), max_value=date(2028, 6, 30))
periods = st.integers(min_value=1, max_value=60)
pauses = st.lists(
    st.tuples(starts, st.integers(min_value=0, max_value=40)).map(
        lambda pair: (pair[0], pair[0] + timedelta(days=pair[1]))
    ),
    max_size=4,
)


def reference_wd_after(
    start: date, n: int, spans: list[tuple[date, date]], *, end_inclusive: bool
) -> date:
    """The spec §6.2 wrapper, literally: walk day by day (D1), skip paused days (D2)."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        paused = any(a <= day <= b if end_inclusive else a <= day < b for a, b in spans)
        if CALENDAR.is_workday(day, allow_provisional=True) and not paused:
            counted += 1
    return day


@settings(max_examples=400)
@given(start=starts, n=periods, spans=pauses, end_inclusive=st.booleans())
def test_it_matches_the_day_by_day_walk(
    start: date, n: int, spans: list[tuple[date, date]], end_inclusive: bool
) -> None:
    """D1 + D2: the bisect implementation equals the literal definition."""
    deadline = wd_after(start, n, spans, calendar=CALENDAR, pause_end_inclusive=end_inclusive)
    assert deadline.due == reference_wd_after(start, n, spans, end_inclusive=end_inclusive)


@given(start=starts, n=periods, spans=pauses)
def test_the_result_is_an_unpaused_working_day_after_the_start(
    start: date, n: int, spans: list[tuple[date, date]]
) -> None:
    """D1: the due day is a working day strictly after the start, outside every pause (D2)."""
    due = wd_after(start, n, spans, calendar=CALENDAR).due
    assert due > start
    assert CALENDAR.is_workday(due, allow_provisional=True)
    assert not any(a <= due <= b for a, b in spans)


@given(start=starts, n=periods, spans=pauses)
def test_it_is_strictly_monotone_in_n(start: date, n: int, spans: list[tuple[date, date]]) -> None:
    """D1: one more working day always gives a later deadline."""
    earlier = wd_after(start, n, spans, calendar=CALENDAR).due
    assert wd_after(start, n + 1, spans, calendar=CALENDAR).due > earlier


@given(first=starts, gap=st.integers(min_value=0, max_value=30), n=periods, spans=pauses)
def test_it_is_monotone_in_the_start(
    first: date, gap: int, n: int, spans: list[tuple[date, date]]
) -> None:
    """D1: a later start never gives an earlier deadline."""
    later = first + timedelta(days=gap)
    assert (
        wd_after(first, n, spans, calendar=CALENDAR).due
        <= wd_after(later, n, spans, calendar=CALENDAR).due
    )


@given(start=starts, n=periods, spans=pauses, extra=pauses)
def test_pauses_never_make_the_deadline_earlier(
    start: date, n: int, spans: list[tuple[date, date]], extra: list[tuple[date, date]]
) -> None:
    """D2: adding a pause can only keep or push back the deadline."""
    fewer = wd_after(start, n, spans, calendar=CALENDAR)
    more = wd_after(start, n, spans + extra, calendar=CALENDAR)
    assert more.due >= fewer.due
    assert more.paused_workdays >= fewer.paused_workdays


@given(start=starts, n=periods)
def test_it_is_provisional_exactly_when_an_unknown_year_is_walked(start: date, n: int) -> None:
    """D5: provisional iff some day in (start, due] lies in a year without data."""
    deadline = wd_after(start, n, calendar=CALENDAR)
    walked = range((start + timedelta(days=1)).year, deadline.due.year + 1)
    assert deadline.provisional == any(not CALENDAR.known(year) for year in walked)
    assert deadline.provisional_years == tuple(y for y in walked if not CALENDAR.known(y))


@given(start=st.dates(min_value=date(2027, 1, 1), max_value=date(2027, 10, 31)), n=periods)
def test_an_overlay_without_holidays_gives_the_provisional_answer_but_final(
    start: date, n: int
) -> None:
    """D5: Monday–Friday is exactly what a holiday-free year would give, only marked final."""
    bare = YearCalendar(
        year=2027, holidays=frozenset(), adjusted_workdays=frozenset(), source="empty"
    )
    calendar = WorkCalendar.bundled([bare])
    provisional = wd_after(start, n, calendar=WorkCalendar.bundled())
    final = wd_after(start, n, calendar=calendar)
    assert provisional.due == final.due
    assert provisional.provisional
    assert not final.provisional or final.due.year > 2027
