"""Enumerations of the oversight domain (监督保障)."""

from django.db import models


class PlatformKind(models.TextChoices):
    WEBSITE = "website", "政府网站"
    WECHAT = "wechat", "微信公众号"
    WEIBO = "weibo", "政务微博"
    DOUYIN = "douyin", "抖音号"
    APP = "app", "移动客户端"
    OTHER = "other", "其他政务新媒体"


WEBSITE_KINDS = frozenset({PlatformKind.WEBSITE})


class PlatformStatus(models.TextChoices):
    ACTIVE = "active", "运行"
    MERGED = "merged", "已整合"
    CLOSED = "closed", "已关停"


class SheetVariant(models.TextChoices):
    WEBSITE = "website", "政府网站"
    NEW_MEDIA = "new_media", "政务新媒体"


class RoundStatus(models.TextChoices):
    OPEN = "open", "检查中"
    CLOSED = "closed", "已结束"


class Verdict(models.TextChoices):
    PENDING = "pending", "未评分"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


class FindingKind(models.TextChoices):
    VETO = "veto", "单项否决"
    DEDUCTION = "deduction", "扣分"
    BONUS = "bonus", "加分"


class RectificationStatus(models.TextChoices):
    OPEN = "open", "待整改"
    ANSWERED = "answered", "已反馈，待核验"
    RETURNED = "returned", "核验未通过，重新整改"
    VERIFIED = "verified", "已核验销号"


OPEN_RECTIFICATION = frozenset(
    {RectificationStatus.OPEN, RectificationStatus.ANSWERED, RectificationStatus.RETURNED}
)
# The unit still owes work on these (the clock runs and escalation applies).
AWAITING_UNIT = frozenset({RectificationStatus.OPEN, RectificationStatus.RETURNED})


class EscalationLevel(models.IntegerChoices):
    """Escalation of an overdue rectification (条例第47条: 督促整改, 通报批评; 约谈 is practice)."""

    NONE = 0, "未升级"
    SUPERVISE = 1, "督办"
    NOTICE = 2, "通报"
    INTERVIEW = 3, "约谈"


class RectificationEventKind(models.TextChoices):
    ISSUE = "issue", "下发整改"
    ANSWER = "answer", "单位反馈"
    VERIFY = "verify", "核验通过"
    RETURN = "return", "退回重改"
    ESCALATE = "escalate", "逾期升级"


class TrainingKind(models.TextChoices):
    TRAINING = "training", "业务培训"
    MEETING = "meeting", "工作会议"


class AssessmentMethod(models.TextChoices):
    AUTO = "auto", "平台自动计算"
    MANUAL = "manual", "人工评分"


class ScoreSource(models.TextChoices):
    AUTO = "auto", "自动"
    MANUAL = "manual", "人工"
