"""Supervision journey: the supervisor records a spot-check round with a veto finding and
orders rectification, the unit answers, the supervisor verifies."""

from gongkai.core.testing import PASSWORD
from gongkai.oversight.choices import PlatformKind
from gongkai.oversight.services import platform_create


def login(page, username):
    page.goto("/staff/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def logout(page):
    page.get_by_role("button", name="退出登录").click()


def test_spot_check_veto_rectification_answer_and_verification(page, personas):
    platform_create(
        organisation=personas.org_a,
        kind=PlatformKind.WEBSITE,
        name="甲局网站",
        address="https://a.example.gov.cn/",
        actor=personas.admin_a,
    )

    login(page, "supervisor")
    page.get_by_role("link", name="监督保障", exact=True).click()
    page.get_by_role("link", name="抽查", exact=True).click()
    page.get_by_label("组织检查的机关").select_option(label="测试市人民政府")
    page.get_by_label("年度").fill("2021")
    page.get_by_label("季度").fill("3")
    page.get_by_label("监测开始日").fill("2021-09-01")
    page.get_by_label("监测结束日").fill("2021-09-14")
    page.get_by_role("button", name="新建抽查").click()
    page.wait_for_url("**/staff/oversight/rounds/*/")
    assert "2021年第3季度" in page.locator("h1").inner_text()

    page.get_by_label("抽查对象").select_option(label="甲局网站（政府网站）")
    page.get_by_role("button", name="添加并检查").click()
    page.wait_for_url("**/staff/oversight/records/*/")
    assert page.locator("#verdict").inner_text() == "合格"

    page.get_by_label("指标").select_option("homepage_stale")
    page.get_by_label("问题描述").fill("监测两周首页无新增内容")
    page.get_by_label("问题页面网址").fill("https://a.example.gov.cn/")
    page.get_by_role("button", name="记录", exact=True).click()
    assert page.locator("#verdict").inner_text() == "不合格"

    page.get_by_label("整改期限（工作日）").fill("5")
    page.get_by_role("button", name="下发整改").click()
    page.wait_for_url("**/staff/oversight/rectifications/*/")
    assert page.locator("#task-status").inner_text() == "待整改"
    task_url = page.url
    logout(page)

    login(page, "handler_a")
    page.goto("/staff/oversight/")
    page.get_by_role("link", name="首页不更新", exact=False).first.click()
    page.get_by_label("整改情况").fill("已恢复首页信息更新，建立每日更新制度。")
    page.get_by_role("button", name="提交整改情况").click()
    assert page.locator("#task-status").inner_text() == "已反馈，待核验"
    logout(page)

    login(page, "supervisor")
    page.goto(task_url)
    page.get_by_label("通过，销号").check()
    page.get_by_role("button", name="提交核验结果").click()
    assert page.locator("#task-status").inner_text() == "已核验销号"
    assert "单位反馈" in page.content() and "核验通过" in page.content()
