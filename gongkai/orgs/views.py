"""Staff pages for organisations: list, detail with staff, contact data, memberships."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs import selectors, services
from gongkai.orgs.choices import Role
from gongkai.orgs.forms import MembershipGrantForm, OrganisationContactForm


@login_required
def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = selectors.organisations_for_user(user=request.user)
    return render(request, "orgs/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_user(user=request.user, code=code)
    roles = selectors.user_roles(user=request.user, organisation=organisation)
    context = {
        "organisation": organisation,
        "memberships": selectors.memberships_for_organisation(organisation=organisation),
        "children": selectors.organisations_for_user(user=request.user).filter(parent=organisation),
        "can_admin": request.user.is_superuser or Role.ORG_ADMIN in roles,
        "grant_form": MembershipGrantForm(),
    }
    return render(request, "orgs/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_user(user=request.user, code=code, for_write=True)
    form = OrganisationContactForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update_contact(
            organisation=organisation, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, "机关信息已保存。")
        return redirect("orgs:detail", code=organisation.code)
    return render(
        request, "orgs/organisation_edit.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_POST
def membership_grant(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_user(user=request.user, code=code, for_write=True)
    form = MembershipGrantForm(request.POST)
    if form.is_valid():
        try:
            services.membership_grant(
                organisation=organisation,
                user=form.cleaned_data["username"],
                role=form.cleaned_data["role"],
                actor=request.user,
            )
            messages.success(request, "岗位已授予。")
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, "；".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("orgs:detail", code=organisation.code)


@login_required
@require_POST
def membership_revoke(
    request: AuthenticatedHttpRequest, code: str, membership_id: int
) -> HttpResponse:
    organisation = selectors.organisation_get_for_user(user=request.user, code=code, for_write=True)
    membership = get_object_or_404(
        selectors.memberships_for_organisation(organisation=organisation), pk=membership_id
    )
    try:
        services.membership_revoke(membership=membership, actor=request.user)
        messages.success(request, "岗位已撤销。")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("orgs:detail", code=organisation.code)
