"""An office drafts, validates, gets approval for and publishes its annual report; the
public downloads the DOCX and PDF from the 年报 column."""

from gongkai.core.testing import PASSWORD


def login(page, username):
    page.goto("/staff/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def logout(page):
    page.get_by_role("button", name="退出登录").click()


def press(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def test_office_publishes_its_report_and_the_public_downloads_it(page, personas):
    login(page, "handler_a")
    page.goto("/staff/reports/")
    page.get_by_label("机关").select_option("A1")
    page.get_by_label("年度").fill("2021")
    press(page, "按平台数据生成")
    assert "测试市甲局2021年政府信息公开工作年度报告" in page.locator("h1").inner_text()
    assert "法定公布期限：2022年1月31日" in page.content()

    press(page, "校验")
    assert "仍有“【待填写】”" in page.content()  # problems and measures are still to be written
    page.get_by_role("link", name="编辑正文").click()
    page.get_by_label("五、存在的主要问题及改进情况").fill(
        "（一）主要问题\n部分信息发布不够及时。\n（二）改进措施\n严格执行发布时限。"
    )
    press(page, "保存")
    press(page, "校验")
    assert "状态：已校验" in page.locator("main").inner_text()
    report_url = page.url
    logout(page)

    for username, button, status in [
        ("reviewer_a", "审核通过", "已审核"),
        ("leader_a", "领导批准", "已批准"),
        ("office_head_a", "公布", "已公布"),
    ]:
        login(page, username)
        page.goto(report_url)
        press(page, button)
        assert f"状态：{status}" in page.locator("main").inner_text()
        logout(page)

    page.goto("/annual-reports/")
    page.get_by_role("link", name="测试市甲局2021年政府信息公开工作年度报告").click()
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page.content()
    for link, suffix in [("Word 文档（DOCX）", ".docx"), ("PDF 文档", ".pdf")]:
        with page.expect_download() as download:
            page.get_by_role("link", name=link).click()
        assert download.value.suggested_filename.endswith(suffix)
        assert download.value.suggested_filename.startswith("测试市甲局2021年")
