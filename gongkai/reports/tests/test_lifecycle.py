"""An annual report's life: draft from live data → validated → reviewed → approved →
published (immutable) → corrected by a new revision (issue 年度报告 point 5, D10)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document

from gongkai.article20.services import Figures, article20_save
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership
from gongkai.reports import services
from gongkai.reports.choices import ReportStatus
from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors import report_content, report_deadline

YEAR = 2021
PROBLEMS = "（一）主要问题\n信息发布的及时性仍需提高。\n（二）改进措施\n加强审核流程的时限管理。"


@pytest.fixture
def draft(personas):
    article20_save(
        organisation=personas.org_a,
        year=YEAR,
        actor=personas.handler_a,
        figures=Figures(licensing=12, penalty=3, coercion=0, fee_wan_yuan=Decimal("1.2345")),
    )
    return services.report_draft(organisation=personas.org_a, year=YEAR, actor=personas.handler_a)


def written(report, personas):
    return services.report_update_sections(
        report=report,
        sections={"S5": PROBLEMS},
        actor=personas.handler_a,
        expected_version=report.version,
    )


def approved(draft, personas):
    report = services.report_validate(
        report=written(draft, personas),
        actor=personas.handler_a,
        expected_version=draft.version + 1,
    )
    report = services.report_review(
        report=report, actor=personas.reviewer_a, expected_version=report.version
    )
    return services.report_approve(
        report=report, actor=personas.leader_a, expected_version=report.version
    )


def test_the_draft_carries_live_figures(draft):
    content = report_content(draft)
    assert content.table2.count("licensing").value == 12
    assert content.table2.fee_wan_yuan.value == Decimal("1.2345")
    assert content.title == "测试市甲局2021年政府信息公开工作年度报告"
    assert draft.status == ReportStatus.DRAFT


def test_validation_refuses_text_still_to_be_written(draft, personas):
    report = services.report_validate(
        report=draft, actor=personas.handler_a, expected_version=draft.version
    )
    assert report.status == ReportStatus.DRAFT
    assert report.error_count >= 1
    assert report.findings[0]["rule"] == "P-TEXT"


def test_the_whole_chain_publishes_html_docx_and_pdf(draft, personas):
    report = approved(draft, personas)
    report = services.report_publish(
        report=report, actor=personas.office_head_a, expected_version=report.version
    )
    assert report.status == ReportStatus.PUBLISHED
    assert "测试市甲局2021年政府信息公开工作年度报告" in report.published_html
    assert Document(io.BytesIO(bytes(report.published_docx))).tables
    assert bytes(report.published_pdf).startswith(b"%PDF")
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds == ["create", "edit", "validate", "review", "approve", "publish"]


def test_a_published_report_cannot_be_edited(draft, personas):
    report = approved(draft, personas)
    report = services.report_publish(
        report=report, actor=personas.office_head_a, expected_version=report.version
    )
    with pytest.raises(ApplicationError, match="已公布的报告不能修改"):
        services.report_update_sections(
            report=report,
            sections={"S5": "x"},
            actor=personas.handler_a,
            expected_version=report.version,
        )
    with pytest.raises(ApplicationError, match="已公布"):
        services.report_draft(organisation=personas.org_a, year=YEAR, actor=personas.handler_a)


def test_a_correction_is_a_new_revision_and_supersedes_on_publication(draft, personas):
    first = approved(draft, personas)
    first = services.report_publish(
        report=first, actor=personas.office_head_a, expected_version=first.version
    )
    with pytest.raises(ApplicationError, match="请填写更正原因"):
        services.report_revise(report=first, actor=personas.office_head_a, reason=" ")
    second = services.report_revise(
        report=first, actor=personas.office_head_a, reason="更正表二数据"
    )
    assert (second.revision, second.status) == (2, ReportStatus.DRAFT)
    second = services.report_validate(
        report=second, actor=personas.handler_a, expected_version=second.version
    )
    second = services.report_review(
        report=second, actor=personas.reviewer_a, expected_version=second.version
    )
    second = services.report_approve(
        report=second, actor=personas.leader_a, expected_version=second.version
    )
    services.report_publish(
        report=second, actor=personas.office_head_a, expected_version=second.version
    )
    first.refresh_from_db()
    assert first.status == ReportStatus.SUPERSEDED
    page = (
        personas.client_for(None)
        .get(reverse("reports:public-detail", kwargs={"code": "A1", "year": YEAR}))
        .content.decode()
    )
    assert "第1版" in page and "第2版" in page and "更正表二数据" in page


@pytest.mark.parametrize(
    ("step", "persona"),
    [
        ("review", "handler_a"),
        ("review", "leader_a"),
        ("approve", "reviewer_a"),
        ("approve", "handler_a"),
        ("review", "clerk_b"),
        ("review", "supervisor"),
    ],
)
def test_each_step_needs_its_role(draft, personas, step, persona):
    report = services.report_validate(
        report=written(draft, personas),
        actor=personas.handler_a,
        expected_version=draft.version + 1,
    )
    if step == "approve":
        report = services.report_review(
            report=report, actor=personas.reviewer_a, expected_version=report.version
        )
    with pytest.raises(PermissionDenied):
        getattr(services, f"report_{step}")(
            report=report, actor=getattr(personas, persona), expected_version=report.version
        )


def test_only_an_approved_report_can_be_published(draft, personas):
    with pytest.raises(ApplicationError, match="只有经领导批准"):
        services.report_publish(
            report=draft, actor=personas.office_head_a, expected_version=draft.version
        )


def test_the_reviewer_cannot_also_approve(draft, personas):
    Membership.objects.create(
        user=personas.reviewer_a, organisation=personas.org_a, role=Role.LEADER
    )
    report = services.report_validate(
        report=written(draft, personas),
        actor=personas.handler_a,
        expected_version=draft.version + 1,
    )
    report = services.report_review(
        report=report, actor=personas.reviewer_a, expected_version=report.version
    )
    with pytest.raises(ApplicationError, match="审批分离"):
        services.report_approve(
            report=report, actor=personas.reviewer_a, expected_version=report.version
        )


def test_a_stale_version_is_refused_and_nothing_changes(draft, personas):
    services.report_update_sections(
        report=draft,
        sections={"S5": PROBLEMS},
        actor=personas.handler_a,
        expected_version=draft.version,
    )
    with pytest.raises(ConflictError):
        services.report_update_sections(
            report=draft,
            sections={"S5": "旧页面的内容"},
            actor=personas.admin_a,
            expected_version=draft.version,
        )
    assert report_content(AnnualReport.objects.get(pk=draft.pk)).sections["S5"] == PROBLEMS


def test_returning_needs_a_note_and_sends_back_to_draft(draft, personas):
    report = services.report_validate(
        report=written(draft, personas),
        actor=personas.handler_a,
        expected_version=draft.version + 1,
    )
    with pytest.raises(ApplicationError, match="修改意见"):
        services.report_return(
            report=report, actor=personas.reviewer_a, expected_version=report.version, note=""
        )
    report = services.report_return(
        report=report,
        actor=personas.reviewer_a,
        expected_version=report.version,
        note="请补充培训情况",
    )
    assert report.status == ReportStatus.DRAFT


def test_deadlines_follow_the_owner_type():
    """D10 / art 49: departments by 31 January, a government's own report by 31 March."""
    assert report_deadline(owner_type="department", year=2021) == dt.date(2022, 1, 31)
    assert report_deadline(owner_type="government", year=2021) == dt.date(2022, 3, 31)


def test_staff_pages_are_scoped(draft, personas):
    url = reverse("reports:detail", kwargs={"pk": draft.pk})
    assert personas.client_for(personas.handler_a).get(url).status_code == 200
    assert personas.client_for(personas.supervisor).get(url).status_code == 200
    assert personas.client_for(personas.clerk_b).get(url).status_code == 404
    assert personas.client_for(None).get(url).status_code == 302
    drafts_page = (
        personas.client_for(personas.clerk_b).get(reverse("reports:list")).content.decode()
    )
    assert "测试市甲局" not in drafts_page


def test_the_public_sees_only_published_reports(draft, personas):
    url = reverse("reports:public-detail", kwargs={"code": "A1", "year": YEAR})
    assert personas.client_for(None).get(url).status_code == 404
    report = approved(draft, personas)
    services.report_publish(
        report=report, actor=personas.office_head_a, expected_version=report.version
    )
    response = personas.client_for(None).get(url)
    assert response.status_code == 200
    docx = personas.client_for(None).get(
        reverse(
            "reports:public-download",
            kwargs={"code": "A1", "year": YEAR, "revision": 1, "fmt": "docx"},
        )
    )
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_dashboard_is_for_supervisors(draft, personas):
    url = reverse("reports:dashboard")
    assert personas.client_for(personas.handler_a).get(url).status_code == 403
    page = personas.client_for(personas.supervisor).get(url, {"year": YEAR}).content.decode()
    assert "测试市甲局" in page and "测试市乙局" in page and "草稿" in page
    csv = personas.client_for(personas.supervisor).get(
        reverse("reports:dashboard-export", kwargs={"fmt": "csv"}), {"year": YEAR}
    )
    assert "测试市甲局,草稿" in csv.content.decode("utf-8-sig")
