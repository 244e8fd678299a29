"""行政复议 and 行政诉讼 cases caused by OGI work (条例第51条; table 四)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.disputes.choices import DisputeKind, DisputeResult


class DisputeCase(models.Model):
    """One reconsideration or lawsuit in which the organisation is respondent or defendant,
    optionally linked to the application it arose from. ``ended_on`` is set iff decided."""

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    application = models.ForeignKey(
        "foi.Application",
        verbose_name="相关申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    kind = models.CharField("类型", max_length=20, choices=DisputeKind.choices)
    case_number = models.CharField("案号", max_length=100, blank=True)
    authority = models.CharField("复议机关或法院", max_length=120, blank=True)
    filed_on = models.DateField("申请/立案日期", db_index=True)
    result = models.CharField(
        "结果", max_length=12, choices=DisputeResult.choices, default=DisputeResult.PENDING
    )
    ended_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["organisation", "filed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(result=DisputeResult.PENDING) & models.Q(ended_on__isnull=True))
                | (~models.Q(result=DisputeResult.PENDING) & models.Q(ended_on__isnull=False)),
                name="dispute_ended_iff_decided",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("filed_on")),
                name="dispute_ends_after_filing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.pk}"
