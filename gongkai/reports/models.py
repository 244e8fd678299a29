"""Annual reports (年度报告) of an organisation, with their revisions and history."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.reports.choices import ReportEventKind, ReportSource, ReportStatus


class AnnualReport(models.Model):
    """One revision of an organisation's report for a year.

    ``content`` is the report engine's JSON (gongkai.reportkit schema): tables and sections.
    A published revision never changes again; a correction is a new revision (``revision`` + 1)
    with a reason, and the published one becomes superseded when the correction is published.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField("年度")
    revision = models.PositiveSmallIntegerField("版本", default=1)
    status = models.CharField(
        "状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    source = models.CharField(
        "来源", max_length=20, choices=ReportSource.choices, default=ReportSource.LIVE
    )
    content = models.JSONField("报告内容")
    findings = models.JSONField("校验结果", default=list)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    validated_at = models.DateTimeField(null=True, blank=True)
    revision_reason = models.CharField("更正原因", max_length=500, blank=True)
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    published_html = models.TextField(blank=True)
    published_docx = models.BinaryField(null=True, blank=True)
    published_pdf = models.BinaryField(null=True, blank=True)
    imported_file = models.CharField("导入文件", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["-year", "organisation__path", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "revision"], name="report_unique_revision"
            ),
            models.UniqueConstraint(
                fields=["organisation", "year"],
                condition=~models.Q(status__in=["published", "superseded"]),
                name="report_one_open_revision",
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        suffix = f"（第{self.revision}版）" if self.revision > 1 else ""
        return f"{self.organisation.name}{self.year}年政府信息公开工作年度报告{suffix}"

    @property
    def is_open(self) -> bool:
        return self.status not in {ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED}


class AnnualReportEvent(models.Model):
    """An append-only step in a report's life (conventions C11)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=ReportEventKind.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "年度报告事件"
        verbose_name_plural = "年度报告事件"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_kind_display()}"
