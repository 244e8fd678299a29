"""Small request helpers shared by views."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from gongkai.accounts.models import User


def client_ip(request: HttpRequest | None) -> str | None:
    """The client address as the proxy in front of us reports it (first X-Forwarded-For hop)."""
    if request is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()[:45] or None
    return request.META.get("REMOTE_ADDR") or None


class AuthenticatedHttpRequest(HttpRequest):
    """A request behind ``login_required``: ``user`` is a real staff user (for type checking)."""

    user: "User"


def attachment(filename: str) -> str:
    """A Content-Disposition value for a download, with the Chinese file name encoded."""
    from django.utils.http import content_disposition_header

    return content_disposition_header(True, filename) or "attachment"
