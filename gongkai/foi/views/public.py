"""Public pages: the online application form, its confirmation, and the status page.

They work without JavaScript. The form is rate-limited per client address and has a honeypot;
the status page needs the query code and the phone's last four digits and shows no personal
data.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from gongkai.core.errors import ApplicationError
from gongkai.core.http import client_ip
from gongkai.foi import forms, selectors, services
from gongkai.foi.choices import Channel
from gongkai.orgs.models import Organisation

SUBMISSIONS_PER_HOUR = 5
LOOKUPS_PER_10_MINUTES = 20
_SESSION_KEY = "foi_last_query_code"


def _limited(request: HttpRequest, bucket: str, limit: int, seconds: int) -> bool:
    """True when this client has used up ``limit`` attempts in the window (fixed window)."""
    key = f"foi-rate:{bucket}:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return False


def _organisations() -> list[tuple[str, str]]:
    rows = Organisation.objects.filter(is_active=True).order_by("path")
    return [(org.code, org.name) for org in rows]


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    form = forms.PublicApplicationForm(
        request.POST or None, request.FILES or None, organisations=_organisations()
    )
    if request.method == "POST":
        if _limited(request, "apply", SUBMISSIONS_PER_HOUR, 3600):
            form.add_error(None, "提交过于频繁，请一小时后再试，或拨打电话咨询。")
        elif form.is_valid():
            if form.cleaned_data["website"]:  # honeypot: pretend success, store nothing
                return redirect("foi:apply-done")
            return _submit(request, form)
    return render(request, "foi/apply.html", {"form": form}, status=400 if form.errors else 200)


def _submit(request: HttpRequest, form: forms.PublicApplicationForm) -> HttpResponse:
    data = form.cleaned_data
    organisation = Organisation.objects.get(code=data["organisation"], is_active=True)
    now = timezone.now()
    fields = {k: data[k] for k in (*services.APPLICANT_FIELDS, *services.REQUEST_FIELDS)}
    try:
        application = services.application_register(
            organisation=organisation,
            data=services.ApplicationInput(
                **fields, channel=Channel.ONLINE, arrived_at=now, confirmed_at=now
            ),
            actor=None,
            files=data["attachments"],
            online=True,
        )
    except ApplicationError as error:
        form.add_error(None, error.message)
        return render(request, "foi/apply.html", {"form": form}, status=400)
    request.session[_SESSION_KEY] = application.query_code
    return redirect("foi:apply-done")


def apply_done(request: HttpRequest) -> HttpResponse:
    code = request.session.get(_SESSION_KEY)
    application = None
    if code:
        application = selectors.application_public_view(query_code=code)
    return render(request, "foi/apply_done.html", {"app": application})


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    form = forms.StatusQueryForm(request.POST or None)
    application = None
    if request.method == "POST":
        if _limited(request, "status", LOOKUPS_PER_10_MINUTES, 600):
            form.add_error(None, "查询过于频繁，请十分钟后再试。")
        elif form.is_valid():
            application = selectors.application_get_public(
                query_code=form.cleaned_data["query_code"],
                phone_last4=form.cleaned_data["phone_last4"],
            )
            if application is None:
                form.add_error(None, "查询码或电话号码后四位不正确。")
    steps = selectors.public_progress(application=application) if application else []
    context = {"form": form, "app": application, "steps": steps}
    return render(request, "foi/status.html", context)
