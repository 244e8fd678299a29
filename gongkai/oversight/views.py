"""Staff pages of the supervising office's workbench and the units' side of it (thin views)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core.errors import ApplicationError
from gongkai.core.http import AuthenticatedHttpRequest
from gongkai.orgs.selectors import organisations_for_user
from gongkai.oversight import figures, forms, scoring, selectors, services
from gongkai.oversight.choices import (
    AWAITING_UNIT,
    OPEN_RECTIFICATION,
    PlatformStatus,
    RectificationStatus,
    RoundStatus,
)
from gongkai.oversight.evidence import sniff
from gongkai.oversight.export import assessment_xlsx
from gongkai.oversight.models import Finding


def _errors(form: Any) -> str:
    return "；".join(str(e) for errs in form.errors.values() for e in errs)


def _fail(request: AuthenticatedHttpRequest, error: ApplicationError) -> None:
    messages.error(request, error.message)


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {
        "tasks": selectors.open_rectifications_for_user(user=user)[:50],
        "records": selectors.records_for_user(user=user).order_by("-checked_on")[:20],
    }
    if selectors.is_supervisor(user=user):
        organisations = list(selectors.supervised_organisations(user=user))
        context["home"] = figures.supervisor_home(
            user=user, organisations=organisations, today=timezone.localdate()
        )
    return render(request, "oversight/home.html", context)


# --- Platforms --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def platform_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    manageable = [
        o.pk
        for o in organisations_for_user(user=request.user)
        if selectors.can_manage_platforms(user=request.user, organisation=o)
    ]
    form = forms.PlatformForm(
        request.POST or None,
        organisations=organisations_for_user(user=request.user).filter(pk__in=manageable),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.platform_create(actor=request.user, **form.cleaned_data)
            messages.success(request, "已登记。")
            return redirect("oversight:platform-list")
        except ApplicationError as error:
            _fail(request, error)
    platforms = selectors.platforms_for_user(user=request.user)
    context = {"platforms": platforms, "form": form if manageable else None}
    return render(request, "oversight/platform_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def platform_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    platform = selectors.platform_get_for_user(user=request.user, pk=pk)
    if not selectors.can_manage_platforms(user=request.user, organisation=platform.organisation):
        raise PermissionDenied("只有本单位管理员或上级监督人员可以修改。")
    initial = {name: getattr(platform, name) for name in services.PLATFORM_FIELDS}
    form = forms.PlatformEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.platform_update(platform=platform, actor=request.user, **form.cleaned_data)
            messages.success(request, "已保存。")
            return redirect("oversight:platform-list")
        except ApplicationError as error:
            _fail(request, error)
    context = {"platform": platform, "form": form}
    return render(request, "oversight/platform_edit.html", context)


@login_required
@require_POST
def platform_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    platform = selectors.platform_get_for_user(user=request.user, pk=pk)
    status = request.POST.get("status", "")
    try:
        services.platform_set_status(platform=platform, status=status, actor=request.user)
        messages.success(request, f"{platform.name} 已标记为{PlatformStatus(status).label}。")
    except (ApplicationError, ValueError) as error:
        messages.error(request, getattr(error, "message", "未知的状态。"))
    return redirect("oversight:platform-list")


@login_required
@require_GET
def sheet_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    sheets = [(sheet, sheet.parsed()) for sheet in selectors.indicator_sheets()]
    return render(request, "oversight/sheet_list.html", {"sheets": sheets})


# --- Spot checks ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def round_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not selectors.is_supervisor(user=request.user):
        raise PermissionDenied("只有上级监督人员可以查看抽查轮次。")
    form = forms.RoundForm(
        request.POST or None, organisations=selectors.supervising_roots(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            check_round = services.round_create(actor=request.user, **form.cleaned_data)
            return redirect("oversight:round-detail", pk=check_round.pk)
        except ApplicationError as error:
            _fail(request, error)
    rounds = selectors.rounds_for_user(user=request.user)
    return render(request, "oversight/round_list.html", {"rounds": rounds, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def round_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_round = selectors.round_get_for_user(user=request.user, pk=pk)
    sampled = check_round.records.values("platform")
    candidates = (
        selectors.platforms_for_user(user=request.user)
        .filter(organisation__path__startswith=check_round.organisation.path)
        .filter(status=PlatformStatus.ACTIVE)
        .exclude(pk__in=sampled)
    )
    form = forms.RecordForm(
        request.POST or None, platforms=candidates, initial={"checked_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = services.record_create(
                check_round=check_round, actor=request.user, **form.cleaned_data
            )
            return redirect("oversight:record-detail", pk=record.pk)
        except ApplicationError as error:
            _fail(request, error)
    records = check_round.records.select_related("platform", "platform__organisation")
    context = {
        "sample_form": forms.SampleForm(
            prefix="sample", initial={"checked_on": timezone.localdate()}
        ),
        "round": check_round,
        "records": records,
        "form": form,
        "is_open": check_round.status == RoundStatus.OPEN,
    }
    return render(request, "oversight/round_detail.html", context)


@login_required
@require_POST
def round_sample(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_round = selectors.round_get_for_user(user=request.user, pk=pk)
    form = forms.SampleForm(request.POST, prefix="sample")
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect("oversight:round-detail", pk=pk)
    try:
        records = services.round_sample(
            check_round=check_round, actor=request.user, **form.cleaned_data
        )
        messages.success(request, f"已随机抽取 {len(records)} 个对象。")
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:round-detail", pk=pk)


@login_required
@require_POST
def round_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_round = selectors.round_get_for_user(user=request.user, pk=pk)
    try:
        services.round_close(check_round=check_round, actor=request.user)
        messages.success(request, "本轮抽查已结束。")
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:round-detail", pk=pk)


@login_required
@require_GET
def record_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for_user(user=request.user, pk=pk)
    can_edit = (
        selectors.can_supervise(user=request.user, organisation=record.round.organisation)
        and record.round.status == RoundStatus.OPEN
    )
    sheet = record.sheet.parsed()
    context = {
        "record": record,
        "sheet": sheet,
        "findings": record.findings.prefetch_related("rectifications"),
        "can_edit": can_edit,
        "form": forms.FindingForm(sheet=sheet, is_portal=record.platform.is_portal),
        "issue_form": forms.IssueForm(),
    }
    return render(request, "oversight/record_detail.html", context)


@login_required
@require_POST
def finding_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get_for_user(user=request.user, pk=pk)
    form = forms.FindingForm(
        request.POST,
        request.FILES,
        sheet=record.sheet.parsed(),
        is_portal=record.platform.is_portal,
    )
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect("oversight:record-detail", pk=pk)
    data = form.cleaned_data
    try:
        services.finding_add(
            record=record,
            actor=request.user,
            item_code=data["item_code"],
            points=data["points"] or Decimal(0),
            description=data["description"],
            url=data["url"],
            observed_at=data["observed_at"],
            screenshot=data["screenshot"],
        )
        messages.success(request, "已记录。")
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:record-detail", pk=pk)


@login_required
@require_POST
def finding_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    finding = _finding_for_user(request, pk)
    try:
        services.finding_remove(finding=finding, actor=request.user)
        messages.success(request, "已删除。")
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:record-detail", pk=finding.record_id)


@login_required
@require_POST
def finding_issue(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Turn a finding into a rectification task for the platform's organisation."""
    finding = _finding_for_user(request, pk)
    form = forms.IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect("oversight:record-detail", pk=finding.record_id)
    try:
        task = services.rectification_issue(
            organisation=finding.record.platform.organisation,
            supervisor_org=finding.record.round.organisation,
            finding=finding,
            issued_on=timezone.localdate(),
            actor=request.user,
            **form.cleaned_data,
        )
        messages.success(request, f"已下发整改，期限 {task.due_on}。")
        return redirect("oversight:rectification-detail", pk=task.pk)
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:record-detail", pk=finding.record_id)


def _finding_for_user(request: AuthenticatedHttpRequest, pk: int) -> Finding:
    finding = get_object_or_404(Finding.objects.select_related("record"), pk=pk)
    selectors.record_get_for_user(user=request.user, pk=finding.record_id)  # 404 if hidden
    return finding


# --- Rectification ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def rectification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The tasks the user may read; supervisors also order a rectification here (e.g. after a
    complaint under 条例第47条), not only from a spot-check finding."""
    supervised = selectors.supervised_organisations(user=request.user)
    form = forms.TaskForm(request.POST or None, organisations=supervised)
    if request.method == "POST" and form.is_valid():
        try:
            task = services.rectification_issue(
                supervisor_org=selectors.supervising_root_of(
                    user=request.user, organisation=form.cleaned_data["organisation"]
                ),
                issued_on=timezone.localdate(),
                actor=request.user,
                **form.cleaned_data,
            )
            return redirect("oversight:rectification-detail", pk=task.pk)
        except ApplicationError as error:
            _fail(request, error)
    tasks = selectors.rectifications_for_user(user=request.user)
    if code := request.GET.get("org"):
        tasks = tasks.filter(organisation__code=code)
    if request.GET.get("open"):
        tasks = tasks.filter(status__in=OPEN_RECTIFICATION)
    context = {"tasks": tasks, "form": form if supervised.exists() else None}
    return render(request, "oversight/rectification_list.html", context)


@login_required
@require_GET
def rectification_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = selectors.rectification_get_for_user(user=request.user, pk=pk)
    context = {
        "task": task,
        "events": task.events.select_related("actor"),
        "can_answer": selectors.can_answer(user=request.user, task=task)
        and task.status in AWAITING_UNIT,
        "can_verify": selectors.can_supervise(user=request.user, organisation=task.supervisor_org)
        and task.status == RectificationStatus.ANSWERED,
        "answer_form": forms.AnswerForm(),
        "verify_form": forms.VerifyForm(),
    }
    return render(request, "oversight/rectification_detail.html", context)


@login_required
@require_POST
def rectification_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = selectors.rectification_get_for_user(user=request.user, pk=pk)
    form = forms.AnswerForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.rectification_answer(
                task=task, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
            messages.success(request, "整改情况已提交，等待核验。")
        except ApplicationError as error:
            _fail(request, error)
    else:
        messages.error(request, "请填写整改情况。")
    return redirect("oversight:rectification-detail", pk=pk)


@login_required
@require_POST
def rectification_verify(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = selectors.rectification_get_for_user(user=request.user, pk=pk)
    form = forms.VerifyForm(request.POST)
    if form.is_valid():
        try:
            services.rectification_verify(
                task=task,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
                actor=request.user,
                today=timezone.localdate(),
            )
            messages.success(request, "核验结果已记录。")
        except ApplicationError as error:
            _fail(request, error)
    else:
        messages.error(request, "请选择核验结论。")
    return redirect("oversight:rectification-detail", pk=pk)


# --- Evidence files ---------------------------------------------------------------------------


@login_required
@require_GET
def evidence(request: AuthenticatedHttpRequest, kind: str, pk: int) -> FileResponse:
    """Serve a private file after the same permission check as the record it belongs to."""
    if kind == "finding":
        file = _finding_for_user(request, pk).screenshot
    elif kind == "rectification":
        file = selectors.rectification_get_for_user(user=request.user, pk=pk).evidence
    elif kind == "training":
        file = selectors.training_get_for_user(user=request.user, pk=pk).materials
    else:
        raise Http404
    if not file:
        raise Http404("没有附件。")
    handle = file.open("rb")
    content_type = sniff(handle.read(16)) or "application/octet-stream"
    handle.seek(0)
    # The type comes from the content, never the stored name; only images and PDF are shown
    # inline, anything else downloads.
    inline = content_type.startswith("image/") or content_type == "application/pdf"
    if content_type == "application/zip":
        content_type = "application/octet-stream"
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Training ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def training_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = selectors.training_organisations(user=request.user)
    form = forms.TrainingForm(
        request.POST or None, request.FILES or None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.training_create(actor=request.user, **form.cleaned_data)
            messages.success(request, "已记录。")
            return redirect("oversight:training-list")
        except ApplicationError as error:
            _fail(request, error)
    trainings = selectors.trainings_for_user(user=request.user)
    context = {
        "trainings": trainings,
        "form": form if organisations.exists() else None,
        "years": figures.training_counts(queryset=trainings),
    }
    return render(request, "oversight/training_list.html", context)


# --- Assessment -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def assessment_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not selectors.is_supervisor(user=request.user):
        raise PermissionDenied("只有上级监督人员可以查看年度考核。")
    form = forms.AssessmentForm(
        request.POST or None, organisations=selectors.supervising_roots(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            sheet = services.assessment_create(actor=request.user, **form.cleaned_data)
            return redirect("oversight:assessment-detail", pk=sheet.pk)
        except ApplicationError as error:
            _fail(request, error)
    sheets = selectors.assessments_for_user(user=request.user)
    return render(request, "oversight/assessment_list.html", {"sheets": sheets, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def assessment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sheet = selectors.assessment_get_for_user(user=request.user, pk=pk)
    lines = scoring.assessment_indicators_from_list(sheet.indicators)
    form = forms.ScoreForm(
        request.POST or None,
        lines=lines,
        organisations=selectors.assessed_organisations(sheet=sheet),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_score_set(sheet=sheet, actor=request.user, **form.cleaned_data)
            messages.success(request, "得分已保存。")
            return redirect("oversight:assessment-detail", pk=pk)
        except ApplicationError as error:
            _fail(request, error)
    context = {"sheet": sheet, "table": figures.assessment_table(sheet=sheet), "form": form}
    return render(request, "oversight/assessment_detail.html", context)


@login_required
@require_POST
def assessment_fill(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sheet = selectors.assessment_get_for_user(user=request.user, pk=pk)
    try:
        result = services.assessment_fill_auto(sheet=sheet, actor=request.user)
        messages.success(
            request,
            f"已自动填写 {result['filled']} 项；"
            f"{result['unavailable']} 项平台暂无数据，请人工填写。",
        )
    except ApplicationError as error:
        _fail(request, error)
    return redirect("oversight:assessment-detail", pk=pk)


@login_required
@require_GET
def assessment_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sheet = selectors.assessment_get_for_user(user=request.user, pk=pk)
    content = assessment_xlsx(title=sheet.title, table=figures.assessment_table(sheet=sheet))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="assessment-{sheet.year}.xlsx"'
    return response
