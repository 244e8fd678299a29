"""Yearly Article 20 statistics of an organisation: the figures behind table 二's lower half."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from gongkai.article20.choices import Source


class Article20Return(models.Model):
    """行政许可, 行政处罚, 行政强制 decisions and the 行政事业性收费 amount for one year.

    The fee is stored in 万元 with 4 decimals (spec D11); it is the administrative fee income
    of art 20(八), not the 信息处理费 charged to applicants (section 六 of the report).
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="article20_returns"
    )
    year = models.PositiveSmallIntegerField("年度", validators=[MinValueValidator(2008)])
    licensing = models.PositiveIntegerField("行政许可（本年处理决定数量）", default=0)
    penalty = models.PositiveIntegerField("行政处罚（本年处理决定数量）", default=0)
    coercion = models.PositiveIntegerField("行政强制（本年处理决定数量）", default=0)
    fee_wan_yuan = models.DecimalField(
        "行政事业性收费（万元）",
        max_digits=16,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    source = models.CharField("来源", max_length=20, choices=Source.choices, default=Source.ENTERED)
    source_file = models.CharField("导入文件", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "第二十条统计"
        verbose_name_plural = "第二十条统计"
        ordering = ["-year", "organisation__path"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="article20_one_per_year"),
            models.CheckConstraint(
                condition=models.Q(fee_wan_yuan__gte=0), name="article20_fee_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}年第二十条统计"
