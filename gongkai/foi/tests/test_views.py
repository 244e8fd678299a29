"""Staff and public pages: personas, the "no", masking, audit, hostile input, conflicts."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document

from gongkai.audit.models import AuditEntry
from gongkai.foi import services as s
from gongkai.foi.choices import EventKind, Outcome, Status
from gongkai.foi.models import Application, Attachment
from gongkai.foi.tests.conftest import d

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def case_url(app):  # type: ignore[no-untyped-def]
    return reverse("foi:case", kwargs={"pk": app.pk})


def act_url(app, key):  # type: ignore[no-untyped-def]
    return reverse("foi:act", kwargs={"pk": app.pk, "key": key})


# --- staff: access ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("registrar_a", 200),
        ("handler_a", 200),
        ("leader_a", 200),
        ("supervisor", 200),
        ("sysadmin", 200),
        ("clerk_b", 404),
        ("outsider", 404),
    ],
)
def test_case_and_queue_access_per_persona(register, personas, persona, status):
    app = register()
    client = personas.client_for(getattr(personas, persona))
    assert client.get(case_url(app)).status_code == status
    assert client.get(reverse("foi:queue", kwargs={"code": "A1"})).status_code == status


def test_anonymous_staff_pages_redirect_to_login(register, client):
    app = register()
    for url in [case_url(app), reverse("foi:queue", kwargs={"code": "A1"}), reverse("foi:fee")]:
        assert client.get(url).status_code == 302
    assert client.post(act_url(app, "accept"), {"accept-version": 1}).status_code == 302
    assert Application.objects.get(pk=app.pk).status == Status.REGISTERED


def test_the_queue_masks_personal_data_and_shows_badges(register, personas, time_machine):
    time_machine.move_to("2021-10-25 09:00 +08:00")
    register("2021-09-24")  # due 10-27: 2 working days left
    register("2021-08-02")  # due long ago: overdue
    client = personas.client_for(personas.handler_a)
    page = client.get(reverse("foi:queue", kwargs={"code": "A1"})).content.decode()
    assert "张三丰" not in page and "13812345678" not in page and "410782199001011234" not in page
    assert "张**" in page
    assert "即将到期" in page and "已超期" in page
    overdue = client.get(reverse("foi:queue", kwargs={"code": "A1"}), {"due": "overdue"})
    assert overdue.content.decode().count("badge-overdue") == 1
    assert "即将到期" not in overdue.content.decode()


def test_the_queue_answers_htmx_with_the_table_only(register, personas):
    register()
    client = personas.client_for(personas.handler_a)
    response = client.get(reverse("foi:queue", kwargs={"code": "A1"}), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="queue-table"' in body and "<html" not in body


def test_the_queue_runs_a_constant_number_of_queries(
    register, personas, django_assert_max_num_queries
):
    for _ in range(12):
        register()
    client = personas.client_for(personas.handler_a)
    client.get(reverse("foi:queue", kwargs={"code": "A1"}))  # warm the session and calendar
    with django_assert_max_num_queries(10):
        client.get(reverse("foi:queue", kwargs={"code": "A1"}))


def test_the_case_page_explains_the_deadline_and_masks_by_default(register, personas):
    app = register("2021-09-24")
    page = personas.client_for(personas.handler_a).get(case_url(app)).content.decode()
    assert "2021-10-27" in page and "条例第33条" in page and "chinesecalendar" in page
    assert "张三丰" not in page and "13812345678" not in page
    assert not AuditEntry.objects.filter(action="personal_data.view").exists()


def test_viewing_personal_data_is_audited(register, personas):
    app = register()
    client = personas.client_for(personas.handler_a)
    page = client.get(reverse("foi:personal", kwargs={"pk": app.pk})).content.decode()
    assert "张三丰" in page and "13812345678" in page
    entry = AuditEntry.objects.get(action="personal_data.view")
    assert entry.actor == personas.handler_a and entry.object_id == str(app.pk)


def test_supervisors_read_cases_but_not_personal_data(register, personas):
    app = register()
    client = personas.client_for(personas.supervisor)
    response = client.get(reverse("foi:personal", kwargs={"pk": app.pk}))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action="personal_data.view").exists()


def test_the_case_page_offers_only_the_actions_the_role_allows(register, personas):
    app = register()
    registrar = personas.client_for(personas.registrar_a).get(case_url(app)).content.decode()
    leader = personas.client_for(personas.leader_a).get(case_url(app)).content.decode()
    assert act_url(app, "accept") in registrar
    assert act_url(app, "accept") not in leader
    assert "没有可执行的操作" in leader


def test_an_action_posts_through_the_service(register, personas):
    app = register()
    client = personas.client_for(personas.registrar_a)
    response = client.post(act_url(app, "accept"), {"accept-version": app.version}, follow=True)
    assert "已受理" in response.content.decode()
    assert Application.objects.get(pk=app.pk).status == Status.IN_PROGRESS


def test_two_staff_at_once_one_wins_the_other_gets_a_conflict(register, personas):
    app = register()
    first = personas.client_for(personas.registrar_a)
    second = personas.client_for(personas.handler_a)
    version = app.version  # both loaded the page at this version
    first.post(act_url(app, "accept"), {"accept-version": version})
    response = second.post(
        act_url(app, "withdraw"),
        {"withdraw-version": version, "withdraw-on": "2021-09-25", "withdraw-note": "电话撤回"},
        follow=True,
    )
    assert "已被他人处理" in response.content.decode()
    fresh = Application.objects.get(pk=app.pk)
    assert fresh.status == Status.IN_PROGRESS and fresh.outcome == ""
    assert fresh.events.filter(kind=EventKind.WITHDRAW).count() == 0


def test_a_forbidden_action_is_403(register, personas):
    app = register()
    response = personas.client_for(personas.leader_a).post(
        act_url(app, "accept"), {"accept-version": app.version}
    )
    assert response.status_code == 403


def test_counter_registration(personas):
    client = personas.client_for(personas.registrar_a)
    response = client.post(
        reverse("foi:register", kwargs={"code": "A1"}),
        {
            "applicant_type": "business",
            "applicant_name": "某某建设有限公司",
            "contact_person": "李四",
            "id_type": "credit_code",
            "id_number": "91410782MA1234567X",
            "phone": "0373-6201234",
            "description": "某项目环评批复",
            "info_form": "paper",
            "delivery": "pickup",
            "channel": "post_unsigned",
            "arrived_at": "2021-09-24T09:00",
            "confirmed_at": "2021-09-24T15:00",
        },
    )
    app = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == case_url(app)
    assert app.receipt_date == d("2021-09-24") and app.receipt_warning == ""


def test_letters_are_valid_docx_citing_the_article(register, personas):
    app = register("2021-09-24")
    client = personas.client_for(personas.handler_a)
    response = client.get(reverse("foi:letter", kwargs={"pk": app.pk, "kind": "receipt"}))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "受理回执" in text and "第三十一条" in text and "2021年10月27日" in text
    assert AuditEntry.objects.filter(action="personal_data.view").exists()


@pytest.mark.parametrize(
    ("outcome", "cites"),
    [
        (Outcome.R3_1, "第三十六条第（二）项"),
        (Outcome.R3_2, "第三十七条"),
        (Outcome.R3_3_4, "第十五条"),
        (Outcome.R3_4_1, "第三十六条第（四）项"),
        (Outcome.R3_5_3, "第三十九条第二款"),
    ],
)
def test_every_reply_letter_cites_its_basis(register, personas, outcome, cites):
    app = register()
    app = s.application_accept(
        application=app, actor=personas.handler_a, expected_version=app.version
    )
    app = s.application_submit_draft(
        application=app,
        actor=personas.handler_a,
        expected_version=app.version,
        outcome=outcome,
        basis="",
        text="答复正文",
    )
    from gongkai.foi.letters import reply_kind

    client = personas.client_for(personas.handler_a)
    response = client.get(reverse("foi:letter", kwargs={"pk": app.pk, "kind": reply_kind(outcome)}))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert cites in text and Outcome(outcome).label in text


def test_every_letter_kind_renders(register, personas):
    from gongkai.foi.letters import DEFAULTS, render_letter

    app = register()
    for kind in DEFAULTS:
        Document(io.BytesIO(render_letter(application=app, kind=kind)))


def test_an_organisation_edits_its_template(register, personas):
    client = personas.client_for(personas.admin_a)
    url = reverse("foi:letter-templates", kwargs={"code": "A1"})
    bad = client.post(url, {"kind": "receipt", "title": "回执", "body": "{不存在}"})
    assert "未知的占位符" in bad.content.decode()
    client.post(
        url,
        {"kind": "receipt", "title": "甲局受理回执", "body": "{申请人}：已收到。依第三十一条。"},
    )
    app = register()
    from gongkai.foi.letters import render_letter

    text = "\n".join(
        p.text
        for p in Document(io.BytesIO(render_letter(application=app, kind="receipt"))).paragraphs
    )
    assert "甲局受理回执" in text and "张三丰：已收到" in text
    denied = personas.client_for(personas.handler_a).post(
        url, {"kind": "receipt", "title": "x", "body": "y"}
    )
    assert denied.status_code == 403


def test_the_fee_calculator(personas):
    client = personas.client_for(personas.handler_a)
    page = client.get(reverse("foi:fee"), {"method": "per_volume", "quantity": 101})
    assert "720 元" in page.content.decode()
    item = client.get(
        reverse("foi:fee"), {"method": "per_item", "quantity": 31}, HTTP_HX_REQUEST="true"
    )
    assert "200 元" in item.content.decode() and "<html" not in item.content.decode()


def test_table3_page(register, personas):
    register("2021-09-24")
    page = (
        personas.client_for(personas.handler_a)
        .get(reverse("foi:table3", kwargs={"code": "A1", "year": 2021}))
        .content.decode()
    )
    assert "一、本年新收政府信息公开申请数量" in page


# --- public side --------------------------------------------------------------------------------


def public_data(**overrides):  # type: ignore[no-untyped-def]
    data = {
        "organisation": "A1",
        "applicant_type": "natural",
        "applicant_name": "王五",
        "id_type": "resident_id",
        "id_number": "410782198805051234",
        "phone": "13900001111",
        "email": "",
        "address": "",
        "postcode": "",
        "description": "本局2021年部门预算公开说明",
        "document_number": "",
        "info_form": "electronic",
        "delivery": "online",
        "accept": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_a_citizen_applies_online_and_checks_the_status(personas, client):
    response = client.post(reverse("foi:apply"), public_data())
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    app = Application.objects.get()
    assert app.query_code in done and app.submitted_online and app.channel == "online"
    status = client.post(
        reverse("foi:status"), {"query_code": app.query_code.lower(), "phone_last4": "1111"}
    ).content.decode()
    assert "已登记" in status and "申请已收到并登记" in status
    assert app.reply_due.isoformat() in status
    assert (
        "王五" not in status and "13900001111" not in status and "410782198805051234" not in status
    )
    wrong = client.post(
        reverse("foi:status"), {"query_code": app.query_code, "phone_last4": "0000"}
    )
    assert "不正确" in wrong.content.decode() and "已登记" not in wrong.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"description": "x" * 2001}, "不超过2000字"),
        ({"applicant_name": "<script>alert(1)</script>"}, "网页标记"),
        ({"description": "请提供<img src=x onerror=alert(1)>文件"}, "网页标记"),
        ({"phone": "12345"}, "手机号码"),
        ({"organisation": "NOPE"}, "选择一个有效的选项"),
        ({"accept": ""}, "必填"),
        ({"applicant_type": "business"}, "联系人"),
    ],
)
def test_the_public_form_rejects_hostile_input_and_stores_nothing(
    personas, client, overrides, message
):
    response = client.post(reverse("foi:apply"), public_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"), "不是 PDF"),
        (SimpleUploadedFile("a.html", b"<html><script>", "text/html"), "不是 PDF"),
        (SimpleUploadedFile("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf"), "5 MB"),
    ],
)
def test_the_public_form_checks_attachments_by_content(personas, client, upload, message):
    response = client.post(reverse("foi:apply"), public_data(attachments=upload))
    assert response.status_code == 400 and message in response.content.decode()
    assert Application.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_valid_attachment_is_stored(personas, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("身份证.pdf", PDF, "text/plain")
    assert client.post(reverse("foi:apply"), public_data(attachments=upload)).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"


def test_the_public_form_needs_csrf(personas):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("foi:apply"), public_data()).status_code == 403
    assert Application.objects.count() == 0


def test_the_honeypot_stores_nothing(personas, client):
    response = client.post(reverse("foi:apply"), public_data(website="http://spam.example"))
    assert response.status_code == 302 and Application.objects.count() == 0


def test_the_public_form_is_rate_limited(personas, client):
    from django.core.cache import cache

    cache.clear()
    for i in range(5):
        client.post(reverse("foi:apply"), public_data(id_number=f"41078219880505{i:04d}"))
    response = client.post(reverse("foi:apply"), public_data())
    assert response.status_code == 400 and "过于频繁" in response.content.decode()
    assert Application.objects.count() == 5
    cache.clear()


def test_personal_data_never_reaches_the_logs(personas, client, caplog):
    caplog.set_level("DEBUG")
    client.post(reverse("foi:apply"), public_data())
    app = Application.objects.get()
    assert "13900001111" not in caplog.text and "王五" not in caplog.text
    entries = " ".join(str(e.after) + e.object_repr + e.note for e in AuditEntry.objects.all())
    assert "13900001111" not in entries and "王五" not in entries and app.query_code in entries


def test_a_repeat_request_is_suggested_as_r352(register, personas):
    first = register("2021-03-01")
    first = s.application_accept(
        application=first, actor=personas.handler_a, expected_version=first.version
    )
    first = s.application_submit_draft(
        application=first,
        actor=personas.handler_a,
        expected_version=first.version,
        outcome=Outcome.R3_1,
        basis="",
        text="予以公开",
    )
    first = s.application_review(
        application=first, actor=personas.reviewer_a, expected_version=first.version, approve=True
    )
    first = s.application_sign(
        application=first, actor=personas.leader_a, expected_version=first.version, approve=True
    )
    s.application_reply(
        application=first,
        actor=personas.registrar_a,
        expected_version=first.version,
        replied_on=d("2021-03-05"),
    )
    again = register("2021-03-20")
    again = s.application_accept(
        application=again, actor=personas.handler_a, expected_version=again.version
    )
    page = personas.client_for(personas.handler_a).get(case_url(again)).content.decode()
    assert "疑似重复申请" in page and first.query_code in page
    assert 'value="R3.5.2" selected' in page
    assert 'name="fee_notice-quantity" value="2"' in page  # the 2nd application this month


def test_the_queue_searches_by_query_code_or_words(register, personas):
    first = register(description="城区道路改造工程立项批复")
    register(description="中小学校舍安全检查报告")
    client = personas.client_for(personas.handler_a)
    url = reverse("foi:queue", kwargs={"code": "A1"})
    by_code = client.get(url, {"q": first.query_code.replace("-", "").lower()}).content.decode()
    assert first.query_code in by_code and "共 1 件" in by_code
    by_words = client.get(url, {"q": "校舍"}).content.decode()
    assert "共 1 件" in by_words and first.query_code not in by_words
