"""Staff pages for public messages: channels with yearly counts, entry and import."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.interaction import selectors, services
from gongkai.interaction.forms import ChannelForm, ImportForm, MessageForm
from gongkai.interaction.models import MessageChannel
from gongkai.orgs.selectors import organisation_get_for_user, organisations_for_user


@login_required
def channel_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = _year(request)
    organisations = organisations_for_user(user=request.user)
    table = [(org, selectors.message_counts(organisation=org, year=year)) for org in organisations]
    return render(request, "interaction/channels.html", {"year": year, "table": table})


@login_required
@require_POST
def channel_create(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    form = ChannelForm(request.POST)
    if form.is_valid():
        try:
            services.channel_create(
                organisation=organisation, name=form.cleaned_data["name"], actor=request.user
            )
            flash.success(request, "渠道已添加。")
        except ApplicationError as exc:
            flash.error(request, exc.message)
    return redirect("interaction:messages", code=organisation.code)


@login_required
@require_http_methods(["GET", "POST"])
def message_list(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    channels = MessageChannel.objects.filter(organisation=organisation, is_active=True)
    form = MessageForm(request.POST or None, channels=channels)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            flash.success(request, "留言已登记。")
            return redirect("interaction:messages", code=organisation.code)
    page = Paginator(
        selectors.messages_for_user(user=request.user).filter(organisation=organisation), 50
    ).get_page(request.GET.get("page"))
    context = {
        "organisation": organisation,
        "page": page,
        "form": form,
        "channel_form": ChannelForm(),
        "channels": channels,
    }
    return render(request, "interaction/messages.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def message_import(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.messages_import(
                organisation=organisation, upload=upload, filename=upload.name, actor=request.user
            )
        except ApplicationError as exc:
            form.add_error("file", exc.message)
        else:
            if not result.errors:
                flash.success(request, f"已导入 {result.saved} 条留言。")
                return redirect("interaction:messages", code=organisation.code)
    context = {"organisation": organisation, "form": form, "result": result}
    return render(request, "interaction/import.html", context)


def _year(request: AuthenticatedHttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2008 <= int(raw) <= 2100 else timezone.localdate().year
