"""Staff pages for annual reports: list, draft, edit, check, approve, publish, correct."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs.selectors import access_scope, organisations_for_user
from gongkai.reports import selectors, services
from gongkai.reports.forms import ActionForm, DraftForm, ImportForm, ReviseForm, SectionsForm
from gongkai.reports.presenters import download_response, report_page_context


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = organisations_for_user(user=request.user)
    form = DraftForm(
        request.POST or None,
        organisations=organisations,
        initial={"year": timezone.localdate().year - 1},
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_draft(
                organisation=form.cleaned_data["organisation"],
                year=form.cleaned_data["year"],
                actor=request.user,
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("reports:detail", pk=report.pk)
    reports = selectors.reports_for_user(user=request.user)
    return render(request, "reports/report_list.html", {"reports": reports, "form": form})


@login_required
def report_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    context = report_page_context(report, today=timezone.localdate(), staff=True)
    context.update(
        action_form=ActionForm(initial={"version": report.version}),
        revise_form=ReviseForm(),
        roles=access_scope(user=request.user).roles.get(report.organisation_id, frozenset()),
    )
    return render(request, "reports/report_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    content = selectors.report_content(report)
    initial = {
        **{k: content.sections.get(k, "") for k in ("S1", "S5", "S6")},
        "version": report.version,
    }
    form = SectionsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_update_sections(
                report=report,
                sections={k: data[k] for k in ("S1", "S5", "S6")},
                actor=request.user,
                expected_version=data["version"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "正文已保存，请重新校验。")
            return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/report_edit.html", {"report": report, "form": form})


ACTIONS: dict[str, tuple[Callable[..., Any], str]] = {
    "refresh": (
        lambda report, actor, version, note: services.report_draft(
            organisation=report.organisation, year=report.year, actor=actor
        ),
        "已按实时数据重新计算。",
    ),
    "validate": (
        lambda report, actor, version, note: services.report_validate(
            report=report, actor=actor, expected_version=version
        ),
        "校验完成。",
    ),
    "review": (
        lambda report, actor, version, note: services.report_review(
            report=report, actor=actor, expected_version=version
        ),
        "已审核通过。",
    ),
    "approve": (
        lambda report, actor, version, note: services.report_approve(
            report=report, actor=actor, expected_version=version
        ),
        "已批准。",
    ),
    "return": (
        lambda report, actor, version, note: services.report_return(
            report=report, actor=actor, expected_version=version, note=note
        ),
        "已退回修改。",
    ),
    "publish": (
        lambda report, actor, version, note: services.report_publish(
            report=report, actor=actor, expected_version=version
        ),
        "报告已公布。",
    ),
}


@login_required
@require_POST
def report_action(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    form = ActionForm(request.POST)
    if action not in ACTIONS or not form.is_valid():
        messages.error(request, "无效的操作。")
        return redirect("reports:detail", pk=report.pk)
    run, done = ACTIONS[action]
    try:
        run(report, request.user, form.cleaned_data["version"], form.cleaned_data["note"])
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_POST
def report_revise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    form = ReviseForm(request.POST)
    try:
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        revision = services.report_revise(report=report, actor=request.user, reason=reason)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("reports:detail", pk=report.pk)
    messages.success(request, f"已创建第 {revision.revision} 版更正草稿。")
    return redirect("reports:detail", pk=revision.pk)


@login_required
def report_download(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    return download_response(report, fmt)


@login_required
@require_http_methods(["GET", "POST"])
def report_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = organisations_for_user(user=request.user)
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = services.report_import_earlier(
                organisation=form.cleaned_data["organisation"],
                year=form.cleaned_data["year"],
                data=upload.read(),
                filename=upload.name,
                actor=request.user,
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "往年报告已导入。")
            return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/report_import.html", {"form": form})
