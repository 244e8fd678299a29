"""Audit-log search for system administrators."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.audit.selectors import audit_search


class AuditSearchForm(forms.Form):
    q = forms.CharField(label="关键词", required=False, max_length=100)
    action = forms.CharField(label="动作", required=False, max_length=60)
    actor = forms.CharField(label="操作人", required=False, max_length=150)
    date_from = forms.DateField(label="起始日期", required=False)
    date_to = forms.DateField(label="截止日期", required=False)


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied("只有系统管理员可以查询审计日志。")
    form = AuditSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_search(**{k: v for k, v in filters.items() if v})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audit/audit_list.html", {"form": form, "page": page})
