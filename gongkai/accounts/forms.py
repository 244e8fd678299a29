"""Login forms that enforce the lockout before checking the password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from gongkai.accounts.services import login_locked_until

MESSAGES = {
    "invalid_login": "用户名或密码不正确。请注意密码区分大小写。",
    "inactive": "该账户已停用，请联系单位管理员。",
    "locked": "登录失败次数过多，账户已暂时锁定，请于 %(minutes)s 分钟后再试。",
}


class LockoutMixin:
    """Refuse a locked username before the password is even checked."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        locked_until = login_locked_until(username=username)
        if locked_until is not None:
            minutes = max(1, int((locked_until - timezone.now()).total_seconds() // 60) + 1)
            raise forms.ValidationError(
                MESSAGES["locked"], code="locked", params={"minutes": minutes}
            )
        return super().clean()  # type: ignore[misc, no-any-return]


class LoginForm(LockoutMixin, AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, **MESSAGES}


class AdminLoginForm(LockoutMixin, AdminAuthenticationForm):
    """The admin's own login page obeys the same lockout."""
