"""Template context shared by every page."""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest


@cache
def _nav(kind: str) -> tuple[tuple[str, str], ...]:
    """Navigation entries declared by the apps (``staff_nav``/``portal_nav`` on AppConfig)."""
    entries: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        entries.extend(getattr(config, kind, []))
    return tuple(entries)


def platform(request: HttpRequest) -> dict[str, object]:
    return {
        "PLATFORM_NAME": "政务公开平台",
        "DEMO_MODE": settings.DEMO,
        "STAFF_NAV": _nav("staff_nav"),
        "PORTAL_NAV": _nav("portal_nav"),
    }
