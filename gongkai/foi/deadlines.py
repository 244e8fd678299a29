"""The reply clock of one application, from the facts stored on it (spec §1.6; D1–D5, D9).

Pure apart from reading attributes: callers pass the calendar (C6). Used by the services when a
fact changes and by the bulk recomputation after a calendar load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from gongkai.foi.choices import Status
from gongkai.workdays import Deadline, WorkCalendar, reply_due


class ClockFacts(Protocol):
    status: str
    receipt_date: dt.date
    corrected_receipt_date: dt.date | None
    extension_workdays: int
    pauses: Any
    art35_due: dt.date | None
    art35_reason: str


@dataclass(frozen=True)
class ReplyClock:
    """What is stored on the application: due date, provisional flag, explanation."""

    due: dt.date | None
    provisional: bool
    explanation: str
    deadline: Deadline | None = None


def parse_pauses(raw: Any) -> list[tuple[dt.date, dt.date]]:
    return [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in raw or []]


def reply_clock(facts: ClockFacts, calendar: WorkCalendar) -> ReplyClock:
    """The reply deadline: 条例第33条 with 补正 restart (D3), pauses (D2), extension (D4);
    an art-35 date replaces it; while a 补正 is awaited the clock does not run (第30条)."""
    if facts.status == Status.AWAITING_CORRECTION:
        return ReplyClock(
            None, False, "等待申请人补正：答复期限自收到补正申请之日起重新计算（条例第30条）。"
        )
    if facts.art35_due is not None:
        text = (
            f"依条例第35条，申请数量、频次明显超过合理范围，确定合理答复期限为"
            f"{facts.art35_due.isoformat()}（理由：{facts.art35_reason}）。"
        )
        return ReplyClock(facts.art35_due, False, text)
    deadline = reply_due(
        receipt_date=facts.receipt_date,
        corrected_receipt_date=facts.corrected_receipt_date,
        extension_workdays=facts.extension_workdays,
        pauses=parse_pauses(facts.pauses),
        calendar=calendar,
    )
    text = deadline.explanation
    if facts.extension_workdays:
        text += f"其中含经批准延长的{facts.extension_workdays}个工作日（条例第33条第2款）。"
    return ReplyClock(deadline.due, deadline.provisional, text, deadline)


def workdays_left(*, today: dt.date, due: dt.date, calendar: WorkCalendar) -> int:
    """Working days after today up to and including the due date; negative when overdue."""
    if due >= today:
        return calendar.count_workdays(after=today, through=due)
    return -calendar.count_workdays(after=due, through=today)
