"""Deadline reminders (C7): idempotent and safe to run in parallel from cron.

Each (application, kind, due date) is reminded once: the ``Reminder`` row's unique constraint
decides who sends it, so two runs at once cannot both send. Overdue cases also get an
``overdue`` event on their timeline. Mails name the query code and the due date only, never
the applicant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction

from gongkai.foi.choices import EventKind, Phase
from gongkai.foi.models import Application, ApplicationEvent, Reminder
from gongkai.foi.selectors import soon_limit
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership

DUE_SOON, OVERDUE = "due_soon", "overdue"


@dataclass(frozen=True)
class RemindResult:
    due_soon: int
    overdue: int
    mails: int


def applications_remind(*, today: dt.date, dry_run: bool = False) -> RemindResult:
    """Remind handlers of cases due within 3 working days, and of overdue ones."""
    limit = soon_limit(today=today)
    rows = (
        Application.objects.filter(phase=Phase.OPEN, reply_due__lte=limit)
        .select_related("handler")
        .only("id", "query_code", "reply_due", "status", "organisation_id", "handler__email")
        .order_by("reply_due", "id")
    )
    counts = {DUE_SOON: 0, OVERDUE: 0}
    messages = []
    for app in rows.iterator(chunk_size=500):
        assert app.reply_due is not None
        kind = OVERDUE if app.reply_due < today else DUE_SOON
        if dry_run or _claim(app, kind, today):
            counts[kind] += 1
            messages.extend(_mail(app, kind, recipients=_recipients(app)))
    if messages and not dry_run:
        send_mass_mail(messages, fail_silently=False)
    return RemindResult(counts[DUE_SOON], counts[OVERDUE], 0 if dry_run else len(messages))


def _claim(app: Application, kind: str, today: dt.date) -> bool:
    """Insert the reminder row (and the overdue event) unless another run already did."""
    assert app.reply_due is not None
    try:
        with transaction.atomic():
            Reminder.objects.create(application=app, kind=kind, due=app.reply_due)
            if kind == OVERDUE:
                ApplicationEvent.objects.create(
                    application=app,
                    kind=EventKind.OVERDUE,
                    from_status=app.status,
                    to_status=app.status,
                    actor_label="系统",
                    on=today,
                    note=f"已超过答复期限 {app.reply_due.isoformat()}",
                )
    except IntegrityError:
        return False
    return True


def _recipients(app: Application) -> list[str]:
    if app.handler_id and app.handler and app.handler.email:
        return [app.handler.email]
    handlers = Membership.objects.filter(
        organisation_id=app.organisation_id, role=Role.HANDLER, user__is_active=True
    ).exclude(user__email="")
    return sorted(set(handlers.values_list("user__email", flat=True)))


def _mail(
    app: Application, kind: str, *, recipients: list[str]
) -> list[tuple[str, str, str, list[str]]]:
    if not recipients:
        return []
    assert app.reply_due is not None
    state = "已超过答复期限" if kind == OVERDUE else "将在3个工作日内到期"
    subject = f"[政务公开] 申请 {app.query_code} {state}"
    body = (
        f"政府信息公开申请 {app.query_code} 的答复期限为 {app.reply_due.isoformat()}，"
        f"{state}。请及时办理。"
    )
    return [(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)]
