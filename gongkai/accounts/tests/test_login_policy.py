"""Login policy: argon2, lockout after repeated failures, every outcome recorded."""

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.core.testing import PASSWORD

LOGIN = "accounts:login"


def attempt(client, username, password):
    return client.post(reverse(LOGIN), {"username": username, "password": password})


@pytest.mark.real_hashers
def test_passwords_are_hashed_with_argon2(personas):
    assert identify_hasher(personas.handler_a.password).algorithm == "argon2"


def test_a_good_login_lands_on_the_staff_home_and_is_audited(personas, client):
    response = attempt(client, "handler_a", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:staff-home")
    assert AuditEntry.objects.filter(action="auth.login", actor=personas.handler_a).count() == 1


def test_a_failed_login_is_refused_with_a_chinese_message_and_audited(personas, client):
    response = attempt(client, "handler_a", "wrong")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert (
        AuditEntry.objects.filter(action="auth.login_failed", actor_label="handler_a").count() == 1
    )


def test_the_account_locks_after_repeated_failures_even_with_the_right_password(personas, client):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False):
        for _ in range(settings.LOGIN_MAX_FAILURES):
            attempt(client, "handler_a", "wrong")
        response = attempt(client, "handler_a", PASSWORD)
        assert response.status_code == 200
        assert "账户已暂时锁定" in response.content.decode()
        assert AuditEntry.objects.filter(action="auth.locked_out").count() == 1
    with time_machine.travel("2026-03-02 09:16 +0800", tick=False):
        assert attempt(client, "handler_a", PASSWORD).status_code == 302


def test_failures_spread_beyond_the_window_do_not_lock(personas, client):
    for minute in range(0, 5 * 20, 20):
        with time_machine.travel(f"2026-03-02 10:{minute % 60:02d} +0800", tick=False):
            attempt(client, "handler_a", "wrong")
    with time_machine.travel("2026-03-02 11:45 +0800", tick=False):
        assert attempt(client, "handler_a", PASSWORD).status_code == 302


def test_a_success_resets_the_failure_count(personas, client):
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        attempt(client, "handler_a", "wrong")
    assert attempt(client, "handler_a", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    attempt(client, "handler_a", "wrong")
    assert attempt(client, "handler_a", PASSWORD).status_code == 302


def test_logout_is_post_only_and_audited(personas, client):
    client.force_login(personas.handler_a)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert AuditEntry.objects.filter(action="auth.logout", actor=personas.handler_a).count() == 1
    assert client.get(reverse("core:staff-home")).status_code == 302


def test_sessions_expire_after_idle_time():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_the_admin_login_obeys_the_same_lockout(personas, client):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        client.post("/sysadmin/login/", {"username": "sysadmin", "password": "wrong"})
    response = client.post("/sysadmin/login/", {"username": "sysadmin", "password": PASSWORD})
    assert response.status_code == 200
    assert "账户已暂时锁定" in response.content.decode()
