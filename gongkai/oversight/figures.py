"""Figures for the annual report narrative and the supervisor's home page (reads only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, Sum

from gongkai.orgs.models import Organisation
from gongkai.oversight.choices import (
    OPEN_RECTIFICATION,
    EscalationLevel,
    PlatformKind,
    RectificationStatus,
    TrainingKind,
    Verdict,
)
from gongkai.oversight.models import (
    AssessmentScore,
    AssessmentSheet,
    CheckRecord,
    CheckRound,
    Rectification,
    TrainingRecord,
)
from gongkai.oversight.selectors import current_rounds, report_deadline

if TYPE_CHECKING:
    from gongkai.accounts.models import User


def oversight_report_figures(*, organisation: Organisation, year: int) -> dict[str, Any]:
    """What the annual report's 一（四）/（五） narrative says about supervision in ``year``:
    spot checks held by ``organisation``, what they covered and how many passed, the
    organisation's own platforms checked, trainings and meetings it held, assessments done."""
    records = CheckRecord.objects.filter(round__organisation=organisation, round__year=year)
    own = CheckRecord.objects.filter(platform__organisation=organisation, round__year=year)
    trainings = TrainingRecord.objects.filter(organisation=organisation, held_on__year=year)
    by_kind = {
        row["kind"]: row
        for row in trainings.values("kind").annotate(n=Count("id"), people=Sum("participants"))
    }
    training = by_kind.get(TrainingKind.TRAINING, {})
    meeting = by_kind.get(TrainingKind.MEETING, {})
    assessed = (
        AssessmentScore.objects.filter(sheet__organisation=organisation, sheet__year=year)
        .values("organisation")
        .distinct()
    )
    return {
        "year": year,
        "organisation": organisation.code,
        "spot_check_rounds": CheckRound.objects.filter(
            organisation=organisation, year=year
        ).count(),
        **_check_figures(records, prefix=""),
        "website_checks": records.filter(platform__kind=PlatformKind.WEBSITE).count(),
        "new_media_checks": records.exclude(platform__kind=PlatformKind.WEBSITE).count(),
        **_check_figures(own, prefix="own_"),
        "trainings": training.get("n", 0),
        "training_participants": training.get("people") or 0,
        "meetings": meeting.get("n", 0),
        "meeting_participants": meeting.get("people") or 0,
        "assessments": AssessmentSheet.objects.filter(organisation=organisation, year=year).count(),
        "units_assessed": assessed.count(),
        "rectifications_issued": Rectification.objects.filter(
            supervisor_org=organisation, issued_on__year=year
        ).count(),
        "rectifications_verified": Rectification.objects.filter(
            supervisor_org=organisation, issued_on__year=year, status=RectificationStatus.VERIFIED
        ).count(),
    }


def oversight_report_sentences(figures: dict[str, Any]) -> list[str]:
    """Draft sentences for the report's 一（四）/（五） from :func:`oversight_report_figures`,
    in the style of the seed report; the author edits them. Empty figures give no sentence."""
    out = []
    if figures["spot_check_rounds"]:
        rate = figures["pass_rate"]
        result = "全部合格" if rate == 100 else f"合格率{rate}%"
        out.append(
            f"全年组织政府网站和政务新媒体抽查{figures['spot_check_rounds']}次，"
            f"共抽查{figures['checks']}个次，{result}。"
        )
    if figures["meetings"]:
        out.append(f"全年召开政务公开工作会议{figures['meetings']}次。")
    if figures["trainings"]:
        out.append(
            f"组织政务公开业务培训{figures['trainings']}次，"
            f"培训{figures['training_participants']}人次。"
        )
    if figures["assessments"]:
        out.append("将政务公开工作纳入年度考核。")
    if figures["rectifications_issued"]:
        out.append(
            f"下发整改通知{figures['rectifications_issued']}件，"
            f"已整改销号{figures['rectifications_verified']}件。"
        )
    return out


def _check_figures(records: Any, *, prefix: str) -> dict[str, Any]:
    total = records.count()
    passed = records.filter(verdict=Verdict.PASS).count()
    rate = None
    if total:
        rate = (Decimal(passed * 100) / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {
        f"{prefix}platforms_checked": records.values("platform").distinct().count(),
        f"{prefix}checks": total,
        f"{prefix}checks_passed": passed,
        f"{prefix}pass_rate": rate,
    }


# --- Supervisor home ----------------------------------------------------------------------------


@dataclass
class Figure:
    """A number on the home page and the list behind it (None: that domain is not in yet)."""

    value: int | None
    url: str = ""


@dataclass
class OrgRow:
    organisation: Organisation
    overdue: Figure
    due_soon: Figure
    late_items: Figure
    report_status: str
    report_deadline: dt.date
    report_url: str
    open_tasks: Figure
    escalated: int


@dataclass
class Home:
    rows: list[OrgRow] = field(default_factory=list)
    totals: dict[str, Figure] = field(default_factory=dict)
    rounds: list[CheckRound] = field(default_factory=list)
    repeat_failures: list[tuple[Organisation, int]] = field(default_factory=list)


REPEAT_FAILURES = 2  # failed checks in one year that make a unit a candidate for 通报批评


def repeat_failures(
    *, organisations: list[Organisation], year: int
) -> list[tuple[Organisation, int]]:
    """Units whose platforms failed spot checks at least twice in ``year`` (the seed's
    "对多次出现问题……的，加大督办、通报、约谈力度"), most failures first."""
    by_id = {org.pk: org for org in organisations}
    rows = (
        CheckRecord.objects.filter(
            platform__organisation__in=organisations, round__year=year, verdict=Verdict.FAIL
        )
        .values("platform__organisation")
        .annotate(n=Count("id"))
        .filter(n__gte=REPEAT_FAILURES)
        .order_by("-n")
    )
    return [(by_id[row["platform__organisation"]], row["n"]) for row in rows]


def supervisor_home(*, user: User, organisations: list[Organisation], today: dt.date) -> Home:
    """Per organisation of the subtree: applications overdue and due soon, items published
    late, last year's report status and deadline (through the other domains' selectors, see
    ``integrations``), open rectifications; and the open spot-check rounds. Each figure
    carries the URL of the list behind it."""
    from gongkai.oversight import integrations as other
    from gongkai.oversight.selectors import supervising_roots

    tasks = {
        row["organisation"]: row
        for row in Rectification.objects.filter(
            organisation__in=organisations, status__in=OPEN_RECTIFICATION
        )
        .values("organisation")
        .annotate(n=Count("id"), escalated=Count("id", filter=Q(level__gt=EscalationLevel.NONE)))
    }
    late = other.catalog_late_counts(user=user, today=today)
    reports = other.report_statuses(roots=supervising_roots(user=user), year=today.year - 1)
    home = Home(
        rounds=list(current_rounds(user=user)),
        repeat_failures=repeat_failures(organisations=organisations, year=today.year),
    )
    for org in organisations:
        overdue, soon = other.foi_due_counts(user=user, organisation=org, today=today)
        task_row = tasks.get(org.pk, {})
        home.rows.append(
            OrgRow(
                organisation=org,
                overdue=Figure(overdue, other.url("foi:queue", org.code, query="due=overdue")),
                due_soon=Figure(soon, other.url("foi:queue", org.code, query="due=soon")),
                late_items=Figure(
                    late.get(org.pk, 0) if late is not None else None,
                    other.url("catalog:staff-timeliness"),
                ),
                report_status=reports.get(org.pk, "—") if reports is not None else "—",
                report_deadline=report_deadline(organisation=org, year=today.year - 1),
                report_url=other.url("reports:dashboard", query=f"year={today.year - 1}")
                if reports is not None
                else "",
                open_tasks=Figure(
                    task_row.get("n", 0),
                    other.url("oversight:rectification-list", query=f"org={org.code}&open=1"),
                ),
                escalated=task_row.get("escalated", 0),
            )
        )
    home.totals = _totals(home.rows)
    return home


def _totals(rows: list[OrgRow]) -> dict[str, Figure]:
    from gongkai.oversight import integrations as other

    links = {
        "overdue": "",
        "due_soon": "",
        "late_items": other.url("catalog:staff-timeliness"),
        "open_tasks": other.url("oversight:rectification-list", query="open=1"),
    }
    totals: dict[str, Figure] = {}
    for key, link in links.items():
        known = [getattr(row, key).value for row in rows if getattr(row, key).value is not None]
        totals[key] = Figure(sum(known) if known else None, link)
    return totals


# --- Assessment table -------------------------------------------------------------------------


@dataclass
class AssessmentRow:
    organisation: Organisation
    scores: list[AssessmentScore | None]
    total: Decimal | None
    rank: int | None = None


@dataclass
class AssessmentTable:
    lines: tuple[Any, ...]
    rows: list[AssessmentRow]


def assessment_table(*, sheet: AssessmentSheet) -> AssessmentTable:
    """Per assessed unit: one score per indicator line, the total (None until every line is
    scored) and the ranking, best first."""
    from gongkai.oversight import scoring
    from gongkai.oversight.selectors import assessed_organisations

    lines = scoring.assessment_indicators_from_list(sheet.indicators)
    scores: dict[tuple[int, str], AssessmentScore] = {
        (s.organisation_id, s.indicator_code): s for s in sheet.scores.all()
    }
    rows = []
    for org in assessed_organisations(sheet=sheet):
        cells = [scores.get((org.pk, line.code)) for line in lines]
        complete = all(c is not None and c.score is not None for c in cells)
        total = sum((c.score for c in cells if c and c.score is not None), Decimal(0))
        rows.append(AssessmentRow(org, cells, total if complete else None))
    ranks = scoring.rank({str(row.organisation.pk): row.total for row in rows})
    for row in rows:
        row.rank = ranks[str(row.organisation.pk)]
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.organisation.path))
    return AssessmentTable(lines=lines, rows=rows)


@dataclass
class TrainingYear:
    year: int
    trainings: int = 0
    training_participants: int = 0
    meetings: int = 0
    meeting_participants: int = 0


def training_counts(*, queryset: Any) -> list[TrainingYear]:
    """Yearly counts of trainings and meetings (report 一（五）), newest year first."""
    years: dict[int, TrainingYear] = {}
    rows = queryset.values("held_on__year", "kind").annotate(
        n=Count("id"), people=Sum("participants")
    )
    for row in rows.order_by():
        entry = years.setdefault(row["held_on__year"], TrainingYear(row["held_on__year"]))
        if row["kind"] == TrainingKind.TRAINING:
            entry.trainings, entry.training_participants = row["n"], row["people"] or 0
        else:
            entry.meetings, entry.meeting_participants = row["n"], row["people"] or 0
    return sorted(years.values(), key=lambda y: -y.year)
