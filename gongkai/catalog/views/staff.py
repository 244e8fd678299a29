"""Staff pages: item list and review queue, drafting, the review steps, attachments, the
normative registry, the timeliness dashboard, the directory tree and the guide (C8)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.catalog import selectors, services
from gongkai.catalog.choices import ItemStatus
from gongkai.catalog.files import CONTENT_TYPES
from gongkai.catalog.forms import (
    ApproveForm,
    AttachmentForm,
    DirectoryNodeEditForm,
    DirectoryNodeForm,
    ItemForm,
    NormativeStatusForm,
    ProfileForm,
    ReturnForm,
    WithdrawForm,
)
from gongkai.catalog.models import DirectoryNode
from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs.selectors import organisation_get_for_user, require_role

DRAFT_ROLES = services.DRAFT_ROLES


def _attempt(request: AuthenticatedHttpRequest, action: Callable[[], Any], success: str) -> bool:
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True


@login_required
def item_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    items = selectors.items_for_user(user=request.user).order_by("-updated_at", "-id")
    status = request.GET.get("status", "")
    if status in ItemStatus.values:
        items = items.filter(status=status)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": ItemStatus.choices,
        "queue": selectors.review_queue_for_user(user=request.user)[:50],
        "can_draft": selectors.drafting_organisations(user=request.user).exists(),
    }
    return render(request, "catalog/staff/item_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = selectors.drafting_organisations(user=request.user)
    code = request.GET.get("org") or (organisations[0].code if len(organisations) == 1 else "")
    if not code:
        return render(request, "catalog/staff/choose_org.html", {"organisations": organisations})
    organisation = organisation_get_for_user(user=request.user, code=code)
    require_role(user=request.user, organisation=organisation, roles=DRAFT_ROLES)
    services.directory_ensure_default(organisation=organisation)
    form = ItemForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.item_create(
                organisation=organisation, actor=request.user, **_create_kwargs(data)
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已保存草稿，索引号 {item.index_number}。")
            return redirect("catalog:staff-item", pk=item.pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "catalog/staff/item_form.html", context)


def _create_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    required = ["title", "category", "formed_on", "doc_type", "topic"]
    return {name: data[name] for name in required} | {
        name: value for name, value in data.items() if name not in required
    }


@login_required
def item_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    actions = selectors.allowed_actions(user=request.user, item=item)
    context = {
        "item": item,
        "actions": actions,
        "events": selectors.item_events(item=item),
        "attachments": item.attachments.all(),
        "approve_form": ApproveForm(with_checklist=item.status == ItemStatus.FIRST_REVIEW),
        "return_form": ReturnForm(),
        "withdraw_form": WithdrawForm(),
        "attachment_form": AttachmentForm(),
        "normative_form": NormativeStatusForm(item=item) if "normative" in actions else None,
        "interpretations": item.interpretations.all(),
        "today": timezone.localdate(),
    }
    return render(request, "catalog/staff/item_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    require_role(user=request.user, organisation=item.organisation, roles=DRAFT_ROLES)
    form = ItemForm(request.POST or None, instance=item, organisation=item.organisation)
    version = item.version
    if request.method == "POST" and form.is_valid():
        expected = int(request.POST.get("version", version))
        try:
            services.item_update(
                item=item, actor=request.user, expected_version=expected, data=form.cleaned_data
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("catalog:staff-item", pk=item.pk)
    context = {"form": form, "organisation": item.organisation, "item": item, "version": version}
    return render(request, "catalog/staff/item_form.html", context)


@login_required
@require_POST
def item_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    _attempt(request, lambda: services.item_submit(item=item, actor=request.user), "已提交初审。")
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def item_approve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    form = ApproveForm(request.POST, with_checklist=item.status == ItemStatus.FIRST_REVIEW)
    form.is_valid()
    _attempt(
        request,
        lambda: services.item_approve(
            item=item,
            actor=request.user,
            checklist=form.checklist(),
            note=form.cleaned_data.get("note", ""),
        ),
        "审核通过。",
    )
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def item_return(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    comment = request.POST.get("comment", "")
    _attempt(
        request,
        lambda: services.item_return(item=item, actor=request.user, comment=comment),
        "已退回修改。",
    )
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def item_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    reason = request.POST.get("reason", "")
    _attempt(
        request,
        lambda: services.item_withdraw(item=item, actor=request.user, reason=reason),
        "已撤回。",
    )
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def item_normative(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    form = NormativeStatusForm(request.POST, item=item)
    if not form.is_valid():
        messages.error(request, "效力状态表单填写有误。")
        return redirect("catalog:staff-item", pk=pk)
    data = form.cleaned_data
    _attempt(
        request,
        lambda: services.normative_status_set(
            item=item,
            actor=request.user,
            status=data["status"],
            on=data["on"],
            superseded_by=data["superseded_by"],
            note=data["note"],
        ),
        "效力状态已更新。",
    )
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def attachment_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        _attempt(
            request,
            lambda: services.attachment_add(item=item, actor=request.user, upload=upload),
            "附件已上传。",
        )
    else:
        messages.error(request, "请选择要上传的文件。")
    return redirect("catalog:staff-item", pk=pk)


@login_required
@require_POST
def attachment_delete(
    request: AuthenticatedHttpRequest, pk: int, attachment_id: int
) -> HttpResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    attachment = get_object_or_404(item.attachments.all(), pk=attachment_id)
    _attempt(
        request,
        lambda: services.attachment_remove(attachment=attachment, actor=request.user),
        "附件已删除。",
    )
    return redirect("catalog:staff-item", pk=pk)


@login_required
def attachment_download(
    request: AuthenticatedHttpRequest, pk: int, attachment_id: int
) -> FileResponse:
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    attachment = get_object_or_404(item.attachments.all(), pk=attachment_id)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES.get(attachment.kind, "application/octet-stream"),
    )


@login_required
def timeliness(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year = int(request.GET.get("year") or today.year)
    context = {
        "rows": selectors.timeliness_dashboard(user=request.user, today=today, year=year),
        "late": selectors.late_items(user=request.user, today=today)[:100],
        "year": year,
        "today": today,
    }
    return render(request, "catalog/staff/timeliness.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def directory_manage(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code, for_write=True)
    services.directory_ensure_default(organisation=organisation)
    form = DirectoryNodeForm(request.POST or None, organisation=organisation)
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            request,
            lambda: services.directory_node_create(
                organisation=organisation, actor=request.user, **form.cleaned_data
            ),
            "栏目已添加。",
        )
    ):
        return redirect("catalog:staff-directory", code=code)
    nodes = selectors.directory_nodes(organisation=organisation, active_only=False)
    context = {"organisation": organisation, "nodes": nodes, "form": form}
    return render(request, "catalog/staff/directory.html", context)


@login_required
@require_POST
def directory_node_edit(request: AuthenticatedHttpRequest, code: str, node_id: int) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code, for_write=True)
    node = get_object_or_404(
        DirectoryNode.objects.filter(organisation=organisation).all(), pk=node_id
    )
    form = DirectoryNodeEditForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            lambda: services.directory_node_update(
                node=node, actor=request.user, **form.cleaned_data
            ),
            "栏目已保存。",
        )
    else:
        messages.error(request, "栏目名称和排序必填。")
    return redirect("catalog:staff-directory", code=code)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get_for_user(user=request.user, code=code, for_write=True)
    profile = services.profile_for(organisation)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(
                organisation=organisation, actor=request.user, data=form.cleaned_data
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "公开指南和索引号设置已保存。")
            return redirect("catalog:staff-profile", code=code)
    context = {"organisation": organisation, "form": form}
    return render(request, "catalog/staff/profile.html", context)
