"""Staff and portal pages for every persona (C13: anonymous, wrong org, read-only, allowed)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.choices import CONFIDENTIALITY_CHECKLIST, DocumentType, ItemStatus
from gongkai.catalog.models import Attachment
from gongkai.catalog.tests.conftest import draft, node, publish

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def staff_url(name, item):
    return reverse(name, kwargs={"pk": item.pk})


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_anonymous_is_sent_to_login_on_staff_pages(p, client):
    item = draft(p)
    for target in [
        reverse("catalog:staff-items"),
        reverse("catalog:staff-item-create"),
        reverse("catalog:staff-timeliness"),
        staff_url("catalog:staff-item", item),
        reverse("catalog:staff-directory", kwargs={"code": "A1"}),
    ]:
        response = client.get(target)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("persona", "detail", "edit"),
    [
        ("handler_a", 200, 200),
        ("registrar_a", 200, 200),
        ("reviewer_a", 200, 403),
        ("supervisor", 200, 403),
        ("sysadmin", 200, 200),
        ("clerk_b", 404, 404),
        ("outsider", 404, 404),
    ],
)
def test_item_pages_per_persona(p, persona, detail, edit):
    item = draft(p)
    client = p.client_for(getattr(p, persona))
    assert client.get(staff_url("catalog:staff-item", item)).status_code == detail
    assert client.get(staff_url("catalog:staff-item-edit", item)).status_code == edit


def test_lists_show_only_readable_items(p):
    draft(p, title="甲局的草稿")
    draft(p, title="乙局的草稿", organisation=p.org_b, actor=p.clerk_b)
    page = p.client_for(p.handler_a).get(reverse("catalog:staff-items")).content.decode()
    assert "甲局的草稿" in page
    assert "乙局的草稿" not in page
    page = p.client_for(p.supervisor).get(reverse("catalog:staff-items")).content.decode()
    assert "甲局的草稿" in page and "乙局的草稿" in page


def test_the_whole_chain_through_the_staff_pages(p):
    handler = p.client_for(p.handler_a)
    response = handler.post(
        reverse("catalog:staff-item-create") + "?org=A1",
        {
            "title": "测试市甲局关于网页起草的通知",
            "formed_on": "2021-03-01",
            "category": node(p.org_a, "20-15").pk,
            "topic": "general",
            "doc_type": "notice",
            "disclosure_attribute": "proactive",
            "summary": "网页起草测试。",
            "body": "<p>正文</p>",
        },
    )
    assert response.status_code == 302
    item = p.org_a.catalog_items.get()
    assert handler.post(staff_url("catalog:staff-item-submit", item)).status_code == 302
    reviewer = p.client_for(p.reviewer_a)
    page = reviewer.get(reverse("catalog:staff-items")).content.decode()
    assert "测试市甲局关于网页起草的通知" in page  # in the review queue
    reviewer.post(staff_url("catalog:staff-item-approve", item), {"no_state_secret": "on"})
    item.refresh_from_db()
    assert item.status == ItemStatus.FIRST_REVIEW  # incomplete checklist: refused
    checklist = {key: "on" for key, _ in CONFIDENTIALITY_CHECKLIST}
    reviewer.post(staff_url("catalog:staff-item-approve", item), checklist)
    p.client_for(p.office_head_a).post(staff_url("catalog:staff-item-approve", item), {})
    p.client_for(p.leader_a).post(staff_url("catalog:staff-item-approve", item), {})
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    response = p.client_for(None).get(reverse("catalog:search"), {"q": "网页起草"})
    assert "测试市甲局关于<mark>网页起草</mark>的通知" in response.content.decode()


def test_a_refused_action_shows_the_chinese_message(p):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    client = p.client_for(p.reviewer_a)
    response = client.post(
        staff_url("catalog:staff-item-return", item), {"comment": ""}, follow=True
    )
    assert "退回时必须填写修改意见" in response.content.decode()


def test_clerk_b_cannot_post_actions_on_items_of_a(p):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    client = p.client_for(p.clerk_b)
    for name in [
        "catalog:staff-item-approve",
        "catalog:staff-item-return",
        "catalog:staff-item-submit",
    ]:
        assert client.post(staff_url(name, item), {"comment": "x"}).status_code == 404
    item.refresh_from_db()
    assert item.status == ItemStatus.FIRST_REVIEW


def test_supervisor_reads_but_cannot_act(p):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    client = p.client_for(p.supervisor)
    page = client.get(staff_url("catalog:staff-item", item)).content.decode()
    assert "退回修改" not in page
    assert (
        client.post(staff_url("catalog:staff-item-return", item), {"comment": "x"}).status_code
        == 403
    )


def test_attachments_are_checked_by_content(p, media):
    item = draft(p)
    client = p.client_for(p.handler_a)
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        staff_url("catalog:staff-attachment-upload", item), {"file": fake}, follow=True
    )
    assert "按文件内容判断" in response.content.decode()
    good = SimpleUploadedFile("报告.pdf", PDF, content_type="application/octet-stream")
    client.post(staff_url("catalog:staff-attachment-upload", item), {"file": good})
    attachment = Attachment.objects.get(item=item)
    assert attachment.kind == "pdf"
    assert attachment.original_name == "报告.pdf"


def test_office_documents_are_recognised_and_oversized_files_refused(p, media, monkeypatch):
    import docx
    import openpyxl

    from gongkai.catalog import files

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    assert (
        files.check_file(io.BytesIO(buffer.getvalue()), size=len(buffer.getvalue())).kind == "docx"
    )
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    assert (
        files.check_file(io.BytesIO(buffer.getvalue()), size=len(buffer.getvalue())).kind == "xlsx"
    )
    monkeypatch.setattr(files, "MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(files.ApplicationError, match="不能超过"):
        files.check_file(io.BytesIO(PDF), size=len(PDF))


def test_timeliness_dashboard_is_scoped(p):
    late = publish(p, draft(p, title="迟发的信息", formed_on=dt.date(2021, 1, 4)))
    assert late.published_late
    page = p.client_for(p.handler_a).get(reverse("catalog:staff-timeliness")).content.decode()
    assert "迟发的信息" in page
    page = p.client_for(p.clerk_b).get(reverse("catalog:staff-timeliness")).content.decode()
    assert "迟发的信息" not in page


@pytest.mark.parametrize(
    ("persona", "status"), [("admin_a", 200), ("handler_a", 403), ("admin_b", 404)]
)
def test_only_org_admins_edit_the_directory_and_guide(p, persona, status):
    client = p.client_for(getattr(p, persona))
    assert (
        client.get(reverse("catalog:staff-directory", kwargs={"code": "A1"})).status_code == status
    )
    assert client.get(reverse("catalog:staff-profile", kwargs={"code": "A1"})).status_code == status


def test_org_admin_adds_a_column_and_edits_the_guide(p):
    client = p.client_for(p.admin_a)
    parent = node(p.org_a, "20-11")
    response = client.post(
        reverse("catalog:staff-directory", kwargs={"code": "A1"}),
        {"parent": parent.pk, "code": "20-11-01", "name": "教育救助", "position": 1},
    )
    assert response.status_code == 302
    assert node(p.org_a, "20-11-01").parent == parent
    client.post(
        reverse("catalog:staff-profile", kwargs={"code": "A1"}),
        {"index_pattern": "{org}-{year}-{seq:05d}", "guide_other": "本指南每年更新。"},
    )
    page = client.get(reverse("catalog:guide", kwargs={"code": "A1"})).content.decode()
    assert "本指南每年更新。" in page
    assert (
        "教育救助"
        in client.get(reverse("catalog:directory", kwargs={"code": "A1"})).content.decode()
    )


# --- Portal ---------------------------------------------------------------------------------


@pytest.fixture
def public(p, media):
    policy = draft(
        p,
        title="测试市甲局规范性文件管理办法",
        doc_type=DocumentType.NORMATIVE,
        category_code="20-01-02",
        issued_on=dt.date(2021, 2, 1),
        document_number="测政〔2021〕1号",
    )
    services.attachment_add(
        item=policy,
        actor=p.handler_a,
        upload=SimpleUploadedFile("管理办法.pdf", PDF, content_type="application/pdf"),
    )
    policy = publish(p, policy)
    reading = publish(
        p,
        draft(
            p,
            title="《测试市甲局规范性文件管理办法》政策解读",
            doc_type=DocumentType.INTERPRETATION,
            category_code="JD",
            interprets=policy,
        ),
    )
    return {"policy": policy, "reading": reading}


def test_public_pages_answer_without_login(p, public, client, django_assert_max_num_queries):
    policy = public["policy"]
    pages = [
        reverse("portal:home"),
        reverse("catalog:search") + "?q=管理办法",
        reverse("catalog:organisations"),
        reverse("catalog:directory", kwargs={"code": "A1"}),
        reverse("catalog:directory-node", kwargs={"code": "A1", "node_code": "20-01"}),
        reverse("catalog:guide", kwargs={"code": "A1"}),
        reverse("catalog:item", kwargs={"index_number": policy.index_number}),
        reverse("catalog:normative") + "?status=in_force",
        reverse("reports:public-index"),
        reverse("catalog:feed", kwargs={"code": "A1"}),
        reverse("catalog:feed-category", kwargs={"code": "A1", "node_code": "JD"}),
        reverse("catalog:sitemap"),
        reverse("catalog:sitemap-pages"),
        reverse("catalog:sitemap-items", kwargs={"page": 1}),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url


def test_the_item_page_shows_metadata_interpretations_and_attachments(p, public, client):
    policy, reading = public["policy"], public["reading"]
    page = client.get(reverse("catalog:item", kwargs={"index_number": policy.index_number}))
    html = page.content.decode()
    assert "测政〔2021〕1号" in html
    assert "现行有效" in html
    assert reading.title in html
    attachment = policy.attachments.get()
    url = reverse(
        "catalog:attachment", kwargs={"index_number": policy.index_number, "pk": attachment.pk}
    )
    assert url in html
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    html = client.get(
        reverse("catalog:item", kwargs={"index_number": reading.index_number})
    ).content.decode()
    assert policy.title in html


def test_drafts_are_invisible_and_withdrawn_items_are_gone(p, public, client):
    unpublished = draft(p)
    assert (
        client.get(
            reverse("catalog:item", kwargs={"index_number": unpublished.index_number})
        ).status_code
        == 404
    )
    services.item_withdraw(item=public["policy"], actor=p.leader_a, reason="文件有误")
    index = public["policy"].index_number
    assert client.get(reverse("catalog:item", kwargs={"index_number": index})).status_code == 410
    attachment = public["policy"].attachments.get()
    url = reverse("catalog:attachment", kwargs={"index_number": index, "pk": attachment.pk})
    assert client.get(url).status_code == 410


def test_normative_list_filters_by_status(p, public, client):
    url = reverse("catalog:normative")
    assert public["policy"].title in client.get(url, {"status": "in_force"}).content.decode()
    assert public["policy"].title not in client.get(url, {"status": "abolished"}).content.decode()


def test_directory_list_page_has_a_bounded_number_of_queries(
    p, public, client, django_assert_max_num_queries
):
    for n in range(5):
        publish(p, draft(p, title=f"其他信息{n}"))
    with django_assert_max_num_queries(8):
        response = client.get(
            reverse("catalog:directory-node", kwargs={"code": "A1", "node_code": "20-15"})
        )
    assert "其他信息4" in response.content.decode()


def test_search_page_shows_facets_and_filters(p, public, client):
    html = client.get(reverse("catalog:search"), {"q": "测政[2021]1号"}).content.decode()
    assert "找到 <strong>1</strong> 条结果" in html
    assert "行政规范性文件" in html
    html = client.get(
        reverse("catalog:search"), {"q": "管理办法", "type": "interpretation"}
    ).content.decode()
    assert "找到 <strong>1</strong> 条结果" in html
    assert "取消筛选" in html


def test_feed_lists_items(p, public, client):
    body = client.get(reverse("catalog:feed", kwargs={"code": "A1"})).content.decode()
    assert "<feed" in body and public["policy"].title in body


def test_large_text_mode_is_a_cookie_set_by_a_link(p, client):
    response = client.get(reverse("catalog:text-size"), {"next": "/search/"})
    assert response.status_code == 302 and response["Location"] == "/search/"
    assert client.cookies["gk_text"].value == "large"
    assert 'class="portal large-text"' in client.get(reverse("catalog:search")).content.decode()
    client.get(reverse("catalog:text-size"), {"large": "0"})
    assert 'class="portal"' in client.get(reverse("catalog:search")).content.decode()
    response = client.get(reverse("catalog:text-size"), {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_list_pages_have_a_bounded_number_of_queries(p, public, django_assert_max_num_queries):
    for n in range(6):
        publish(p, draft(p, title=f"列表信息{n}"))
    staff = p.client_for(p.handler_a)
    staff.get(reverse("catalog:staff-items"))
    with django_assert_max_num_queries(12):
        assert "列表信息5" in staff.get(reverse("catalog:staff-items")).content.decode()
    anonymous = p.client_for(None)
    with django_assert_max_num_queries(30):  # one small indexed query per directory column
        assert "列表信息5" in anonymous.get(reverse("portal:home")).content.decode()
    with django_assert_max_num_queries(8):
        anonymous.get(reverse("catalog:normative"))
    with django_assert_max_num_queries(8):
        anonymous.get(reverse("catalog:search"), {"q": "列表信息"})
