"""The statutory clocks of an OGI case (spec §1.6), each a named ``wd_after`` with its basis.

Periods are in working days and start the day after the anchor date (D1). The anchor dates are
facts recorded on the case; recompute when a fact or the calendar changes (D5).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from gongkai.workdays.counting import Deadline, wd_after
from gongkai.workdays.workcalendar import WorkCalendar

# 条例第30条: one 补正 notice within 7 working days of receipt.
CORRECTION_NOTICE_WORKDAYS = 7
# 条例第33条第2款: reply within 20 working days of receipt.
REPLY_WORKDAYS = 20
# 条例第33条第2款: an extension adds at most 20 working days (D4).
MAX_EXTENSION_WORKDAYS = 20
# 条例第32条 (third party) and 第34条 (other organs): 15 working days to answer.
CONSULTATION_WORKDAYS = 15
# 国办函〔2020〕109号 as restated by provincial notices: pay within 20 working days (D9).
FEE_PAYMENT_WORKDAYS = 20
# 条例第26条: publish within 20 working days of the information being formed or changed.
PUBLICATION_WORKDAYS = 20


def reply_due(
    *,
    receipt_date: dt.date,
    corrected_receipt_date: dt.date | None = None,
    extension_workdays: int = 0,
    pauses: Iterable[tuple[dt.date, dt.date]] = (),
    calendar: WorkCalendar,
    pause_end_inclusive: bool = True,
) -> Deadline:
    """Reply deadline of an application (条例第33条).

    D3: after a 补正 the period restarts from the day the corrected application is received
    (条例第30条); only pause days after that date can count, so earlier pauses no longer matter.
    D4: an extension adds 0–20 working days. D2: pauses (第33条第3款) are skipped.
    """
    if not 0 <= extension_workdays <= MAX_EXTENSION_WORKDAYS:
        raise ValueError(
            f"延长答复期限不得超过{MAX_EXTENSION_WORKDAYS}个工作日（条例第33条），"
            f"收到 {extension_workdays}"
        )
    if corrected_receipt_date is not None and corrected_receipt_date < receipt_date:
        raise ValueError(
            f"补正后收到申请的日期 {corrected_receipt_date} 早于原收到申请日期 {receipt_date}"
        )
    base = corrected_receipt_date or receipt_date
    deadline = wd_after(
        base,
        REPLY_WORKDAYS + extension_workdays,
        pauses,
        calendar=calendar,
        pause_end_inclusive=pause_end_inclusive,
    )
    basis = "条例第33条" + ("、第30条（补正后重新起算）" if corrected_receipt_date else "")
    return dataclasses.replace(deadline, basis=basis)


def correction_notice_due(*, receipt_date: dt.date, calendar: WorkCalendar) -> Deadline:
    """Last day to send the single 补正 notice (条例第30条)."""
    return _period(receipt_date, CORRECTION_NOTICE_WORKDAYS, "条例第30条", calendar)


def consultation_answer_due(*, letter_received_on: dt.date, calendar: WorkCalendar) -> Deadline:
    """Last day for a third party (条例第32条) or another organ (第34条) to answer.

    The anchor is the day the consulted party received the letter.
    """
    return _period(letter_received_on, CONSULTATION_WORKDAYS, "条例第32条、第34条", calendar)


def fee_payment_due(*, notice_received_on: dt.date, calendar: WorkCalendar) -> Deadline:
    """Last day to pay the 信息处理费 after receiving the fee notice (109号; D9)."""
    return _period(notice_received_on, FEE_PAYMENT_WORKDAYS, "国办函〔2020〕109号", calendar)


def publication_due(*, formed_or_changed_on: dt.date, calendar: WorkCalendar) -> Deadline:
    """Last day to publish proactively disclosed information (条例第26条)."""
    return _period(formed_or_changed_on, PUBLICATION_WORKDAYS, "条例第26条", calendar)


def _period(start: dt.date, workdays: int, basis: str, calendar: WorkCalendar) -> Deadline:
    return dataclasses.replace(wd_after(start, workdays, calendar=calendar), basis=basis)
