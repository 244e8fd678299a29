"""Reads of annual reports: scoped lists, the previous year for continuity rules, the
validation context from case data, public pages and the supervisor's dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from gongkai.orgs.choices import ReportOwnerType
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_subtree, scope_queryset
from gongkai.reportkit import ValidationContext
from gongkai.reportkit.jsonio import report_from_dict
from gongkai.reportkit.schema import OwnerType, Report
from gongkai.reports.choices import ReportStatus
from gongkai.reports.models import AnnualReport

if TYPE_CHECKING:
    from gongkai.accounts.models import User

PUBLIC_STATUSES = (ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED)


def report_deadline(*, owner_type: str, year: int) -> dt.date:
    """Art 49 / D10: departments publish by 31 January, governments by 31 March."""
    if owner_type == ReportOwnerType.DEPARTMENT:
        return dt.date(year + 1, 1, 31)
    return dt.date(year + 1, 3, 31)


def reports_for_user(*, user: User) -> QuerySet[AnnualReport]:
    return scope_queryset(
        AnnualReport.objects.select_related("organisation").defer(
            "published_html", "published_docx", "published_pdf"
        ),
        user=user,
    )


def report_get_for_user(*, user: User, pk: int) -> AnnualReport:
    try:
        return reports_for_user(user=user).get(pk=pk)
    except AnnualReport.DoesNotExist:
        raise Http404("没有找到该报告，或您无权查看。") from None


def report_content(report: AnnualReport) -> Report:
    """The stored engine JSON as the typed report."""
    return report_from_dict(report.content)


def previous_report(*, organisation: Organisation, year: int) -> Report | None:
    """Last year's report as published (live or imported) — enables T3-04, T2-02, T4-03, N-07."""
    last = (
        AnnualReport.objects.filter(
            organisation=organisation, year=year - 1, status=ReportStatus.PUBLISHED
        )
        .order_by("-revision")
        .first()
    )
    return report_content(last) if last else None


def validation_context(*, organisation: Organisation, year: int) -> ValidationContext:
    from gongkai.foi.selectors import late_replies_count
    from gongkai.reports.sources import fee_figures

    return ValidationContext(
        overdue_replies=late_replies_count(organisation=organisation, year=year),
        fees_collected_yuan=fee_figures(organisation=organisation, year=year).collected_yuan,
        owner_type=OwnerType(organisation.report_owner_type),
    )


# --- public -----------------------------------------------------------------------------------


def published_reports() -> QuerySet[AnnualReport]:
    return (
        AnnualReport.objects.filter(status=ReportStatus.PUBLISHED)
        .select_related("organisation")
        .defer("published_html", "published_docx", "published_pdf")
        .order_by("-year", "organisation__path")
    )


def public_report_get(*, code: str, year: int, revision: int | None = None) -> AnnualReport:
    reports = AnnualReport.objects.filter(
        organisation__code=code, year=year, status__in=PUBLIC_STATUSES
    ).select_related("organisation")
    report = (
        reports.filter(revision=revision).first()
        if revision
        else reports.filter(status=ReportStatus.PUBLISHED).first()
    )
    if report is None:
        raise Http404("没有找到该年度报告。")
    return report


def public_revisions(*, report: AnnualReport) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(
        organisation=report.organisation, year=report.year, status__in=PUBLIC_STATUSES
    ).only("id", "revision", "status", "published_at", "revision_reason", "year", "organisation")


# --- supervisor dashboard -------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardRow:
    organisation: Organisation
    report: AnnualReport | None
    deadline: dt.date
    received: int | None
    received_last_year: int | None
    closed: int | None
    carried_forward: int | None

    @property
    def change(self) -> int | None:
        if self.received is None or self.received_last_year is None:
            return None
        return self.received - self.received_last_year


def dashboard_rows(*, organisation: Organisation, year: int) -> list[DashboardRow]:
    """Every organisation of the subtree with its latest report of ``year`` and key figures."""
    organisations = list(organisation_subtree(organisation=organisation).filter(is_active=True))
    latest: dict[int, AnnualReport] = {}
    last_year: dict[int, AnnualReport] = {}
    reports = (
        AnnualReport.objects.filter(organisation__in=organisations, year__in=[year, year - 1])
        .exclude(status=ReportStatus.SUPERSEDED)
        .defer("published_html", "published_docx", "published_pdf")
        .order_by("revision")
    )
    for report in reports:
        (latest if report.year == year else last_year)[report.organisation_id] = report
    return [
        DashboardRow(
            organisation=org,
            report=latest.get(org.pk),
            deadline=report_deadline(owner_type=org.report_owner_type, year=year),
            received=_t3(latest.get(org.pk), "R1"),
            received_last_year=_t3(last_year.get(org.pk), "R1"),
            closed=_t3(latest.get(org.pk), "R3.7"),
            carried_forward=_t3(latest.get(org.pk), "R4"),
        )
        for org in organisations
    ]


def _t3(report: AnnualReport | None, row: str) -> int | None:
    if report is None:
        return None
    values = report.content.get("table3", {}).get(row)
    return values[6] if values and values[6] is not None else None


def aggregated_table3(*, organisation: Organisation, year: int) -> dict[str, list[int]]:
    """Table 三 summed over the subtree, from live case data: one grouped query per body, each
    served by the (organisation, …) indexes — measured faster on PostgreSQL than one query
    over the whole subtree (bench/reports)."""
    from gongkai.foi import selectors as foi

    total: dict[str, list[int]] = {}
    for body in organisation_subtree(organisation=organisation):
        for row, values in foi.table3(organisation=body, year=year).items():
            total[row] = [a + b for a, b in zip(total.get(row, [0] * 7), values, strict=True)]
    return total


# --- assessment indicators (read by gongkai.oversight) ---------------------------------------


def annual_report_late_count(
    *, organisation: Organisation, year: int, today: dt.date | None = None
) -> int:
    """1 when the report on ``year - 1`` was first published after its deadline (D10), or is
    still unpublished once the deadline has passed; else 0. Assessed in ``year``."""
    report_year = year - 1
    deadline = report_deadline(owner_type=organisation.report_owner_type, year=report_year)
    first = (
        AnnualReport.objects.filter(organisation=organisation, year=report_year, revision=1)
        .exclude(published_at=None)
        .values_list("published_at", flat=True)
        .first()
    )
    if first is None:
        return int((today or timezone.localdate()) > deadline)
    return int(timezone.localtime(first).date() > deadline)


def annual_report_error_count(*, organisation: Organisation, year: int) -> int:
    """Error findings in the published report on ``year - 1`` (0 when none is published)."""
    report = (
        AnnualReport.objects.filter(
            organisation=organisation, year=year - 1, status=ReportStatus.PUBLISHED
        )
        .order_by("-revision")
        .only("error_count")
        .first()
    )
    return report.error_count if report else 0
