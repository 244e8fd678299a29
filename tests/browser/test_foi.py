"""Browser journeys of disclosure on request: a citizen applies online and checks the status;
a clerk registers a counter application, sends a 补正 notice, receives the correction and
replies with 部分公开. The due dates shown are checked against the working-day engine."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.utils import timezone

from gongkai.core.testing import PASSWORD, grant
from gongkai.foi.choices import Outcome, Status
from gongkai.foi.models import Application
from gongkai.orgs.choices import Role
from gongkai.workdays import WorkCalendar, reply_due

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = pytest.mark.browser


def test_a_citizen_applies_online_and_checks_the_status(page, personas):
    page.goto("/apply/")
    page.get_by_label("向哪个机关申请").select_option("A1")
    page.get_by_label("申请人类型").select_option("natural")
    page.get_by_label("姓名或单位名称").fill("王小明")
    page.get_by_label("证件类型").select_option("resident_id")
    page.get_by_label("证件号码").fill("410782199203034321")
    page.get_by_label("联系电话").fill("13900002468")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "本局2025年度部门预算及说明"
    )
    page.get_by_label("信息的载体形式").select_option("electronic")
    page.get_by_label("获取信息的方式").select_option("online")
    page.get_by_label("我承诺所填信息真实有效").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/done/")
    code = page.locator("#query-code").inner_text()
    app = Application.objects.get(query_code=code)
    expected = reply_due(receipt_date=timezone.localdate(), calendar=WorkCalendar.bundled()).due
    assert app.reply_due == expected

    page.goto("/apply/status/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("联系电话后四位").fill("2468")
    page.get_by_role("button", name="查询").click()
    assert page.locator("#public-status").inner_text() == "已登记"
    assert expected.isoformat() in page.locator("#public-due").inner_text()
    body = page.locator("main").inner_text()
    assert "王小明" not in body and "13900002468" not in body and "4321" not in body


def _login(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/staff/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def _act(page, key: str, label: str, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    panel = page.locator("details", has=page.locator(f"form[action$='/act/{key}/']"))
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    for name, value in fields.items():
        element = page.locator(f"#id_{key}-{name}")
        tag = element.evaluate("e => e.tagName")
        if tag == "SELECT":
            element.select_option(value)
        elif tag == "DIV":  # a radio group
            page.locator(f"input[name='{key}-{name}'][value='{value}']").check()
        else:
            element.fill(value)
    # Mark the current page; the action's response replaces <main> (htmx boost or reload).
    page.evaluate("document.querySelector('main').dataset.stale = '1'")
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_function(
        "() => { const m = document.querySelector('main'); return m && !m.dataset.stale; }"
    )
    page.locator(".message-success, .message-error").first.wait_for()
    errors = page.locator(".message-error")
    assert errors.count() == 0, errors.first.inner_text()


def test_a_clerk_registers_corrects_and_replies_with_partial_disclosure(page, personas):
    clerk = personas.registrar_a
    grant(clerk, personas.org_a, Role.HANDLER, Role.REVIEWER, Role.LEADER)
    _login(page, clerk.username)
    page.goto("/staff/foi/org/A1/new/")
    page.get_by_label("申请人类型").select_option("natural")
    page.get_by_label("姓名或单位名称").fill("刘大勇")
    page.get_by_label("证件类型").select_option("resident_id")
    page.get_by_label("证件号码").fill("410782198001015678")
    page.get_by_label("联系电话").fill("13700001234")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "关于那个文件的事"
    )
    page.get_by_label("信息的载体形式").select_option("paper")
    page.get_by_label("获取信息的方式").select_option("pickup")
    page.get_by_label("申请方式").select_option("in_person")
    page.get_by_label("到达（递交/签收）时间").fill("2021-04-01T09:00")
    page.get_by_role("button", name="登记").click()
    page.wait_for_url("**/staff/foi/case/*/")
    assert "2021-04-29" in page.locator("#reply-due").inner_text()  # 20 wd after 04-01 (清明)
    calendar = WorkCalendar.bundled()
    assert reply_due(receipt_date=dt.date(2021, 4, 1), calendar=calendar).due == dt.date(
        2021, 4, 29
    )

    _act(page, "request_correction", "发出补正告知", {
        "notified_on": "2021-04-02", "period_end": "2021-04-30", "items": "请写明文件名称或文号",
    })  # fmt: skip
    assert page.locator("#case-status").inner_text() == "待补正"
    _act(page, "receive_correction", "收到补正材料", {"received_on": "2021-04-20"})
    assert "2021-05-19" in page.locator("#reply-due").inner_text()  # restarted (D3)
    assert "第30条" in page.locator("#deadline-explanation").inner_text()
    _act(page, "draft", "提交答复稿", {
        "outcome": Outcome.R3_2, "text": "涉及个人隐私的部分不予公开，其余部分予以公开。",
    })  # fmt: skip
    _act(page, "review", "审核", {"decision": "approve"})
    _act(page, "sign", "领导签发", {"decision": "approve"})
    _act(page, "reply", "答复", {"replied_on": "2021-05-10"})
    assert page.locator("#case-status").inner_text() == "已答复"
    assert "部分公开" in page.locator("main").inner_text()
    app = Application.objects.get()
    assert (app.status, app.outcome) == (Status.REPLIED, Outcome.R3_2)
    assert app.corrected_receipt_date == dt.date(2021, 4, 20)
    timeline = page.locator("#timeline").inner_text()
    for step in [
        "登记",
        "发出补正告知",
        "收到补正材料",
        "提交答复稿",
        "审核通过",
        "领导签发",
        "答复",
    ]:
        assert step in timeline
