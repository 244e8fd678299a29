"""Smoke journey: public home → staff login → staff home."""

from gongkai.core.testing import PASSWORD


def test_public_home_then_staff_login_then_staff_home(page, personas):
    page.goto("/")
    assert page.locator("h1").first.inner_text() == "政府信息公开"
    page.get_by_role("link", name="工作人员入口").click()
    page.wait_for_url("**/staff/accounts/login/**")
    page.get_by_label("用户名").fill("handler_a")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text() == "工作台"
    assert "测试市甲局" in page.content()
    assert "承办人" in page.content()


def test_a_wrong_password_shows_a_clear_message(page, personas):
    page.goto("/staff/accounts/login/")
    page.get_by_label("用户名").fill("handler_a")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    assert page.get_by_role("alert").inner_text().startswith("用户名或密码不正确")
