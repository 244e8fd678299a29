"""The one transition service of a case and the helpers every step shares (C11).

``application_transition`` locks the row, checks the version the user saw (two staff acting at
once: one wins, the other gets a conflict), checks the role and the transition table, applies
the step's facts, recomputes the reply deadline, and writes one append-only event plus an
audit entry, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.services import audit_record
from gongkai.calendars.selectors import work_calendar
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.foi.choices import (
    OPEN_STATUSES,
    OUTCOME_BASIS,
    EventKind,
    Phase,
    Status,
)
from gongkai.foi.deadlines import reply_clock
from gongkai.foi.models import Application, ApplicationEvent
from gongkai.foi.workflow import TRANSITIONS
from gongkai.orgs.selectors import require_role
from gongkai.workdays import (
    WorkCalendar,
)

if TYPE_CHECKING:
    from gongkai.accounts.models import User


# --- the one transition service ---------------------------------------------------------------

Step = Callable[[Application, WorkCalendar], "str | None"]


@transaction.atomic
def application_transition(
    *,
    application: Application,
    kind: str,
    actor: User | None,
    expected_version: int | None,
    on: dt.date | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
    step: Step | None = None,
) -> Application:
    """Take one step of the case. ``step`` applies the step's facts to the locked row and may
    return the target status when the table leaves it open; it raises ApplicationError to
    refuse, which rolls everything back."""
    rule = TRANSITIONS[kind]
    locked = (
        Application.objects.select_for_update()
        .select_related("organisation")
        .get(pk=application.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            "该申请已被他人处理（状态或内容已变化），请刷新页面查看最新情况后再操作。"
        )
    if actor is not None:
        require_role(user=actor, organisation=locked.organisation, roles=rule.roles)
    if locked.status not in rule.sources:
        raise ApplicationError(
            f"当前状态为“{Status(locked.status).label}”，不能执行“{EventKind(kind).label}”。",
            code="illegal_transition",
        )
    from_status = locked.status
    calendar = work_calendar()
    decided = step(locked, calendar) if step else None
    locked.status = rule.target or decided or locked.status
    _apply_clock(locked, calendar)
    locked.version += 1
    _full_clean(locked)
    locked.save()
    _event(locked, kind, from_status, locked.status, actor, on=on, note=note, data=data)
    audit_record(
        actor=actor,
        action=f"foi.{kind}",
        obj=locked,
        organisation=locked.organisation,
        before={"status": from_status},
        after={"status": locked.status, **(data or {})},
        note=note,
        actor_label="system",
    )
    application.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return locked


def _apply_clock(application: Application, calendar: WorkCalendar) -> None:
    is_open = application.status in OPEN_STATUSES
    application.phase = Phase.OPEN if is_open else Phase.DONE
    if not is_open:
        application.reply_due, application.reply_due_provisional = None, False
        return
    clock = reply_clock(application, calendar)
    application.reply_due = clock.due
    application.reply_due_provisional = clock.provisional
    application.deadline_explanation = clock.explanation


def _event(
    application: Application,
    kind: str,
    from_status: str,
    to_status: str,
    actor: User | None,
    *,
    on: dt.date | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        actor_label=actor.get_username() if actor else "系统",
        on=on,
        note=note[:500],
        data=data or {},
    )


def _full_clean(application: Application) -> None:
    try:
        application.full_clean(exclude=["organisation", "handler", "repeat_of"])
    except ValidationError as error:
        messages = "；".join(str(m) for msgs in error.message_dict.values() for m in msgs)
        raise ApplicationError(f"申请信息有误：{messages}") from None


def _close(application: Application, outcome: str, on: dt.date, basis: str = "") -> None:
    application.outcome = outcome
    application.outcome_basis = basis or OUTCOME_BASIS.get(outcome, "")
    application.closed_on = on


def _not_before(day: dt.date, earliest: dt.date, what: str) -> None:
    if day < earliest:
        raise ApplicationError(f"{what}不能早于{earliest.isoformat()}。")
