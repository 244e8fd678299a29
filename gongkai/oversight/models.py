"""Models of the supervising office's workbench: platforms, spot checks, rectification,
annual assessment and training records (条例第46–48条, 国办秘函〔2019〕19号)."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.oversight import scoring
from gongkai.oversight.choices import (
    OPEN_RECTIFICATION,
    EscalationLevel,
    FindingKind,
    PlatformKind,
    PlatformStatus,
    RectificationEventKind,
    RectificationStatus,
    RoundStatus,
    ScoreSource,
    SheetVariant,
    TrainingKind,
    Verdict,
)

SAFE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".pdf", ".docx", ".xlsx", ".pptx"})


def evidence_path(instance: models.Model, filename: str) -> str:
    """Uploaded evidence lives under ``private/`` (never served directly; see views.evidence).
    The stored name is random so it reveals nothing and cannot be guessed."""
    suffix = PurePosixPath(filename).suffix.lower()
    suffix = suffix if suffix in SAFE_SUFFIXES else ""
    return f"private/oversight/{instance._meta.model_name}/{uuid.uuid4().hex}{suffix}"


class Platform(models.Model):
    """A government website or new-media account of an organisation (政府网站与政务新媒体)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="主办单位",
        on_delete=models.PROTECT,
        related_name="oversight_platforms",
    )
    kind = models.CharField("类型", max_length=20, choices=PlatformKind.choices)
    name = models.CharField("名称", max_length=120)
    operator = models.CharField("运维单位", max_length=120, blank=True)
    address = models.CharField("网址或账号", max_length=255)
    is_portal = models.BooleanField("门户网站", default=False)
    status = models.CharField(
        "状态", max_length=20, choices=PlatformStatus.choices, default=PlatformStatus.ACTIVE
    )
    note = models.CharField("备注", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "网站与新媒体"
        verbose_name_plural = "网站与新媒体"
        ordering = ["organisation__path", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "address"], name="platform_unique_address"),
            models.CheckConstraint(
                condition=Q(is_portal=False) | Q(kind=PlatformKind.WEBSITE),
                name="platform_portal_is_website",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"

    @property
    def variant(self) -> str:
        return SheetVariant.WEBSITE if self.kind == PlatformKind.WEBSITE else SheetVariant.NEW_MEDIA


class IndicatorSheet(models.Model):
    """A versioned inspection indicator sheet (data, see ``scoring.sheet_from_dict``).
    The 2019 national sheets are loaded by the data migration; provinces load their own."""

    code = models.CharField("代码", max_length=60, unique=True)
    version = models.CharField("版本", max_length=40)
    title = models.CharField("名称", max_length=200)
    variant = models.CharField("适用对象", max_length=20, choices=SheetVariant.choices)
    data = models.JSONField("指标数据")
    is_default = models.BooleanField("默认", default=False)
    loaded_at = models.DateTimeField(auto_now=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "检查指标表"
        verbose_name_plural = "检查指标表"
        ordering = ["variant", "-version", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["variant"], condition=Q(is_default=True), name="sheet_one_default"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"

    def parsed(self) -> scoring.Sheet:
        return scoring.sheet_from_dict(self.data)


class CheckRound(models.Model):
    """A spot-check round (抽查) held by a supervising organisation: quarter, monitoring window,
    sample description. It holds one :class:`CheckRecord` per platform checked."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="组织检查的机关",
        on_delete=models.PROTECT,
        related_name="oversight_rounds",
    )
    year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField("季度")
    title = models.CharField("名称", max_length=200)
    window_start = models.DateField("监测开始日")
    window_end = models.DateField("监测结束日")
    sample_note = models.TextField("抽样说明", blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "抽查轮次"
        verbose_name_plural = "抽查轮次"
        ordering = ["-year", "-quarter", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="round_quarter_1_4"
            ),
            models.CheckConstraint(
                condition=Q(window_end__gte=models.F("window_start")), name="round_window_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CheckRecord(models.Model):
    """One platform's result in one round; score and verdict are recomputed from the findings
    by ``services.record_rescore`` whenever a finding changes."""

    round = models.ForeignKey(CheckRound, on_delete=models.CASCADE, related_name="records")
    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="records")
    sheet = models.ForeignKey(IndicatorSheet, on_delete=models.PROTECT, related_name="+")
    checked_on = models.DateField("检查日期")
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    verdict = models.CharField(
        "结论", max_length=20, choices=Verdict.choices, default=Verdict.PENDING
    )
    part2 = models.DecimalField(
        "扣分指标得分", null=True, blank=True, max_digits=6, decimal_places=2
    )
    bonus = models.DecimalField("加分", null=True, blank=True, max_digits=6, decimal_places=2)
    total = models.DecimalField("总分", null=True, blank=True, max_digits=6, decimal_places=2)
    reasons = models.CharField("评分说明", max_length=500, blank=True)
    note = models.TextField("备注", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "抽查记录"
        verbose_name_plural = "抽查记录"
        ordering = ["round", "platform__organisation__path", "platform__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "platform"], name="record_unique_platform")
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.platform}"


class Finding(models.Model):
    """One problem (or bonus) recorded against an indicator, with its evidence."""

    record = models.ForeignKey(CheckRecord, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField("类别", max_length=20, choices=FindingKind.choices)
    item_code = models.CharField("指标代码", max_length=60)
    item_label = models.CharField("指标", max_length=200)
    points = models.DecimalField("分值", default=0, max_digits=6, decimal_places=2)
    description = models.TextField("问题描述", blank=True)
    url = models.URLField("问题页面", max_length=500, blank=True)
    observed_at = models.DateTimeField("发现时间", null=True, blank=True)
    screenshot = models.FileField("截图", upload_to=evidence_path, blank=True, max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "检查发现"
        verbose_name_plural = "检查发现"
        ordering = ["record", "kind", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(points__gte=0), name="finding_points_positive")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.item_label}"


class Rectification(models.Model):
    """A rectification task (整改): the responsible unit answers by the deadline (working days),
    the supervising office verifies; overdue tasks escalate 督办 → 通报 → 约谈."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="整改单位",
        on_delete=models.PROTECT,
        related_name="oversight_rectifications",
    )
    supervisor_org = models.ForeignKey(
        "orgs.Organisation", verbose_name="督办机关", on_delete=models.PROTECT, related_name="+"
    )
    finding = models.ForeignKey(
        Finding,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rectifications",
    )
    title = models.CharField("整改事项", max_length=200)
    requirement = models.TextField("整改要求", blank=True)
    issued_on = models.DateField("下发日期")
    workdays = models.PositiveSmallIntegerField("整改期限（工作日）")
    due_on = models.DateField("整改期限")
    due_provisional = models.BooleanField("期限为暂定", default=False)
    status = models.CharField(
        "状态",
        max_length=20,
        choices=RectificationStatus.choices,
        default=RectificationStatus.OPEN,
    )
    level = models.PositiveSmallIntegerField(
        "升级程度", choices=EscalationLevel.choices, default=EscalationLevel.NONE
    )
    response = models.TextField("整改情况", blank=True)
    evidence = models.FileField("整改佐证", upload_to=evidence_path, blank=True, max_length=200)
    first_answered_on = models.DateField("首次反馈日期", null=True, blank=True)
    verified_on = models.DateField("核验日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "整改任务"
        verbose_name_plural = "整改任务"
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=Q(status__in=sorted(OPEN_RECTIFICATION)),
                name="rectification_open_due",
            )
        ]

    def __str__(self) -> str:
        return self.title


class RectificationEventQuerySet(models.QuerySet["RectificationEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("整改记录只能追加，不能修改。")

    def delete(self) -> NoReturn:
        raise TypeError("整改记录只能追加，不能删除。")


class RectificationEvent(models.Model):
    """Append-only timeline of a rectification task (conventions C11)."""

    task = models.ForeignKey(Rectification, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事件", max_length=20, choices=RectificationEventKind.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    from_level = models.PositiveSmallIntegerField(null=True, blank=True)
    to_level = models.PositiveSmallIntegerField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    on_date = models.DateField("日期")
    note = models.CharField("说明", max_length=500, blank=True)

    objects = RectificationEventQuerySet.as_manager()

    class Meta:
        verbose_name = "整改记录"
        verbose_name_plural = "整改记录"
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "to_level"],
                condition=Q(kind=RectificationEventKind.ESCALATE),
                name="rectification_one_event_per_level",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.get_kind_display()}"


class TrainingRecord(models.Model):
    """A training course or work meeting on OGI (条例第48条; annual report 一（五）)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="组织单位",
        on_delete=models.PROTECT,
        related_name="oversight_trainings",
    )
    kind = models.CharField("类型", max_length=20, choices=TrainingKind.choices)
    held_on = models.DateField("日期")
    topic = models.CharField("主题", max_length=200)
    organiser = models.CharField("主办", max_length=120)
    participants = models.PositiveIntegerField("参加人数")
    materials = models.FileField("材料", upload_to=evidence_path, blank=True, max_length=200)
    note = models.TextField("备注", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "培训与会议"
        verbose_name_plural = "培训与会议"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class AssessmentSheet(models.Model):
    """The annual assessment (年度考核) scoring sheet of a supervising organisation for a year.
    ``indicators`` is a list of ``{code, label, points, method, provider, per_item}``."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="考核机关",
        on_delete=models.PROTECT,
        related_name="oversight_assessments",
    )
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("名称", max_length=200)
    indicators = models.JSONField("考核指标")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "年度考核"
        verbose_name_plural = "年度考核"
        ordering = ["-year", "organisation__path"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="assessment_one_a_year")
        ]

    def __str__(self) -> str:
        return self.title


class AssessmentScore(models.Model):
    """One organisation's score on one indicator of an assessment sheet."""

    sheet = models.ForeignKey(AssessmentSheet, on_delete=models.CASCADE, related_name="scores")
    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="被考核单位", on_delete=models.PROTECT, related_name="+"
    )
    indicator_code = models.CharField("指标代码", max_length=60)
    count = models.PositiveIntegerField("问题数", null=True, blank=True)
    score = models.DecimalField("得分", null=True, blank=True, max_digits=6, decimal_places=2)
    source = models.CharField("来源", max_length=20, choices=ScoreSource.choices)
    note = models.CharField("说明", max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "考核得分"
        verbose_name_plural = "考核得分"
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "organisation", "indicator_code"], name="assessment_score_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.indicator_code}"
