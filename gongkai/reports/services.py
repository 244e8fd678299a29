"""The life of an annual report: draft from live data, edit, validate, review, approve,
publish, correct (D10 deadline; a published revision is immutable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import require_role
from gongkai.reportkit import parse_bytes, validate
from gongkai.reportkit.jsonio import finding_to_dict, report_to_dict
from gongkai.reportkit.schema import Report, Severity
from gongkai.reports import compute
from gongkai.reports.choices import ReportEventKind as Kind
from gongkai.reports.choices import ReportSource, ReportStatus
from gongkai.reports.models import AnnualReport, AnnualReportEvent
from gongkai.reports.narrative import draft_sections, has_placeholders
from gongkai.reports.selectors import previous_report, report_content, validation_context
from gongkai.reports.sources import live_figures

if TYPE_CHECKING:
    from gongkai.accounts.models import User

S = ReportStatus
ALLOWED: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.VALIDATED}),
    S.VALIDATED: frozenset({S.REVIEWED, S.DRAFT}),
    S.REVIEWED: frozenset({S.APPROVED, S.DRAFT}),
    S.APPROVED: frozenset({S.PUBLISHED, S.DRAFT}),
    S.PUBLISHED: frozenset({S.SUPERSEDED}),
    S.SUPERSEDED: frozenset(),
}
DRAFTERS = frozenset({Role.HANDLER, Role.OFFICE_HEAD, Role.ORG_ADMIN})
REVIEWERS = frozenset({Role.REVIEWER, Role.OFFICE_HEAD})
APPROVERS = frozenset({Role.LEADER})
PUBLISHERS = frozenset({Role.OFFICE_HEAD, Role.ORG_ADMIN})
RETURNERS = REVIEWERS | APPROVERS
EDITABLE_SECTIONS = ("S1", "S5", "S6")
SECTION_NUMERALS = {f"S{i}": numeral for i, numeral in enumerate("一二三四五六", start=1)}


# --- drafting ------------------------------------------------------------------------------


@transaction.atomic
def report_draft(*, organisation: Organisation, year: int, actor: User) -> AnnualReport:
    """Create the year's draft from live data, or refresh the tables of the open revision
    (its edited text is kept). A published report is corrected with ``report_revise``."""
    require_role(user=actor, organisation=organisation, roles=DRAFTERS)
    open_report = _open_revision(organisation, year)
    if open_report is not None:
        return _refresh(open_report, actor)
    if AnnualReport.objects.filter(organisation=organisation, year=year).exists():
        raise ApplicationError("该年度报告已公布；如需修改，请在已公布的报告上发起更正。")
    figures = live_figures(organisation=organisation, year=year)
    report = compute.build_report(figures=figures, sections=draft_sections(figures.narrative))
    record = AnnualReport(
        organisation=organisation, year=year, content=report_to_dict(report), created_by=actor
    )
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise ConflictError("该年度报告草稿已由他人生成，请刷新页面。") from None
    _event(record, Kind.CREATE, "", S.DRAFT, actor, "由平台实时数据生成")
    return record


def _refresh(record: AnnualReport, actor: User) -> AnnualReport:
    locked = _lock(record, record.version)
    current = report_content(locked)
    figures = live_figures(organisation=locked.organisation, year=locked.year)
    report = compute.build_report(figures=figures, sections=current.sections)
    before = locked.status
    _save_content(locked, report, status=S.DRAFT)
    _event(locked, Kind.REFRESH, before, S.DRAFT, actor, "按实时数据重新计算表格")
    return locked


@transaction.atomic
def report_update_sections(
    *, report: AnnualReport, sections: dict[str, str], actor: User, expected_version: int
) -> AnnualReport:
    """Staff edit the running text (一, 五, 六); any edit sends the report back to draft."""
    require_role(user=actor, organisation=report.organisation, roles=DRAFTERS)
    locked = _lock(report, expected_version)
    if not locked.is_open:
        raise ApplicationError("已公布的报告不能修改；如需修改，请发起更正。")
    unknown = set(sections) - set(EDITABLE_SECTIONS)
    if unknown:
        raise ApplicationError("只能编辑第一、五、六部分的文字；表格由平台数据生成。")
    content = report_content(locked)
    before_status = locked.status
    updated = compute.with_sections(content, {k: v.strip() for k, v in sections.items()})
    _save_content(locked, updated, status=S.DRAFT)
    _event(locked, Kind.EDIT, before_status, S.DRAFT, actor, "修改：" + "、".join(sorted(sections)))
    return locked


# --- validation and approval ---------------------------------------------------------------


@transaction.atomic
def report_validate(*, report: AnnualReport, actor: User, expected_version: int) -> AnnualReport:
    """Run every rule of the engine; the report is validated only with no error finding."""
    require_role(user=actor, organisation=report.organisation, roles=DRAFTERS)
    locked = _lock(report, expected_version)
    if locked.status != S.DRAFT:
        raise ApplicationError(f"只有草稿可以校验（当前状态：{locked.get_status_display()}）。")
    content = report_content(locked)
    findings = check(locked, content)
    locked.findings = findings
    locked.error_count = sum(1 for f in findings if f["severity"] == Severity.ERROR)
    locked.warning_count = sum(1 for f in findings if f["severity"] == Severity.WARNING)
    locked.validated_at = timezone.now()
    passed = locked.error_count == 0
    locked.status = S.VALIDATED if passed else S.DRAFT
    locked.version += 1
    locked.save()
    note = f"错误 {locked.error_count} 项，警告 {locked.warning_count} 项"
    _event(locked, Kind.VALIDATE, S.DRAFT, locked.status, actor, note)
    return locked


def check(record: AnnualReport, report: Report) -> list[dict[str, Any]]:
    """Engine findings plus the platform's own: text still to be written is an error."""
    context = validation_context(organisation=record.organisation, year=record.year)
    previous = previous_report(organisation=record.organisation, year=record.year)
    findings = [finding_to_dict(f) for f in validate(report, previous, context)]
    for section in has_placeholders(dict(report.sections)):
        findings.insert(
            0,
            {
                "rule": "P-TEXT",
                "severity": Severity.ERROR,
                "cells": [f"section:{section}"],
                "evidence": {},
                "message": f"第{SECTION_NUMERALS[section]}部分仍有“【待填写】”，请补充后再校验。",
            },
        )
    return findings


@transaction.atomic
def report_review(*, report: AnnualReport, actor: User, expected_version: int) -> AnnualReport:
    return _transition(report, S.REVIEWED, REVIEWERS, Kind.REVIEW, actor, expected_version, "")


@transaction.atomic
def report_approve(*, report: AnnualReport, actor: User, expected_version: int) -> AnnualReport:
    return _transition(report, S.APPROVED, APPROVERS, Kind.APPROVE, actor, expected_version, "")


@transaction.atomic
def report_return(
    *, report: AnnualReport, actor: User, expected_version: int, note: str
) -> AnnualReport:
    if not note.strip():
        raise ApplicationError("退回时请填写修改意见。")
    return _transition(report, S.DRAFT, RETURNERS, Kind.RETURN, actor, expected_version, note)


def _transition(
    report: AnnualReport,
    to: str,
    roles: frozenset[str],
    kind: str,
    actor: User,
    expected_version: int,
    note: str,
) -> AnnualReport:
    require_role(user=actor, organisation=report.organisation, roles=roles)
    locked = _lock(report, expected_version)
    if to not in ALLOWED[locked.status]:
        raise ApplicationError(f"当前状态“{locked.get_status_display()}”下不能执行此操作。")
    if to == S.APPROVED and _did(locked, Kind.REVIEW, actor):
        raise ApplicationError("审核人不能再批准同一份报告（审批分离）。")
    before = locked.status
    locked.status = to
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    _event(locked, kind, before, to, actor, note)
    return locked


# --- publication and corrections -------------------------------------------------------------


@transaction.atomic
def report_publish(*, report: AnnualReport, actor: User, expected_version: int) -> AnnualReport:
    """Render HTML, DOCX and PDF once and freeze them; the earlier revision is superseded."""
    require_role(user=actor, organisation=report.organisation, roles=PUBLISHERS)
    locked = _lock(report, expected_version)
    if locked.status != S.APPROVED:
        raise ApplicationError("只有经领导批准的报告才能公布。")
    content = report_content(locked)
    html, docx, pdf = render_all(content)
    previous = (
        AnnualReport.objects.select_for_update()
        .filter(organisation=locked.organisation, year=locked.year, status=S.PUBLISHED)
        .exclude(pk=locked.pk)
    )
    for old in previous:
        old.status = S.SUPERSEDED
        old.save(update_fields=["status", "updated_at"])
        _event(
            old, Kind.SUPERSEDE, S.PUBLISHED, S.SUPERSEDED, actor, f"由第{locked.revision}版取代"
        )
    locked.published_html, locked.published_docx, locked.published_pdf = html, docx, pdf
    locked.published_at = timezone.now()
    locked.status = S.PUBLISHED
    locked.version += 1
    locked.save()
    _event(locked, Kind.PUBLISH, S.APPROVED, S.PUBLISHED, actor, "")
    return locked


def render_all(report: Report) -> tuple[str, bytes, bytes]:
    from gongkai.reportkit.render_docx import render_docx
    from gongkai.reportkit.render_html import render_html
    from gongkai.reportkit.render_pdf import render_pdf

    try:
        return render_html(report), render_docx(report), render_pdf(report)
    except Exception as exc:  # a missing CJK font names the Debian package to install
        raise ApplicationError(f"报告文件生成失败：{exc}") from exc


@transaction.atomic
def report_revise(*, report: AnnualReport, actor: User, reason: str) -> AnnualReport:
    """Start a correction of a published report: a new draft revision with the reason."""
    require_role(user=actor, organisation=report.organisation, roles=PUBLISHERS)
    if report.status != S.PUBLISHED:
        raise ApplicationError("只能对已公布的报告发起更正。")
    if not reason.strip():
        raise ApplicationError("请填写更正原因。")
    if _open_revision(report.organisation, report.year) is not None:
        raise ApplicationError("该年度已有正在办理的更正版本。")
    revision = AnnualReport.objects.create(
        organisation=report.organisation,
        year=report.year,
        revision=report.revision + 1,
        content=report.content,
        source=report.source,
        revision_reason=reason.strip()[:500],
        created_by=actor,
    )
    _event(revision, Kind.REVISE, "", S.DRAFT, actor, reason.strip()[:500])
    return revision


@transaction.atomic
def report_import_earlier(
    *, organisation: Organisation, year: int, data: bytes, filename: str, actor: User
) -> AnnualReport:
    """An earlier year's published report, read from its file, as that year's figures."""
    require_role(user=actor, organisation=organisation, roles=PUBLISHERS)
    if year >= timezone.localdate().year:
        raise ApplicationError("只能导入以往年度的报告。")
    if AnnualReport.objects.filter(organisation=organisation, year=year).exists():
        raise ApplicationError(f"{year} 年已有报告，不能再导入。")
    try:
        parsed = parse_bytes(data, filename)
    except Exception as exc:  # unreadable files get one clear line, nothing is stored
        raise ApplicationError(f"文件无法作为年度报告读取：{exc}") from exc
    if parsed.report.year not in (None, year):
        raise ApplicationError(f"文件是 {parsed.report.year} 年的报告，与所选年度 {year} 不符。")
    findings = [finding_to_dict(f) for f in (*parsed.findings, *validate(parsed.report))]
    record = AnnualReport.objects.create(
        organisation=organisation,
        year=year,
        status=S.PUBLISHED,
        source=ReportSource.IMPORTED,
        content=report_to_dict(parsed.report),
        findings=findings,
        imported_file=filename[:200],
        error_count=sum(1 for f in findings if f["severity"] == Severity.ERROR),
        warning_count=sum(1 for f in findings if f["severity"] == Severity.WARNING),
        created_by=actor,
    )
    _event(record, Kind.IMPORT, "", S.PUBLISHED, actor, filename[:200])
    return record


# --- helpers -------------------------------------------------------------------------------


def _open_revision(organisation: Organisation, year: int) -> AnnualReport | None:
    return (
        AnnualReport.objects.filter(organisation=organisation, year=year)
        .exclude(status__in=[S.PUBLISHED, S.SUPERSEDED])
        .first()
    )


def _lock(report: AnnualReport, expected_version: int) -> AnnualReport:
    locked = (
        AnnualReport.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    )
    if locked.version != expected_version:
        raise ConflictError("该报告已被他人修改，请刷新页面后重试。")
    return locked


def _save_content(record: AnnualReport, report: Report, *, status: str) -> None:
    record.content = report_to_dict(report)
    record.status = status
    record.findings, record.error_count, record.warning_count = [], 0, 0
    record.version += 1
    record.save()


def _did(report: AnnualReport, kind: str, actor: User) -> bool:
    return report.events.filter(kind=kind, actor=actor).exists()


def _event(
    report: AnnualReport, kind: str, before: str, after: str, actor: User, note: str
) -> None:
    AnnualReportEvent.objects.create(
        report=report, kind=kind, from_status=before, to_status=after, actor=actor, note=note[:500]
    )
    audit_record(
        actor=actor,
        action=f"reports.{kind}",
        obj=report,
        organisation=report.organisation,
        before={"status": before} if before else None,
        after={"status": after},
        note=note[:500],
    )
