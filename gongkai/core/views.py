"""The staff home page and a health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs import selectors


@login_required
def staff_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = (
        request.user.memberships.select_related("organisation")
        .filter(organisation__is_active=True)
        .order_by("organisation__path", "role")
    )
    context = {
        "memberships": memberships,
        "readable_count": selectors.organisations_for_user(user=request.user).count(),
    }
    return render(request, "core/staff_home.html", context)


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
