"""Staff pages: the queue, counter registration, the case page and its actions (C8)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.audit.services import audit_personal_data_view
from gongkai.calendars.selectors import work_calendar
from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.foi import actions, forms, letters, selectors, services
from gongkai.foi.choices import OPEN_STATUSES, FeeMethod, Outcome, Status
from gongkai.foi.deadlines import workdays_left
from gongkai.foi.fees import fee_per_item, fee_per_volume
from gongkai.foi.models import Application
from gongkai.orgs.choices import Role
from gongkai.orgs.selectors import organisation_get_for_user, organisations_for_user

PAGE_SIZE = 50


def _htmx(request: AuthenticatedHttpRequest) -> bool:
    """An htmx request wants the page's partial only (django-htmx sets the same header)."""
    return request.headers.get("HX-Request") == "true"


@login_required
def foi_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = list(organisations_for_user(user=request.user))
    if len(organisations) == 1:
        return redirect("foi:queue", code=organisations[0].code)
    return render(request, "foi/home.html", {"organisations": organisations})


@login_required
def queue(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    today = timezone.localdate()
    filters = selectors.QueueFilter(
        status=request.GET.get("status", ""),
        due=request.GET.get("due", ""),
        q=request.GET.get("q", "")[:100],
    )
    rows = selectors.application_queue(
        user=request.user, organisation=organisation, today=today, filters=filters
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    soon = selectors.soon_limit(today=today)
    context = {
        "organisation": organisation,
        "page": page,
        "rows": selectors.queue_rows(page, today=today, soon=soon),
        "filters": filters,
        "today": today,
        "statuses": [s for s in Status if s in OPEN_STATUSES],
        "can_register": selectors.can_register(user=request.user, organisation=organisation),
    }
    template = "foi/queue.html#queue-table" if _htmx(request) else "foi/queue.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    form = forms.CounterApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "attachments"}
        try:
            application = services.application_register(
                organisation=organisation,
                data=services.ApplicationInput(**data),
                actor=request.user,
                files=form.cleaned_data["attachments"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"申请已登记，查询码 {application.query_code}。")
            return redirect("foi:case", pk=application.pk)
    return render(request, "foi/register.html", {"organisation": organisation, "form": form})


@login_required
def case(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    today = timezone.localdate()
    available = actions.available(user=request.user, application=application)
    initial = {"version": application.version}
    context = {
        "app": application,
        "today": today,
        "soon": selectors.soon_limit(today=today),
        "left": _left(application.reply_due, today),
        "timeline": selectors.application_timeline(application=application),
        "consultations": application.consultations.all(),
        "fee_notice": selectors.fee_notice_of(application=application),
        "attachments": application.attachments.all(),
        "month_count": selectors.applicant_month_count(application=application),
        "actions": [
            (a, a.form(initial={**initial, **_suggest(a.key, application)}, prefix=a.key))
            for a in available
        ],
        "letters": [(k, letters.LETTER_LABELS[k]) for k in letters.letter_kinds_for(application)],
    }
    return render(request, "foi/case.html", context)


def _suggest(key: str, application: Application) -> dict[str, object]:
    """Pre-filled values: the monthly count for a 按件 fee, 重复申请 for a detected repeat."""
    if key == "fee_notice":
        return {"method": FeeMethod.PER_ITEM, "quantity": application.month_seq}
    if key == "draft" and application.repeat_of_id:
        return {"outcome": Outcome.R3_5_2}
    if key == "draft" and application.proposed_outcome:
        return {"outcome": application.proposed_outcome, "text": application.reply_text}
    return {}


def _left(due: dt.date | None, today: dt.date) -> int | None:
    return workdays_left(today=today, due=due, calendar=work_calendar()) if due else None


@login_required
def personal_data(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The applicant's full identity and contact data; every view is audited."""
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    if not selectors.can_see_personal_data(user=request.user, application=application):
        messages.error(request, "您没有查看申请人完整信息的权限。")
        return redirect("foi:case", pk=pk)
    audit_personal_data_view(
        actor=request.user,
        obj=application,
        organisation=application.organisation,
        request=request,
        fields=list(services.APPLICANT_FIELDS),
    )
    template = "foi/_personal.html" if _htmx(request) else "foi/personal.html"
    return render(request, template, {"app": application, "full": True})


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, pk: int, key: str) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    action = actions.ACTIONS.get(key)
    if action is None:
        raise Http404("没有这个操作。")
    form = action.form(request.POST, prefix=key)
    if not form.is_valid():
        errors = "；".join(f"{e}" for errs in form.errors.values() for e in errs)
        messages.error(request, f"{action.label}：{errors}")
        return redirect("foi:case", pk=pk)
    try:
        action.call(application, request.user, form.cleaned_data)
    except ApplicationError as error:
        messages.error(request, f"{action.label}未完成：{error.message}")
    else:
        messages.success(request, f"已{action.label}。")
    return redirect("foi:case", pk=pk)


@login_required
def letter(request: AuthenticatedHttpRequest, pk: int, kind: str) -> HttpResponse:
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    if kind not in letters.DEFAULTS:
        raise Http404("没有这种文书。")
    content = letters.render_letter(application=application, kind=kind)
    audit_personal_data_view(
        actor=request.user,
        obj=application,
        organisation=application.organisation,
        request=request,
        fields=[f"letter:{kind}"],
    )
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"{application.query_code}-{kind}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def fee_calculator(request: AuthenticatedHttpRequest) -> HttpResponse:
    """信息处理费 calculator (109号; the same functions as ``gongkai fee``)."""
    form = forms.FeeCalculatorForm(request.GET or None)
    fee = None
    if form.is_valid():
        quantity = form.cleaned_data["quantity"]
        per_item = form.cleaned_data["method"] == "per_item"
        fee = fee_per_item(nth=quantity) if per_item else fee_per_volume(pages=quantity)
    template = "foi/fee.html#fee-result" if _htmx(request) else "foi/fee.html"
    return render(request, template, {"form": form, "fee": fee})


@login_required
def table3(request: AuthenticatedHttpRequest, code: str, year: int) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    table = selectors.table3(organisation=organisation, year=year)
    context = {
        "organisation": organisation,
        "year": year,
        "rows": selectors.table3_rows(table),
    }
    return render(request, "foi/table3.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def letter_templates(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    kind = request.GET.get("kind") or request.POST.get("kind") or "receipt"
    if kind not in letters.DEFAULTS:
        raise Http404("没有这种文书。")
    current = letters.template_for(organisation=organisation, kind=kind)
    form = forms.LetterTemplateForm(
        request.POST or None, initial={"kind": kind, "title": current.title, "body": current.body}
    )
    if request.method == "POST" and form.is_valid():
        try:
            letters.letter_template_save(
                organisation=organisation,
                kind=kind,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                actor=request.user,
            )
        except ApplicationError as error:
            form.add_error("body", error.message)
        else:
            messages.success(request, "文书模板已保存。")
            return redirect(f"{request.path}?kind={kind}")
    context = {
        "organisation": organisation,
        "form": form,
        "kind": kind,
        "kinds": letters.LETTER_LABELS.items(),
        "placeholders": letters.PLACEHOLDERS,
        "can_edit": selectors.can_act_in(
            user=request.user, organisation=organisation, roles={Role.ORG_ADMIN, Role.OFFICE_HEAD}
        ),
    }
    return render(request, "foi/letter_templates.html", context)
