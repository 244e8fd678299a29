"""Statutory clocks of spec §1.6: D3 (补正 restarts), D4 (extension), D9 and the other periods."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.workdays import (
    WorkCalendar,
    consultation_answer_due,
    correction_notice_due,
    fee_payment_due,
    publication_due,
    reply_due,
    wd_after,
)


def test_the_reply_is_due_20_working_days_after_receipt(calendar: WorkCalendar) -> None:
    """条例第33条 with D1: receipt 2021-09-24 → 2021-10-27."""
    deadline = reply_due(receipt_date=date(2021, 9, 24), calendar=calendar)
    assert deadline.due == date(2021, 10, 27)
    assert deadline.workdays == 20
    assert deadline.basis == "条例第33条"
    assert deadline.explanation.startswith("依条例第33条")


def test_a_correction_restarts_the_reply_period_from_the_corrected_receipt(
    calendar: WorkCalendar,
) -> None:
    """D3: the clock restarts from the day the corrected application arrives."""
    deadline = reply_due(
        receipt_date=date(2021, 9, 1),
        corrected_receipt_date=date(2021, 9, 24),
        calendar=calendar,
    )
    assert deadline.due == date(2021, 10, 27)
    assert deadline.start == date(2021, 9, 24)
    assert "补正后重新起算" in deadline.basis


def test_pauses_before_the_corrected_receipt_no_longer_matter(calendar: WorkCalendar) -> None:
    """D3: a pause that ended before the restart does not extend the new period."""
    deadline = reply_due(
        receipt_date=date(2021, 9, 1),
        corrected_receipt_date=date(2021, 9, 24),
        pauses=[(date(2021, 9, 6), date(2021, 9, 17))],
        calendar=calendar,
    )
    assert deadline.due == date(2021, 10, 27)
    assert deadline.paused_workdays == 0


def test_a_pause_after_the_corrected_receipt_still_counts(calendar: WorkCalendar) -> None:
    """D3 + D2: consultation after the restart is still excluded (条例第33条第3款)."""
    deadline = reply_due(
        receipt_date=date(2021, 9, 1),
        corrected_receipt_date=date(2021, 9, 24),
        pauses=[(date(2021, 10, 25), date(2021, 10, 26))],
        calendar=calendar,
    )
    assert deadline.paused_workdays == 2
    assert deadline.due == date(2021, 10, 29)


def test_it_rejects_a_corrected_receipt_before_the_original_receipt(
    calendar: WorkCalendar,
) -> None:
    """D3: the corrected application cannot arrive before the original one."""
    with pytest.raises(ValueError, match="早于"):
        reply_due(
            receipt_date=date(2021, 9, 24),
            corrected_receipt_date=date(2021, 9, 1),
            calendar=calendar,
        )


@pytest.mark.parametrize("extension", [1, 10, 20])
def test_an_extension_adds_working_days_to_the_period(
    calendar: WorkCalendar, extension: int
) -> None:
    """D4: the period becomes 20 + extension working days."""
    deadline = reply_due(
        receipt_date=date(2021, 9, 24), extension_workdays=extension, calendar=calendar
    )
    assert deadline.workdays == 20 + extension
    assert deadline.due == wd_after(date(2021, 10, 27), extension, calendar=calendar).due


def test_the_maximum_extension_gives_40_working_days(calendar: WorkCalendar) -> None:
    """D4: 2021-09-24 + 40 working days = 2021-11-24 (hand-counted over the holiday)."""
    deadline = reply_due(receipt_date=date(2021, 9, 24), extension_workdays=20, calendar=calendar)
    assert deadline.due == date(2021, 11, 24)


@pytest.mark.parametrize("extension", [-1, 21, 40])
def test_it_rejects_an_extension_outside_0_to_20(calendar: WorkCalendar, extension: int) -> None:
    """D4 (条例第33条): an extension adds at most 20 working days."""
    with pytest.raises(ValueError, match="不得超过20个工作日"):
        reply_due(receipt_date=date(2021, 9, 24), extension_workdays=extension, calendar=calendar)


def test_reply_deadline_combines_restart_extension_and_pauses(calendar: WorkCalendar) -> None:
    """D2 + D3 + D4 together: 20 + 5 working days after 09-24, minus 2 paused days."""
    deadline = reply_due(
        receipt_date=date(2021, 9, 10),
        corrected_receipt_date=date(2021, 9, 24),
        extension_workdays=5,
        pauses=[(date(2021, 9, 1), date(2021, 9, 3)), (date(2021, 10, 11), date(2021, 10, 12))],
        calendar=calendar,
    )
    assert deadline.paused_workdays == 2
    assert deadline.due == wd_after(date(2021, 9, 24), 27, calendar=calendar).due


def test_the_reply_pause_end_can_be_configured(calendar: WorkCalendar) -> None:
    """D2 configurable, passed through reply_due."""
    pauses = [(date(2021, 10, 11), date(2021, 10, 12))]
    inclusive = reply_due(receipt_date=date(2021, 9, 24), pauses=pauses, calendar=calendar)
    exclusive = reply_due(
        receipt_date=date(2021, 9, 24),
        pauses=pauses,
        calendar=calendar,
        pause_end_inclusive=False,
    )
    assert (inclusive.paused_workdays, exclusive.paused_workdays) == (2, 1)
    assert inclusive.due > exclusive.due


def test_the_correction_notice_is_due_7_working_days_after_receipt(
    calendar: WorkCalendar,
) -> None:
    """条例第30条 with D1: receipt 2021-04-01 → 2021-04-13 (across Qingming)."""
    deadline = correction_notice_due(receipt_date=date(2021, 4, 1), calendar=calendar)
    assert deadline.due == date(2021, 4, 13)
    assert deadline.basis == "条例第30条"


def test_a_consulted_party_answers_within_15_working_days(calendar: WorkCalendar) -> None:
    """条例第32条/第34条: 15 working days from receiving the letter (Fri 2021-10-08)."""
    deadline = consultation_answer_due(letter_received_on=date(2021, 10, 8), calendar=calendar)
    assert deadline.due == date(2021, 10, 28)  # 10-09 (调休 Sat) counts


def test_the_fee_is_payable_within_20_working_days_of_the_notice(calendar: WorkCalendar) -> None:
    """D9 (109号): 20 working days from the day after receiving the fee notice."""
    deadline = fee_payment_due(notice_received_on=date(2021, 10, 16), calendar=calendar)
    assert deadline.due == date(2021, 11, 12)


def test_proactive_information_is_published_within_20_working_days(
    calendar: WorkCalendar,
) -> None:
    """条例第26条: 20 working days from the day the information is formed or changed."""
    deadline = publication_due(formed_or_changed_on=date(2021, 10, 3), calendar=calendar)
    assert deadline.due == date(2021, 11, 3)
    assert deadline.basis == "条例第26条"


def test_a_reply_due_in_an_unknown_year_is_provisional(calendar: WorkCalendar) -> None:
    """D5 through reply_due: a December 2026 receipt runs into 2027."""
    assert reply_due(receipt_date=date(2026, 12, 15), calendar=calendar).provisional
