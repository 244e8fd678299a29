"""Access to every oversight page per persona (C13: the "no"), and the flows through the views.

A unit sees its own checks and tasks; the supervisor sees the subtree; nobody else sees anything.
"""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.oversight.choices import RectificationStatus, TrainingKind, Verdict
from gongkai.oversight.models import Finding, Rectification
from gongkai.oversight.services import (
    assessment_create,
    finding_add,
    rectification_issue,
    training_create,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def full(world):
    finding = finding_add(
        record=world.record_a,
        item_code="homepage_stale",
        actor=world.supervisor,
        screenshot=SimpleUploadedFile("s.png", PNG),
    )
    world.finding = finding
    world.task = rectification_issue(
        organisation=world.org_a,
        supervisor_org=world.government,
        title="首页不更新",
        issued_on=dt.date(2021, 9, 28),
        workdays=5,
        actor=world.supervisor,
        finding=finding,
    )
    world.training = training_create(
        organisation=world.government,
        kind=TrainingKind.MEETING,
        held_on=dt.date(2021, 3, 1),
        topic="推进会",
        organiser="",
        participants=50,
        actor=world.supervisor,
        materials=SimpleUploadedFile("m.pdf", b"%PDF-1.4 test"),
    )
    world.sheet = assessment_create(
        organisation=world.government, year=2021, actor=world.supervisor
    )
    return world


def urls(w):
    return {
        "record": reverse("oversight:record-detail", args=[w.record_a.pk]),
        "round": reverse("oversight:round-detail", args=[w.round.pk]),
        "task": reverse("oversight:rectification-detail", args=[w.task.pk]),
        "shot": reverse("oversight:evidence", args=["finding", w.finding.pk]),
        "training_file": reverse("oversight:evidence", args=["training", w.training.pk]),
        "assessment": reverse("oversight:assessment-detail", args=[w.sheet.pk]),
        "export": reverse("oversight:assessment-export", args=[w.sheet.pk]),
    }


GET_EXPECTATIONS = {
    #             record task shot round training_file assessment export
    "handler_a": (200, 200, 200, 404, 404, 404, 404),
    "registrar_a": (200, 200, 200, 404, 404, 404, 404),
    "admin_a": (200, 200, 200, 404, 404, 404, 404),
    "supervisor": (200, 200, 200, 200, 200, 200, 200),
    "sysadmin": (200, 200, 200, 200, 200, 200, 200),
    "clerk_b": (404, 404, 404, 404, 404, 404, 404),
    "admin_b": (404, 404, 404, 404, 404, 404, 404),
    "outsider": (404, 404, 404, 404, 404, 404, 404),
}


@pytest.mark.parametrize("persona", sorted(GET_EXPECTATIONS))
def test_who_sees_which_page(full, persona):
    client = full.client_for(getattr(full, persona))
    u = urls(full)
    got = tuple(
        client.get(u[key]).status_code
        for key in ["record", "task", "shot", "round", "training_file", "assessment", "export"]
    )
    assert got == GET_EXPECTATIONS[persona]


def test_anonymous_is_sent_to_login_everywhere(full, client):
    for target in [reverse("oversight:home"), *urls(full).values()]:
        response = client.get(target)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(
        reverse("oversight:rectification-answer", args=[full.task.pk]), {"response": "x"}
    )
    assert response.status_code == 302
    assert Rectification.objects.get().status == RectificationStatus.OPEN


@pytest.mark.parametrize("persona", ["handler_a", "clerk_b", "outsider"])
def test_rounds_and_assessments_lists_are_for_supervisors_only(full, persona):
    client = full.client_for(getattr(full, persona))
    assert client.get(reverse("oversight:round-list")).status_code == 403
    assert client.get(reverse("oversight:assessment-list")).status_code == 403


def test_lists_show_only_what_the_user_may_read(full):
    a = full.client_for(full.handler_a)
    b = full.client_for(full.clerk_b)
    page_a = a.get(reverse("oversight:platform-list")).content.decode()
    assert "甲局网站" in page_a and "乙局发布" not in page_a
    assert "首页不更新" in a.get(reverse("oversight:rectification-list")).content.decode()
    assert "首页不更新" not in b.get(reverse("oversight:rectification-list")).content.decode()
    home_b = b.get(reverse("oversight:home")).content.decode()
    assert "甲局网站" not in home_b and "首页不更新" not in home_b
    assert "推进会" not in a.get(reverse("oversight:training-list")).content.decode()
    outsider = full.client_for(full.outsider).get(reverse("oversight:home")).content.decode()
    assert "甲局" not in outsider


def test_the_supervisor_home_shows_the_subtree_with_links(full, django_assert_max_num_queries):
    client = full.client_for(full.supervisor)
    with (
        time_machine.travel(dt.datetime(2022, 1, 10, 9, tzinfo=dt.UTC), tick=False),
        django_assert_max_num_queries(70),  # foi counts are per organisation (its API)
    ):
        page = client.get(reverse("oversight:home")).content.decode()
    assert full.round.title in page
    assert "测试市甲局" in page and "测试市乙局" in page
    assert reverse("oversight:rectification-list") + "?org=A1&amp;open=1" in page
    assert "2022年1月31日" in page  # a department's 2021 report deadline (art 49)


def test_the_unit_cannot_post_findings_or_verify(full):
    client = full.client_for(full.admin_a)
    response = client.post(
        reverse("oversight:finding-add", args=[full.record_a.pk]), {"item_code": "security"}
    )
    assert response.status_code == 403
    assert Finding.objects.count() == 1
    response = client.post(
        reverse("oversight:rectification-verify", args=[full.task.pk]), {"decision": "accept"}
    )
    assert response.status_code == 403
    other = full.client_for(full.clerk_b)
    response = other.post(
        reverse("oversight:rectification-answer", args=[full.task.pk]), {"response": "x"}
    )
    assert response.status_code == 404


def test_the_flow_through_the_pages(full):
    sup = full.client_for(full.supervisor)
    response = sup.post(
        reverse("oversight:finding-add", args=[full.record_b.pk]),
        {"item_code": "content_stale", "description": "两周未更新"},
    )
    assert response.status_code == 302
    full.record_b.refresh_from_db()
    assert full.record_b.verdict == Verdict.FAIL
    finding = Finding.objects.get(record=full.record_b)
    response = sup.post(
        reverse("oversight:finding-issue", args=[finding.pk]), {"title": "恢复更新", "workdays": 10}
    )
    task = Rectification.objects.get(finding=finding)
    assert response["Location"] == reverse("oversight:rectification-detail", args=[task.pk])
    unit = full.client_for(full.clerk_b)
    unit.post(
        reverse("oversight:rectification-answer", args=[task.pk]),
        {"response": "已恢复更新", "evidence": SimpleUploadedFile("e.png", PNG)},
    )
    task.refresh_from_db()
    assert task.status == RectificationStatus.ANSWERED and task.evidence.name
    assert (
        unit.get(reverse("oversight:evidence", args=["rectification", task.pk])).status_code == 200
    )
    sup.post(reverse("oversight:rectification-verify", args=[task.pk]), {"decision": "accept"})
    task.refresh_from_db()
    assert task.status == RectificationStatus.VERIFIED


def test_an_error_from_the_service_is_shown(full):
    sup = full.client_for(full.supervisor)
    response = sup.post(
        reverse("oversight:finding-add", args=[full.record_a.pk]),
        {"item_code": "pub_disclosure", "points": "13"},
        follow=True,
    )
    assert "最多 12" in response.content.decode()


def test_export_is_an_xlsx_file(full):
    response = full.client_for(full.supervisor).get(urls(full)["export"])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_supervisor_creates_a_round_through_the_form(full):
    response = full.client_for(full.supervisor).post(
        reverse("oversight:round-list"),
        {
            "organisation": full.government.pk,
            "year": 2021,
            "quarter": 4,
            "window_start": "2021-12-01",
            "window_end": "2021-12-14",
        },
    )
    assert response.status_code == 302
    page = full.client_for(full.supervisor).get(response["Location"]).content.decode()
    assert "2021年第4季度" in page


def test_the_sheet_page_lists_the_indicators(full):
    page = full.client_for(full.handler_a).get(reverse("oversight:sheet-list")).content.decode()
    assert "站点无法访问" in page and "内容不更新" in page


def test_the_supervisor_draws_a_sample_through_the_form(full):
    response = full.client_for(full.supervisor).post(
        reverse("oversight:round-sample", args=[full.round.pk]),
        {"sample-percent": 100, "sample-checked_on": "2021-09-15"},
        follow=True,
    )
    assert "已随机抽取 1 个对象" in response.content.decode()  # only the portal was left
    assert full.round.records.count() == 3
    denied = full.client_for(full.handler_a).post(
        reverse("oversight:round-sample", args=[full.round.pk]),
        {"sample-percent": 100, "sample-checked_on": "2021-09-15"},
    )
    assert denied.status_code == 404


def test_units_failing_twice_in_a_year_are_listed_for_criticism(full):
    from gongkai.oversight.services import record_create, round_create

    second = round_create(
        organisation=full.government,
        year=2021,
        quarter=4,
        window_start=dt.date(2021, 12, 1),
        window_end=dt.date(2021, 12, 14),
        actor=full.supervisor,
    )
    record = record_create(
        check_round=second,
        platform=full.site_a,
        checked_on=dt.date(2021, 12, 15),
        actor=full.supervisor,
    )
    finding_add(record=record, item_code="security", actor=full.supervisor)
    with time_machine.travel(dt.datetime(2021, 12, 20, 9, tzinfo=dt.UTC), tick=False):
        page = full.client_for(full.supervisor).get(reverse("oversight:home")).content.decode()
    assert "甲局：不合格 2 次" in page


@pytest.mark.parametrize(
    "name",
    [
        "oversight:rectification-list",
        "oversight:platform-list",
        "oversight:training-list",
        "oversight:round-list",
    ],
)
def test_list_pages_do_not_grow_queries_with_rows(full, name, django_assert_max_num_queries):
    client = full.client_for(full.supervisor)
    client.get(reverse(name))  # warm the session
    with django_assert_max_num_queries(14):
        assert client.get(reverse(name)).status_code == 200


def test_evidence_is_served_by_its_content_never_its_name(full):
    polyglot = SimpleUploadedFile("x.html", PNG + b"<script>alert(1)</script>")
    finding = finding_add(
        record=full.record_a, item_code="security", actor=full.supervisor, screenshot=polyglot
    )
    assert not finding.screenshot.name.endswith(".html")
    response = full.client_for(full.handler_a).get(
        reverse("oversight:evidence", args=["finding", finding.pk])
    )
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    pdf = full.client_for(full.supervisor).get(urls(full)["training_file"])
    assert pdf["Content-Type"] == "application/pdf"
    assert (
        full.client_for(full.handler_a)
        .get(reverse("oversight:evidence", args=["nothing", 1]))
        .status_code
        == 404
    )


def test_a_supervisor_orders_a_rectification_without_a_finding(full):
    client = full.client_for(full.supervisor)
    response = client.post(
        reverse("oversight:rectification-list"),
        {"organisation": full.org_b.pk, "title": "更新公开指南", "workdays": 10},
    )
    task = Rectification.objects.get(title="更新公开指南")
    assert response["Location"] == reverse("oversight:rectification-detail", args=[task.pk])
    assert task.supervisor_org == full.government and task.finding is None
    unit = full.client_for(full.admin_b)
    assert "下发整改任务" not in unit.get(reverse("oversight:rectification-list")).content.decode()
    unit.post(
        reverse("oversight:rectification-list"),
        {"organisation": full.org_b.pk, "title": "自己下发", "workdays": 10},
    )
    assert not Rectification.objects.filter(title="自己下发").exists()


def test_platform_edit_and_status_per_persona(full):
    edit = reverse("oversight:platform-edit", args=[full.site_a.pk])
    status = reverse("oversight:platform-status", args=[full.site_a.pk])
    assert full.client_for(full.handler_a).get(edit).status_code == 403
    assert full.client_for(full.clerk_b).get(edit).status_code == 404
    assert full.client_for(full.clerk_b).post(status, {"status": "closed"}).status_code == 404
    assert full.client_for(full.handler_a).post(status, {"status": "closed"}).status_code == 403
    response = full.client_for(full.admin_a).post(
        edit, {"name": "甲局门户", "address": "https://a.example.gov.cn/", "operator": "信息中心"}
    )
    assert response.status_code == 302
    full.site_a.refresh_from_db()
    assert (full.site_a.name, full.site_a.operator) == ("甲局门户", "信息中心")
    full.client_for(full.supervisor).post(status, {"status": "merged"})
    full.site_a.refresh_from_db()
    assert full.site_a.status == "merged"


def test_anonymous_cannot_post_anywhere(full, client):
    for name, args in [
        ("oversight:platform-status", [full.site_a.pk]),
        ("oversight:finding-add", [full.record_a.pk]),
        ("oversight:round-close", [full.round.pk]),
        ("oversight:assessment-fill", [full.sheet.pk]),
    ]:
        response = client.post(reverse(name, args=args), {"status": "closed"})
        assert response.status_code == 302 and "/login/" in response["Location"]
    full.site_a.refresh_from_db()
    assert full.site_a.status == "active"
