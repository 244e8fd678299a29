"""Staff pages of reconsideration and litigation cases, with table 四 (C8)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.disputes import selectors, services
from gongkai.disputes.forms import DecideForm, DisputeForm
from gongkai.foi.models import Application
from gongkai.orgs.selectors import organisation_get_for_user, organisations_for_user


@login_required
def dispute_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = list(organisations_for_user(user=request.user))
    if len(organisations) == 1:
        return redirect("disputes:list", code=organisations[0].code)
    return render(request, "disputes/home.html", {"organisations": organisations})


@login_required
@require_http_methods(["GET", "POST"])
def dispute_list(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    year = int(request.GET.get("year") or timezone.localdate().year)
    form = DisputeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = None
        if data["query_code"].strip():
            application = Application.objects.filter(
                organisation=organisation, query_code=data["query_code"].strip().upper()
            ).first()
        try:
            services.dispute_create(
                organisation=organisation, kind=data["kind"], filed_on=data["filed_on"],
                actor=request.user, application=application, case_number=data["case_number"],
                authority=data["authority"], note=data["note"],
            )  # fmt: skip
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "案件已登记。")
            return redirect("disputes:list", code=code)
    context = {
        "organisation": organisation,
        "cases": selectors.disputes_for_organisation(user=request.user, organisation=organisation),
        "form": form,
        "decide_form": DecideForm(),
        "year": year,
        "table4": selectors.table4(organisation=organisation, year=year),
    }
    return render(request, "disputes/list.html", context)


@login_required
@require_POST
def dispute_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = selectors.dispute_get_for_user(user=request.user, pk=pk)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            services.dispute_decide(case=case, actor=request.user, **form.cleaned_data)
            messages.success(request, "审结结果已记录。")
        except ApplicationError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "请选择结果并填写审结日期。")
    return redirect("disputes:list", code=case.organisation.code)
