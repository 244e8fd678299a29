"""Reads of disclosure on request, scoped by who asks (C4), and the table 三 statistics."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.crypto import constant_time_compare

from gongkai.calendars.selectors import work_calendar
from gongkai.foi.choices import (
    APPLICANT_COLUMNS,
    OPEN_STATUSES,
    ApplicantType,
    Channel,
    EventKind,
    Outcome,
    Phase,
    Status,
)
from gongkai.foi.masking import mask_name
from gongkai.foi.models import Application, ApplicationEvent, FeeNotice
from gongkai.orgs.choices import STAFF_ROLES, Role
from gongkai.orgs.selectors import access_scope, scope_queryset
from gongkai.workdays import wd_after

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation

QUERY_CODE = re.compile(r"[A-Za-z0-9]{4}(-?[A-Za-z0-9]{4}){3}")

# Columns a queue row needs: no personal data beyond what is shown masked.
QUEUE_FIELDS = (
    "id",
    "query_code",
    "status",
    "applicant_type",
    "applicant_name",
    "channel",
    "receipt_date",
    "reply_due",
    "reply_due_provisional",
    "description",
    "version",
    "organisation_id",
)


@dataclass(frozen=True)
class QueueFilter:
    status: str = ""  # "" = all open, "done" = closed ones, or one Status value
    due: str = ""  # "", "overdue", "soon", "provisional"
    q: str = ""


def application_queue(
    *, user: User, organisation: Organisation, today: dt.date, filters: QueueFilter
) -> QuerySet[Application]:
    """The organisation's cases for its queue, soonest deadline first (partial index)."""
    queryset = scope_queryset(Application.objects.all(), user=user).filter(
        organisation=organisation
    )
    if filters.status == "done":
        queryset = queryset.filter(phase=Phase.DONE).order_by("-closed_on", "-id")
    elif filters.status in OPEN_STATUSES:
        queryset = queryset.filter(status=filters.status).order_by("reply_due", "id")
    else:
        queryset = queryset.filter(phase=Phase.OPEN).order_by("reply_due", "id")
    if filters.due == "overdue":
        queryset = queryset.filter(reply_due__lt=today)
    elif filters.due == "soon":
        queryset = queryset.filter(reply_due__gte=today, reply_due__lte=soon_limit(today=today))
    elif filters.due == "provisional":
        # ``__in=[True]``: Django renders ``=True`` as a bare column, which SQLite's planner
        # does not match against the (organisation, phase, provisional, due) index.
        queryset = queryset.filter(reply_due_provisional__in=[True])
    term = filters.q.strip()
    if QUERY_CODE.fullmatch(term):  # a query code: exact, through its unique index
        raw = term.replace("-", "").upper()
        queryset = queryset.filter(query_code="-".join(raw[i : i + 4] for i in range(0, 16, 4)))
    elif term:  # words: a scan of the organisation's cases (no trigram index yet)
        queryset = queryset.filter(description__icontains=term)
    return queryset.only(*QUEUE_FIELDS)


@dataclass(frozen=True)
class QueueRow:
    """One queue line, formatted once in Python (the template only prints): personal data
    masked here, so the page cannot show it by accident."""

    pk: int
    query_code: str
    applicant: str
    applicant_type: str
    channel: str
    receipt_date: str
    status: str
    due: str
    overdue: bool
    soon: bool
    provisional: bool
    description: str


_TYPE_LABELS = dict(ApplicantType.choices)
_CHANNEL_LABELS = dict(Channel.choices)
_STATUS_LABELS = dict(Status.choices)


def queue_rows(
    applications: Iterable[Application], *, today: dt.date, soon: dt.date
) -> list[QueueRow]:
    rows = []
    for app in applications:
        due = app.reply_due
        text = app.description
        rows.append(
            QueueRow(
                pk=app.pk,
                query_code=app.query_code,
                applicant=mask_name(app.applicant_name),
                applicant_type=_TYPE_LABELS.get(app.applicant_type, ""),
                channel=_CHANNEL_LABELS.get(app.channel, ""),
                receipt_date=app.receipt_date.isoformat(),
                status=_STATUS_LABELS.get(app.status, ""),
                due=due.isoformat() if due else "",
                overdue=due is not None and due < today,
                soon=due is not None and today <= due <= soon,
                provisional=app.reply_due_provisional,
                description=text if len(text) <= 40 else text[:39] + "…",
            )
        )
    return rows


def soon_limit(*, today: dt.date, workdays: int = 3) -> dt.date:
    """The last day that is at most ``workdays`` working days away (the "due soon" badge)."""
    return wd_after(today, workdays, calendar=work_calendar()).due


def application_get_for_user(*, user: User, pk: int) -> Application:
    """One case if the user may read its organisation; 404 otherwise (C4)."""
    queryset = scope_queryset(
        Application.objects.select_related(
            "organisation", "handler", "repeat_of", "extension_approver"
        ),
        user=user,
    )
    try:
        return queryset.get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("没有找到该申请，或您无权查看。") from None


def application_timeline(*, application: Application) -> QuerySet[ApplicationEvent]:
    return application.events.select_related("actor").order_by("at", "id")


def application_get_public(*, query_code: str, phone_last4: str) -> Application | None:
    """The application behind a query code, if the phone's last four digits match."""
    code = query_code.strip().upper()
    row = Application.objects.filter(query_code=code).select_related("organisation").first()
    if row is None or len(phone_last4) != 4:
        return None
    return row if constant_time_compare(row.phone[-4:], phone_last4) else None


def applicant_month_count(*, application: Application) -> int:
    """Applications of the same applicant to the same organ in the month of its receipt."""
    first = application.receipt_date.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return Application.objects.filter(
        organisation_id=application.organisation_id,
        applicant_key=application.applicant_key,
        receipt_date__gte=first,
        receipt_date__lt=nxt,
    ).count()


def can_act(*, user: User, application: Application, roles: frozenset[str]) -> bool:
    scope = access_scope(user=user)
    return scope.is_sysadmin or scope.has_role(application.organisation_id, roles)


# --- table 三 (D7) -----------------------------------------------------------------------

TABLE3_ROWS: tuple[str, ...] = ("R1", "R2", *Outcome.values, "R3.7", "R4")


def table3(*, organisation: Organisation, year: int) -> dict[str, list[int]]:
    """Table 三 of ``organisation`` for ``year``: {row id: [C1..C7]}, one grouped query (D7).

    R1: original receipt date in the year (D3 keeps the original date). R2: received before the
    year and not closed before 1 January. R3.x: closed in the year, by outcome leaf (D6).
    R4: received by 31 December and not closed by then. R3.7 and C7 are sums.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    open_at_start = Q(closed_on__isnull=True) | Q(closed_on__gte=first)
    aggregates = {
        "R1": Count("id", filter=Q(receipt_date__gte=first, receipt_date__lte=last)),
        "R2": Count("id", filter=Q(receipt_date__lt=first) & open_at_start),
        "R4": Count(
            "id",
            filter=Q(receipt_date__lte=last) & (Q(closed_on__isnull=True) | Q(closed_on__gt=last)),
        ),
    }
    for index, leaf in enumerate(Outcome.values):
        aggregates[f"o{index}"] = Count(
            "id", filter=Q(outcome=leaf, closed_on__gte=first, closed_on__lte=last)
        )
    rows = (
        Application.objects.filter(organisation=organisation, receipt_date__lte=last)
        .exclude(closed_on__lt=first)
        .values("applicant_type")
        .annotate(**aggregates)
        .order_by()
    )
    table = {row: [0] * 7 for row in TABLE3_ROWS}
    for group in rows:
        column = APPLICANT_COLUMNS.index(group["applicant_type"])
        for row in ("R1", "R2", "R4"):
            table[row][column] = group[row]
        for index, leaf in enumerate(Outcome.values):
            table[leaf][column] = group[f"o{index}"]
    for column in range(6):
        table["R3.7"][column] = sum(table[leaf][column] for leaf in Outcome.values)
    for values in table.values():
        values[6] = sum(values[:6])
    return table


def open_statuses() -> list[str]:
    return sorted(OPEN_STATUSES)


def can_act_in(*, user: User, organisation: Organisation, roles: set[str] | frozenset[str]) -> bool:
    scope = access_scope(user=user)
    return scope.is_sysadmin or scope.has_role(organisation.pk, roles)


def can_register(*, user: User, organisation: Organisation) -> bool:
    return can_act_in(user=user, organisation=organisation, roles={Role.REGISTRAR, Role.HANDLER})


def can_see_personal_data(*, user: User, application: Application) -> bool:
    """Staff of the organisation itself (not supervisors of the subtree) and sysadmins."""
    return can_act(user=user, application=application, roles=STAFF_ROLES)


def fee_notice_of(*, application: Application) -> FeeNotice | None:
    return FeeNotice.objects.filter(application=application).first()


def table3_rows(table: dict[str, list[int]]) -> list[tuple[str, str, list[int]]]:
    """(row id, official label, cells) in the printed order, for display."""
    labels = {
        "R1": "一、本年新收政府信息公开申请数量",
        "R2": "二、上年结转政府信息公开申请数量",
        "R3.7": "三、本年度办理结果 （七）总计",
        "R4": "四、结转下年度继续办理",
        **{o.value: f"三、本年度办理结果 {o.label}" for o in Outcome},
    }
    return [(row, labels[row], table[row]) for row in TABLE3_ROWS]


def application_public_view(*, query_code: str) -> Application | None:
    """Only for the confirmation page right after submitting (the code is in the session)."""
    return Application.objects.select_related("organisation").filter(query_code=query_code).first()


# Steps the public status page shows (kind → public wording); no notes, no staff names.
PUBLIC_STEPS: dict[str, str] = {
    EventKind.REGISTER: "申请已收到并登记",
    EventKind.ACCEPT: "已受理，正在办理",
    EventKind.REQUEST_CORRECTION: "已发出补正告知，请按告知书补正",
    EventKind.RECEIVE_CORRECTION: "已收到补正材料，答复期限重新计算",
    EventKind.START_CONSULTATION: "正在征求意见（期间不计入答复期限）",
    EventKind.END_CONSULTATION: "征求意见结束",
    EventKind.EXTEND: "答复期限已依法延长",
    EventKind.FEE_NOTICE: "已发出信息处理费收费通知",
    EventKind.FEE_PAID: "已收到信息处理费",
    EventKind.ART35_DELAY: "已确定合理答复期限",
    EventKind.REPLY: "已作出答复",
    EventKind.LAPSE_CORRECTION: "逾期未补正，不再处理",
    EventKind.FEE_LAPSE: "逾期未缴费，不再处理",
    EventKind.WITHDRAW: "申请已撤回",
    EventKind.DEADLINE_RECOMPUTED: "答复期限已按节假日安排重新计算",
}


def public_progress(*, application: Application) -> list[tuple[dt.datetime, str]]:
    events = application.events.filter(kind__in=list(PUBLIC_STEPS)).order_by("at", "id")
    return [(e.at, PUBLIC_STEPS[e.kind]) for e in events if not e.data.get("warning")]


def late_replies_count(*, organisation: Organisation, year: int) -> int:
    """Replies given in ``year`` after their reply due date (N-02 and the annual assessment)."""
    return Application.objects.filter(
        organisation=organisation, replied_on__year=year, replied_on__gt=F("reply_due")
    ).count()
