"""Years of the State Council holiday notice loaded by an administrator (decision D5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarYear(models.Model):
    """One loaded year: the year file as typed from the notice (``docs/calendar-format.md``).

    A loaded year replaces the bundled ``chinesecalendar`` data of that year entirely. The text
    is kept verbatim so the year can be shown, audited and re-parsed.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("通知文号", max_length=120)
    text = models.TextField("年度日历文件")
    loaded_at = models.DateTimeField("载入时间", auto_now=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="载入人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "工作日历年度"
        verbose_name_plural = "工作日历年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年（{self.source}）"
