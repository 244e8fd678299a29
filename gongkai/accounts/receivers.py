"""Django's auth signals are the framework's own hooks for login events; we only record them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from gongkai.accounts import services
from gongkai.accounts.models import User


@receiver(user_logged_in)
def _on_login(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    services.login_success_record(user=user, request=request)


@receiver(user_logged_out)
def _on_logout(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    services.logout_record(user=user, request=request)


@receiver(user_login_failed)
def _on_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    services.login_failure_record(username=str(credentials.get("username", "")), request=request)
