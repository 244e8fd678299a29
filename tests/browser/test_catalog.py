"""Catalog journeys in a real browser: a reviewer chain publishes an item that then appears in
search; a visitor browses the 公开目录 and downloads an attachment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalog import services
from gongkai.catalog.choices import CONFIDENTIALITY_CHECKLIST
from gongkai.catalog.models import DirectoryNode
from gongkai.core.testing import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def directories(personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.directory_ensure_default(organisation=personas.org_a)
    return personas


def log_in(page, username):
    page.goto("/staff/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def log_out(page):
    page.get_by_role("button", name="退出登录").click()


def test_a_reviewer_chain_publishes_an_item_and_it_appears_in_search(page, directories):
    log_in(page, "handler_a")
    page.get_by_role("link", name="主动公开").first.click()
    page.get_by_role("link", name="起草新信息").click()
    page.get_by_label("标题").fill("测试市甲局关于开展春季植树造林活动的通知")
    page.get_by_label("生成（变更）日期").fill("2021-03-01")
    page.get_by_label("目录栏目").select_option(label="其他依法应主动公开的信息")
    page.get_by_label("主题分类").select_option(label="农业、林业、水利")
    page.get_by_label("文件类型").select_option(label="通知公告")
    page.get_by_label("内容概述").fill("部署春季植树造林活动。")
    page.get_by_label("正文").fill("<p>各乡镇：请组织开展义务植树活动。</p>")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交初审").click()
    assert page.locator("#item-status").inner_text() == "待初审"
    item_url = page.url
    log_out(page)

    log_in(page, "reviewer_a")
    page.goto(item_url)
    for _, label in CONFIDENTIALITY_CHECKLIST:
        page.get_by_label(label).check()
    page.get_by_role("button", name="初审通过").click()
    assert page.locator("#item-status").inner_text() == "待复审"
    log_out(page)

    log_in(page, "office_head_a")
    page.goto(item_url)
    page.get_by_role("button", name="复审通过").click()
    assert page.locator("#item-status").inner_text() == "待终审"
    log_out(page)

    log_in(page, "leader_a")
    page.goto(item_url)
    page.get_by_role("button", name="终审通过").click()
    assert page.locator("#item-status").inner_text() == "已发布"
    log_out(page)

    page.goto("/")
    page.get_by_label("检索政府信息").fill("植树造林")
    page.get_by_role("button", name="检索").click()
    page.wait_for_url("**/search/?q=*")
    assert "找到 1 条结果" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="测试市甲局关于开展春季植树造林活动的通知").click()
    assert page.locator("h1").inner_text() == "测试市甲局关于开展春季植树造林活动的通知"


def test_a_visitor_browses_the_directory_and_downloads_an_attachment(page, directories):
    p = directories
    item = services.item_create(
        organisation=p.org_a,
        actor=p.handler_a,
        title="测试市甲局行政事业性收费项目清单",
        category=DirectoryNode.objects.get(organisation=p.org_a, code="20-08"),
        formed_on=dt.date(2021, 3, 1),
        doc_type="other",
        topic="finance",
        summary="公开本局收费项目、依据和标准。",
        body="<p>见附件。</p>",
    )
    services.attachment_add(
        item=item,
        actor=p.handler_a,
        upload=SimpleUploadedFile("收费清单.pdf", PDF, content_type="application/pdf"),
    )
    item = services.item_submit(item=item, actor=p.handler_a)
    checklist = {key: True for key, _ in CONFIDENTIALITY_CHECKLIST}
    item = services.item_approve(item=item, actor=p.reviewer_a, checklist=checklist)
    item = services.item_approve(item=item, actor=p.office_head_a)
    services.item_approve(item=item, actor=p.leader_a)

    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="公开目录").click()
    page.get_by_role("link", name="测试市甲局", exact=True).click()
    page.get_by_role("navigation", name="目录栏目").get_by_role(
        "link", name="行政事业性收费"
    ).click()
    assert page.locator("h1").inner_text() == "行政事业性收费"
    page.get_by_role("link", name="测试市甲局行政事业性收费项目清单").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="收费清单.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "收费清单.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF


def test_large_text_mode_works_without_javascript(page, directories):
    page.goto("/search/")
    page.get_by_role("link", name="大字模式").click()
    assert "large-text" in (page.locator("body").get_attribute("class") or "")
