"""The supervisor's dashboard for a year: every organisation of the subtree, its report
status, findings and key figures, charts, exports and the subtree's table 三."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.core.http import AuthenticatedHttpRequest, attachment
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import access_scope
from gongkai.reportkit.labels import T3_COL_LABELS
from gongkai.reportkit.schema import T3_ROWS
from gongkai.reports import selectors

HEADER: list[object] = [
    "机关",
    "状态",
    "公布期限",
    "公布时间",
    "错误",
    "警告",
    "新收申请",
    "上年新收",
    "同比增减",
    "办结",
    "结转下年",
]


def _supervised_root(request: AuthenticatedHttpRequest) -> Organisation:
    scope = access_scope(user=request.user)
    roots = (
        Organisation.objects.filter(parent__isnull=True)
        if scope.is_sysadmin
        else Organisation.objects.filter(
            id__in=[org_id for org_id, roles in scope.roles.items() if Role.SUPERVISOR in roles]
        )
    )
    if not roots.exists():
        raise PermissionDenied("只有上级主管部门的监督人员可以查看年报汇总。")
    code = request.GET.get("org")
    root = roots.filter(code=code).first() if code else roots.order_by("path").first()
    if root is None:
        raise Http404("没有找到该机关，或您无权查看。")
    return root


def _year(request: AuthenticatedHttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2008 <= int(raw) <= 2100 else timezone.localdate().year - 1


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    root, year = _supervised_root(request), _year(request)
    rows = selectors.dashboard_rows(organisation=root, year=year)
    table3 = selectors.aggregated_table3(organisation=root, year=year)
    chart = {
        "names": [r.organisation.display_name for r in rows],
        "received": [r.received or 0 for r in rows],
        "lastYear": [r.received_last_year or 0 for r in rows],
        "statuses": _status_counts(rows),
    }
    context = {
        "root": root,
        "year": year,
        "rows": rows,
        "chart": chart,
        "table3": [(row, table3[row]) for row in T3_ROWS],
        "columns": T3_COL_LABELS,
    }
    return render(request, "reports/dashboard.html", context)


def _status_counts(rows: list[selectors.DashboardRow]) -> list[dict[str, object]]:
    counts: dict[str, int] = {}
    for row in rows:
        label = row.report.get_status_display() if row.report else "未生成"
        counts[label] = counts.get(label, 0) + 1
    return [{"name": k, "value": v} for k, v in counts.items()]


@login_required
def dashboard_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    root, year = _supervised_root(request), _year(request)
    rows = [_line(r) for r in selectors.dashboard_rows(organisation=root, year=year)]
    name = f"{root.name}{year}年年报汇总"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows([HEADER, *rows])
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            _xlsx([HEADER, *rows]),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    else:
        raise Http404("不支持的格式。")
    response["Content-Disposition"] = attachment(f"{name}.{fmt}")
    return response


def _line(row: selectors.DashboardRow) -> list[object]:
    report = row.report
    return [
        row.organisation.name,
        report.get_status_display() if report else "未生成",
        row.deadline.isoformat(),
        report.published_at.date().isoformat() if report and report.published_at else "",
        report.error_count if report else "",
        report.warning_count if report else "",
        _blank(row.received),
        _blank(row.received_last_year),
        _blank(row.change),
        _blank(row.closed),
        _blank(row.carried_forward),
    ]


def _blank(value: int | None) -> object:
    return "" if value is None else value


def _xlsx(lines: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in lines:
        sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
