"""wd_after: decisions D1 (start day excluded), D2 (pauses) and D5 (unknown years)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays import BUNDLED_SOURCE, Pause, WorkCalendar, YearCalendar, wd_after

# --- D1: the N-th working day strictly after the start -------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (date(2021, 9, 24), 20, date(2021, 10, 27)),  # crosses National Day and 09-26/10-09 调休
        (date(2021, 10, 3), 20, date(2021, 11, 3)),  # start on a holiday
        (date(2021, 4, 1), 7, date(2021, 4, 13)),  # crosses Qingming, 04-03..04-05
        (date(2021, 10, 16), 1, date(2021, 10, 18)),  # Saturday start: following Monday
        (date(2021, 10, 16), 20, date(2021, 11, 12)),  # package find_workday says 11-15
        (date(2021, 9, 27), 20, date(2021, 10, 29)),  # spec §6.2 working-day start example
    ],
)
def test_it_counts_the_nth_working_day_strictly_after_the_start(
    calendar: WorkCalendar, start: date, n: int, due: date
) -> None:
    """D1: the start day is not counted; a non-working start counts from the next working day."""
    assert wd_after(start, n, calendar=calendar).due == due


def test_it_counts_a_designated_weekend_working_day(calendar: WorkCalendar) -> None:
    """D1 with 调休: Saturday 2021-10-09 was a working day, so it is the first day after 10-08."""
    assert wd_after(date(2021, 10, 8), 1, calendar=calendar).due == date(2021, 10, 9)


def test_it_skips_a_whole_holiday_week(calendar: WorkCalendar) -> None:
    """D1: the first working day after 2021-09-30 is Friday 10-08, after the 10-01..07 holiday."""
    assert wd_after(date(2021, 9, 30), 1, calendar=calendar).due == date(2021, 10, 8)


def test_it_crosses_a_year_boundary(calendar: WorkCalendar) -> None:
    """D1 across years: 2021-12-31 + 1 skips the 2022 New Year holiday (01-01..01-03)."""
    deadline = wd_after(date(2021, 12, 31), 1, calendar=calendar)
    assert deadline.due == date(2022, 1, 4)
    assert deadline.calendar_sources == (BUNDLED_SOURCE,)


@pytest.mark.parametrize("n", [0, -1])
def test_it_rejects_a_period_shorter_than_one_day(calendar: WorkCalendar, n: int) -> None:
    """D1 defines the deadline of an N-day period for N >= 1 only."""
    with pytest.raises(ValueError, match="n >= 1"):
        wd_after(date(2021, 1, 4), n, calendar=calendar)


# --- D2: pauses ------------------------------------------------------------------------------


def test_it_does_not_count_working_days_inside_a_pause(calendar: WorkCalendar) -> None:
    """D2: 3 paused working days (Tue 10-12..Thu 10-14) push the deadline 3 working days on."""
    plain = wd_after(date(2021, 10, 8), 10, calendar=calendar)
    paused = wd_after(
        date(2021, 10, 8), 10, [(date(2021, 10, 12), date(2021, 10, 14))], calendar=calendar
    )
    assert paused.paused_workdays == 3
    assert paused.due == wd_after(plain.due, 3, calendar=calendar).due


def test_it_counts_overlapping_pauses_once(calendar: WorkCalendar) -> None:
    """D2: overlapping pauses exclude each day once (10-11..10-15 = 5 working days)."""
    pauses = [(date(2021, 10, 11), date(2021, 10, 13)), (date(2021, 10, 12), date(2021, 10, 15))]
    single = [(date(2021, 10, 11), date(2021, 10, 15))]
    overlapping = wd_after(date(2021, 10, 8), 10, pauses, calendar=calendar)
    assert overlapping.paused_workdays == 5
    assert overlapping.due == wd_after(date(2021, 10, 8), 10, single, calendar=calendar).due


def test_it_includes_both_pause_ends_by_default(calendar: WorkCalendar) -> None:
    """D2 default: start and end day of the pause are both excluded from the count."""
    pause = [(date(2021, 11, 1), date(2021, 11, 2))]  # Mon, Tue
    deadline = wd_after(date(2021, 10, 29), 1, pause, calendar=calendar)
    assert deadline.due == date(2021, 11, 3)
    assert deadline.paused_workdays == 2


def test_it_can_count_the_pause_end_day_when_configured(calendar: WorkCalendar) -> None:
    """D2 configurable: with the end day excluded from the pause, Tue 11-02 counts again."""
    pause = [(date(2021, 11, 1), date(2021, 11, 2))]
    deadline = wd_after(date(2021, 10, 29), 1, pause, calendar=calendar, pause_end_inclusive=False)
    assert deadline.due == date(2021, 11, 2)
    assert deadline.paused_workdays == 1


def test_a_one_day_pause_with_exclusive_end_pauses_nothing(calendar: WorkCalendar) -> None:
    """D2 configurable: [d, d] minus its end day is empty."""
    pause = [(date(2021, 11, 1), date(2021, 11, 1))]
    deadline = wd_after(date(2021, 10, 29), 1, pause, calendar=calendar, pause_end_inclusive=False)
    assert deadline.due == date(2021, 11, 1)


def test_pauses_before_the_start_or_on_non_working_days_change_nothing(
    calendar: WorkCalendar,
) -> None:
    """D2: only working days after the start can be paused."""
    pauses = [(date(2021, 9, 1), date(2021, 9, 24)), (date(2021, 10, 1), date(2021, 10, 7))]
    deadline = wd_after(date(2021, 9, 24), 20, pauses, calendar=calendar)
    assert deadline.due == date(2021, 10, 27)
    assert deadline.paused_workdays == 0


def test_a_pause_running_past_the_plain_deadline_moves_it_beyond_the_pause(
    calendar: WorkCalendar,
) -> None:
    """D2: the clock restarts the working day after the pause ends."""
    deadline = wd_after(
        date(2021, 11, 1), 2, [(date(2021, 11, 3), date(2021, 11, 30))], calendar=calendar
    )
    assert deadline.due == date(2021, 12, 1)


def test_it_accepts_pause_objects_and_keeps_them_for_the_explanation(
    calendar: WorkCalendar,
) -> None:
    """D2: the Deadline carries the pauses and the number of skipped days for the case page."""
    pause = Pause(date(2021, 10, 12), date(2021, 10, 14))
    deadline = wd_after(date(2021, 10, 8), 10, [pause], calendar=calendar)
    assert deadline.pauses == (pause,)
    assert "3个工作日不计入" in deadline.explanation
    assert "2021-10-12至2021-10-14" in deadline.explanation


def test_it_rejects_a_pause_that_ends_before_it_starts(calendar: WorkCalendar) -> None:
    """D2: a pause is [start, end] with start <= end."""
    with pytest.raises(ValueError, match="before it starts"):
        wd_after(
            date(2021, 10, 8), 1, [(date(2021, 10, 14), date(2021, 10, 12))], calendar=calendar
        )


# --- D5: unknown years -------------------------------------------------------------------------


def test_a_deadline_in_a_year_without_data_is_provisional(calendar: WorkCalendar) -> None:
    """D5: 2027 has no bundled data, so Monday–Friday is used and the result is provisional."""
    deadline = wd_after(date(2027, 1, 29), 10, calendar=calendar)
    assert deadline.provisional
    assert deadline.provisional_years == (2027,)
    assert deadline.due == date(2027, 2, 12)  # 10 weekdays, no holidays assumed
    assert "暂定" in deadline.explanation


def test_a_period_crossing_into_an_unknown_year_is_provisional(calendar: WorkCalendar) -> None:
    """D5: one walked day in 2027 is enough to make the deadline provisional."""
    deadline = wd_after(date(2026, 12, 30), 2, calendar=calendar)
    assert deadline.due == date(2027, 1, 1)
    assert deadline.provisional
    assert deadline.calendar_sources == (BUNDLED_SOURCE,)


def test_a_period_ending_on_the_last_known_day_is_not_provisional(calendar: WorkCalendar) -> None:
    """D5: only the days walked (start, due] matter; 2026-12-31 is still known."""
    deadline = wd_after(date(2026, 12, 30), 1, calendar=calendar)
    assert deadline.due == date(2026, 12, 31)
    assert not deadline.provisional


def test_loading_the_year_makes_the_deadline_final_and_applies_its_holidays(
    calendar: WorkCalendar, overlay_2027: YearCalendar
) -> None:
    """D5: after the 2027 notice is loaded the deadline is recomputed, final, and different
    because the notice has a Spring Festival holiday (02-05..02-11) and a 调休 (02-14)."""
    before = wd_after(date(2027, 1, 29), 10, calendar=calendar)
    after = wd_after(date(2027, 1, 29), 10, calendar=calendar.with_overlays([overlay_2027]))
    assert not after.provisional
    assert after.calendar_sources == (overlay_2027.source,)
    assert after.due == date(2027, 2, 18)
    assert after.due != before.due


def test_an_overlay_replaces_a_bundled_year(calendar: WorkCalendar) -> None:
    """D5: an administrator's year wins over the package (e.g. a correction)."""
    correction = YearCalendar(
        year=2021,
        holidays=frozenset({date(2021, 10, 8)}),
        adjusted_workdays=frozenset(),
        source="国办发明电〔2020〕27号（更正示例）",
    )
    corrected = calendar.with_overlays([correction])
    deadline = wd_after(date(2021, 10, 7), 1, calendar=corrected)
    assert deadline.due == date(2021, 10, 11)  # 10-01..07 are now ordinary days; 10-08 is not
    assert deadline.calendar_sources == ("国办发明电〔2020〕27号（更正示例）",)


def test_a_year_before_the_bundled_data_is_provisional_too(calendar: WorkCalendar) -> None:
    """D5: 2003 is not in the package either."""
    assert wd_after(date(2003, 6, 2), 1, calendar=calendar).provisional
