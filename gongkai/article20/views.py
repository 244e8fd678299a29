"""Staff pages: the year's Article 20 statistics per organisation, entry and import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from gongkai.article20 import selectors, services
from gongkai.article20.forms import FiguresForm, ImportForm
from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs.selectors import organisation_get_for_user, organisations_for_user


@login_required
def return_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    code, year = request.GET.get("code"), request.GET.get("year", "")
    if code and year.isdigit():
        return redirect("article20:edit", code=code, year=int(year))
    context = {
        "default_year": timezone.localdate().year - 1,
        "returns": selectors.article20_returns_for_user(user=request.user),
        "organisations": organisations_for_user(user=request.user),
    }
    return render(request, "article20/return_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def return_edit(request: AuthenticatedHttpRequest, code: str, year: int) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    services.require_editor(user=request.user, organisation=organisation)
    if not 2008 <= year <= 2100:
        raise Http404("年度不合理。")
    current = selectors.article20_figures(organisation=organisation, year=year)
    initial = {f: getattr(current, f) for f in services.FIELDS} if current else {}
    form = FiguresForm(
        request.POST or None, initial={**initial, "version": current.version if current else None}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.article20_save(
                organisation=organisation,
                year=year,
                actor=request.user,
                figures=services.Figures(**{f: data[f] for f in services.FIELDS}),
                expected_version=data["version"] if current else None,
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"{organisation.name} {year} 年统计已保存。")
            return redirect("article20:list")
    context = {"organisation": organisation, "year": year, "form": form, "current": current}
    return render(request, "article20/return_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def return_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.article20_import(
                upload=upload, filename=upload.name, actor=request.user
            )
        except ApplicationError as exc:
            form.add_error("file", exc.message)
        else:
            if not result.errors:
                messages.success(request, f"已导入 {result.saved} 条统计。")
                return redirect("article20:list")
    return render(request, "article20/return_import.html", {"form": form, "result": result})
