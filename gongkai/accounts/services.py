"""Login policy: lockout after repeated failures; every outcome recorded in the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from gongkai.accounts.models import LoginAttempt, User
from gongkai.audit.choices import AuditAction
from gongkai.audit.services import audit_record
from gongkai.core.http import client_ip


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()[:150]


def login_locked_until(*, username: str, now: datetime | None = None) -> datetime | None:
    """When the lock on ``username`` ends, or None if it may try to log in now.

    The lock starts with the LOGIN_MAX_FAILURES-th failure since the last success within the
    lockout window and lasts LOGIN_LOCKOUT_SECONDS from that failure.
    """
    now = now or timezone.now()
    window = timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    recent = list(
        LoginAttempt.objects.filter(username=normalise_username(username), at__gte=now - window)
        .order_by("-at")
        .values_list("succeeded", "at")[: settings.LOGIN_MAX_FAILURES]
    )
    if len(recent) < settings.LOGIN_MAX_FAILURES or any(ok for ok, _ in recent):
        return None
    return recent[0][1] + window


@transaction.atomic
def login_failure_record(*, username: str, request: HttpRequest | None) -> None:
    name = normalise_username(username)
    LoginAttempt.objects.create(username=name, succeeded=False, ip=client_ip(request))
    audit_record(
        actor=None,
        actor_label=name,
        action=AuditAction.LOGIN_FAILED,
        request=request,
        note="用户名或密码错误",
    )
    if login_locked_until(username=name) is not None:
        audit_record(
            actor=None,
            actor_label=name,
            action=AuditAction.LOCKED_OUT,
            request=request,
            note=f"连续 {settings.LOGIN_MAX_FAILURES} 次登录失败，账户暂时锁定",
        )


@transaction.atomic
def login_success_record(*, user: User, request: HttpRequest | None) -> None:
    LoginAttempt.objects.create(
        username=normalise_username(user.get_username()), succeeded=True, ip=client_ip(request)
    )
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user, request=request)


def logout_record(*, user: User | None, request: HttpRequest | None) -> None:
    if user is not None and user.is_authenticated:
        audit_record(actor=user, action=AuditAction.LOGOUT, obj=user, request=request)
