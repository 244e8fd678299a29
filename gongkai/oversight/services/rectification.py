"""Rectification tasks (整改): issue, answer, verify, escalate (条例第47条)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.orgs.models import Organisation
from gongkai.oversight import escalation, indicators
from gongkai.oversight.choices import (
    AWAITING_UNIT,
    EscalationLevel,
    RectificationEventKind,
    RectificationStatus,
)
from gongkai.oversight.evidence import check_evidence
from gongkai.oversight.models import (
    Finding,
    Rectification,
    RectificationEvent,
    evidence_path,
)
from gongkai.oversight.selectors import (
    can_answer,
    require_supervisor,
)
from gongkai.workdays import WorkCalendar, wd_after

if TYPE_CHECKING:
    from gongkai.accounts.models import User


def work_calendar() -> WorkCalendar:
    """The platform calendar (bundled data plus loaded years) when the calendars app offers
    it, else the bundled data."""
    loader = indicators.optional_function("gongkai.calendars.selectors", "work_calendar")
    calendar = loader() if loader else None
    return calendar if isinstance(calendar, WorkCalendar) else WorkCalendar.bundled()


# --- Rectification ----------------------------------------------------------------------------

ALLOWED: dict[str, frozenset[str]] = {
    RectificationStatus.OPEN: frozenset({RectificationStatus.ANSWERED}),
    RectificationStatus.RETURNED: frozenset({RectificationStatus.ANSWERED}),
    RectificationStatus.ANSWERED: frozenset(
        {RectificationStatus.VERIFIED, RectificationStatus.RETURNED}
    ),
    RectificationStatus.VERIFIED: frozenset(),
}

DEFAULT_RECTIFICATION_WORKDAYS = 10


@transaction.atomic
def rectification_issue(
    *,
    organisation: Organisation,
    supervisor_org: Organisation,
    title: str,
    issued_on: dt.date,
    workdays: int,
    actor: User,
    requirement: str = "",
    finding: Finding | None = None,
    calendar: WorkCalendar | None = None,
) -> Rectification:
    """Order a unit to rectify (条例第47条 督促整改) within ``workdays`` working days."""
    require_supervisor(user=actor, organisation=supervisor_org)
    if not organisation.path.startswith(supervisor_org.path):
        raise ApplicationError("只能向本级及下级机关下发整改任务。")
    if not 1 <= workdays <= 60:
        raise ApplicationError("整改期限应为 1 至 60 个工作日。")
    if finding is not None and finding.record.platform.organisation_id != organisation.pk:
        raise ApplicationError("整改单位必须是该网站或新媒体的主办单位。")
    deadline = wd_after(issued_on, workdays, calendar=calendar or work_calendar())
    task = Rectification(
        organisation=organisation,
        supervisor_org=supervisor_org,
        finding=finding,
        title=title.strip(),
        requirement=requirement,
        issued_on=issued_on,
        workdays=workdays,
        due_on=deadline.due,
        due_provisional=deadline.provisional,
        created_by=actor,
    )
    task.full_clean()
    task.save()
    _event(
        task,
        RectificationEventKind.ISSUE,
        actor,
        issued_on,
        to_status=task.status,
        note=deadline.explanation,
    )
    audit_record(
        actor=actor,
        action="oversight.rectification_issue",
        obj=task,
        organisation=organisation,
        after={"due_on": str(task.due_on), "workdays": workdays},
    )
    return task


@transaction.atomic
def rectification_answer(
    *,
    task: Rectification,
    response: str,
    actor: User,
    today: dt.date,
    evidence: UploadedFile | None = None,
) -> Rectification:
    """The unit reports what it did (any staff role of the responsible unit)."""
    if not can_answer(user=actor, task=task):
        raise PermissionDenied("只有整改单位的工作人员可以反馈整改情况。")
    if not response.strip():
        raise ApplicationError("请填写整改情况。")
    _require_allowed(task, RectificationStatus.ANSWERED, RectificationEventKind.ANSWER)
    fields: dict[str, Any] = {
        "response": response.strip(),
        "first_answered_on": task.first_answered_on or today,
    }
    if evidence is not None:
        check_evidence(evidence)
        storage = task.evidence.storage
        fields["evidence"] = storage.save(evidence_path(task, evidence.name or ""), evidence)
    try:
        _transition(
            task,
            RectificationStatus.ANSWERED,
            RectificationEventKind.ANSWER,
            actor,
            today,
            note=response.strip()[:500],
            **fields,
        )
    except ApplicationError:
        if "evidence" in fields:  # nothing was recorded: do not keep the orphan file
            task.evidence.storage.delete(fields["evidence"])
        raise
    return task


@transaction.atomic
def rectification_verify(
    *, task: Rectification, accept: bool, actor: User, today: dt.date, note: str = ""
) -> Rectification:
    """The supervisor checks the unit's answer: accept (销号) or return for more work."""
    require_supervisor(user=actor, organisation=task.supervisor_org)
    if not accept and not note.strip():
        raise ApplicationError("退回重改时请说明原因。")
    if accept:
        _transition(
            task,
            RectificationStatus.VERIFIED,
            RectificationEventKind.VERIFY,
            actor,
            today,
            note=note,
            verified_on=today,
        )
    else:
        _transition(
            task,
            RectificationStatus.RETURNED,
            RectificationEventKind.RETURN,
            actor,
            today,
            note=note,
        )
    return task


def _transition(
    task: Rectification,
    to_status: str,
    kind: str,
    actor: User,
    today: dt.date,
    *,
    note: str = "",
    **fields: Any,
) -> None:
    from_status = task.status
    _require_allowed(task, to_status, kind)
    updated = Rectification.objects.filter(pk=task.pk, status=from_status).update(
        status=to_status, **fields
    )
    if not updated:
        raise ConflictError()
    for name, value in fields.items():
        setattr(task, name, value)
    task.status = to_status
    _event(task, kind, actor, today, from_status=from_status, to_status=to_status, note=note)
    audit_record(
        actor=actor,
        action=f"oversight.rectification_{kind}",
        obj=task,
        organisation=task.organisation,
        before={"status": from_status},
        after={"status": to_status},
        note=note,
    )


def _require_allowed(task: Rectification, to_status: str, kind: str) -> None:
    if to_status not in ALLOWED[task.status]:
        raise ApplicationError(
            f"整改任务当前为“{task.get_status_display()}”，不能{RectificationEventKind(kind).label}。"
        )


def _event(
    task: Rectification, kind: str, actor: User | None, on_date: dt.date, **fields: Any
) -> RectificationEvent:
    event = RectificationEvent(task=task, kind=kind, actor=actor, on_date=on_date, **fields)
    event.save()
    return event


@dataclass(frozen=True)
class Escalation:
    task_id: int
    title: str
    organisation: str
    from_level: int
    to_level: int


def escalation_thresholds() -> tuple[int, ...]:
    value = getattr(settings, "OVERSIGHT_ESCALATION_WORKDAYS", escalation.DEFAULT_THRESHOLDS)
    return tuple(int(v) for v in value)


def rectifications_escalate(
    *, today: dt.date, calendar: WorkCalendar | None = None, dry_run: bool = False
) -> list[Escalation]:
    """Raise every overdue task still awaiting the unit to the level its lateness calls for,
    one step at a time, each step a conditional UPDATE … WHERE level = old plus an event in
    its own transaction. Safe to run twice or in parallel: a step already taken updates no
    row and writes nothing."""
    calendar = calendar or work_calendar()
    thresholds = escalation_thresholds()
    steps: list[Escalation] = []
    overdue = Rectification.objects.filter(status__in=AWAITING_UNIT, due_on__lt=today)
    for task in overdue.select_related("organisation").order_by("due_on", "id"):
        target = escalation.target_level(
            due=task.due_on, today=today, calendar=calendar, thresholds=thresholds
        )
        for level in range(task.level, target):
            step = Escalation(task.pk, task.title, task.organisation.name, level, level + 1)
            if dry_run or _escalate_step(task, step, today, calendar):
                steps.append(step)
    return steps


@transaction.atomic
def _escalate_step(
    task: Rectification, step: Escalation, today: dt.date, calendar: WorkCalendar
) -> bool:
    updated = Rectification.objects.filter(
        pk=task.pk, level=step.from_level, status__in=AWAITING_UNIT
    ).update(level=step.to_level)
    if not updated:
        return False
    days = escalation.workdays_overdue(due=task.due_on, today=today, calendar=calendar)
    label = EscalationLevel(step.to_level).label
    note = f"逾期 {days} 个工作日（期限 {task.due_on}），升级为{label}"
    try:
        with transaction.atomic():
            _event(
                task,
                RectificationEventKind.ESCALATE,
                None,
                today,
                from_level=step.from_level,
                to_level=step.to_level,
                note=note,
            )
    except IntegrityError:  # a parallel run recorded this step first
        return False
    audit_record(
        actor=None,
        actor_label="oversight escalate",
        action="oversight.rectification_escalate",
        obj=task,
        organisation=task.organisation,
        before={"level": step.from_level},
        after={"level": step.to_level},
        note=note,
    )
    return True
