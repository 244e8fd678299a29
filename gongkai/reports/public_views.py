"""The portal's 年报 column: published reports, their revisions and downloads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.reports import selectors
from gongkai.reports.presenters import download_response, report_page_context


def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/public_index.html", {"reports": selectors.published_reports()})


def public_detail(
    request: HttpRequest, code: str, year: int, revision: int | None = None
) -> HttpResponse:
    report = selectors.public_report_get(code=code, year=year, revision=revision)
    context = report_page_context(report, today=timezone.localdate())
    return render(request, "reports/public_detail.html", context)


def public_download(
    request: HttpRequest, code: str, year: int, revision: int, fmt: str
) -> HttpResponse:
    report = selectors.public_report_get(code=code, year=year, revision=revision)
    return download_response(report, fmt)
