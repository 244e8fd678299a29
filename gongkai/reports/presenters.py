"""How a report is shown and downloaded: the engine's renderers, wrapped for pages."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.http import Http404, HttpResponse
from django.utils.safestring import SafeString, mark_safe

from gongkai.core.http import attachment
from gongkai.reportkit.render_html import render_html
from gongkai.reportkit.schema import Report
from gongkai.reports import selectors
from gongkai.reports.models import AnnualReport

_BODY_RE = re.compile(r"<body>\n?(.*)</body>", re.S)
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def body_html(report: Report, *, demote: bool = False) -> SafeString:
    """The report's body as the engine renders it (every text escaped by the renderer); the
    page's own stylesheet lays it out, so the strict CSP needs no inline style. ``demote``
    shifts its headings one level down where the page has its own h1."""
    match = _BODY_RE.search(render_html(report))
    body = match.group(1) if match else ""
    if demote:
        body = body.replace("<h2>", "<h3>").replace("</h2>", "</h3>")
        body = body.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return mark_safe(body)  # noqa: S308 - the renderer escapes all text


def report_page_context(
    report: AnnualReport, *, today: dt.date, staff: bool = False
) -> dict[str, Any]:
    content = selectors.report_content(report)
    deadline = selectors.report_deadline(
        owner_type=report.organisation.report_owner_type, year=report.year
    )
    return {
        "report": report,
        "content": content,
        "body": body_html(content, demote=staff),
        "deadline": deadline,
        "days_left": (deadline - today).days,
        "days_overdue": (today - deadline).days,
        "late": report.published_at is not None and report.published_at.date() > deadline,
        "events": report.events.select_related("actor"),
        "revisions": selectors.public_revisions(report=report),
    }


def download_response(report: AnnualReport, fmt: str) -> HttpResponse:
    """The frozen file of a published revision, or a preview rendered now for a draft."""
    if fmt not in CONTENT_TYPES:
        raise Http404("不支持的格式。")
    data = _frozen(report, fmt) if report.status in selectors.PUBLIC_STATUSES else None
    if data is None:
        from gongkai.reports.services import render_all

        html, docx, pdf = render_all(selectors.report_content(report))
        data = {"html": html.encode(), "docx": docx, "pdf": pdf}[fmt]
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = attachment(f"{report}.{fmt}")
    return response


def _frozen(report: AnnualReport, fmt: str) -> bytes | None:
    if fmt == "html":
        return report.published_html.encode() if report.published_html else None
    value = report.published_docx if fmt == "docx" else report.published_pdf
    return bytes(value) if value else None
