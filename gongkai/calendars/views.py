"""Staff page of the working-day calendar: years in use, and loading a year (sysadmin)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from gongkai.calendars import selectors
from gongkai.calendars.forms import YearFileForm
from gongkai.calendars.services import calendar_year_load
from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.workdays.cli import show_year


@login_required
@require_http_methods(["GET", "POST"])
def calendar_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST" and not request.user.is_superuser:
        raise PermissionDenied("只有系统管理员可以载入工作日历。")
    form = YearFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = calendar_year_load(text=form.cleaned_data["text"], actor=request.user)
        except ApplicationError as error:
            form.add_error("text", error.message)
        else:
            messages.success(
                request,
                f"已载入 {result.calendar_year.year} 年日历；重新计算 {result.recomputed} 件"
                f"未结申请的期限，{result.changed} 件有变化。",
            )
            return redirect("calendars:index")
    calendar = selectors.work_calendar()
    this_year = timezone.localdate().year
    years = [
        {"year": y, "source": calendar.source(y), "known": calendar.known(y)}
        for y in range(this_year - 1, this_year + 3)
    ]
    context = {
        "form": form,
        "loaded": selectors.calendar_years(),
        "years": years,
        "preview": show_year(calendar, int(request.GET.get("year") or this_year)),
    }
    return render(request, "calendars/index.html", context)
