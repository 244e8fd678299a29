"""Enumerations of the proactive-disclosure (主动公开) domain."""

from django.db import models


class ItemStatus(models.TextChoices):
    """Where an item is in the publishing workflow (draft → 初审 → 复审 → 终审 → published)."""

    DRAFT = "draft", "草稿"
    FIRST_REVIEW = "first_review", "待初审"
    SECOND_REVIEW = "second_review", "待复审"
    FINAL_REVIEW = "final_review", "待终审"
    SCHEDULED = "scheduled", "待定时发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


# Statuses in which an item waits for somebody's review.
REVIEW_STATUSES = frozenset(
    {ItemStatus.FIRST_REVIEW, ItemStatus.SECOND_REVIEW, ItemStatus.FINAL_REVIEW}
)
# Not yet public: counted as "pending" on the timeliness dashboard.
PENDING_STATUSES = frozenset({ItemStatus.DRAFT, *REVIEW_STATUSES, ItemStatus.SCHEDULED})


class EventKind(models.TextChoices):
    CREATED = "created", "起草"
    EDITED = "edited", "修改"
    ATTACHED = "attached", "上传附件"
    DETACHED = "detached", "删除附件"
    SUBMITTED = "submitted", "提交审核"
    APPROVED = "approved", "审核通过"
    RETURNED = "returned", "退回修改"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "发布"
    WITHDRAWN = "withdrawn", "撤回"
    NORMATIVE_STATUS = "normative_status", "变更效力状态"


class DocumentType(models.TextChoices):
    """Facet "document type"; 规章 and 行政规范性文件 feed table 二 (spec §2.3)."""

    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    POLICY = "policy", "其他政策文件"
    INTERPRETATION = "interpretation", "政策解读"
    NOTICE = "notice", "通知公告"
    WORK_NEWS = "work_news", "工作动态"
    PLAN = "plan", "规划计划"
    STATISTICS = "statistics", "统计信息"
    BUDGET = "budget", "预决算"
    REPORT = "report", "工作报告"
    OTHER = "other", "其他"


NORMATIVE_TYPES = frozenset({DocumentType.REGULATION, DocumentType.NORMATIVE})


class NormativeStatus(models.TextChoices):
    IN_FORCE = "in_force", "现行有效"
    AMENDED = "amended", "已修改"
    ABOLISHED = "abolished", "已废止"
    EXPIRED = "expired", "已失效"


class DisclosureAttribute(models.TextChoices):
    """公开属性. Only 主动公开 items show their body and attachments on the portal."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"


class Topic(models.TextChoices):
    """主题分类 (after the State Council portal's top-level topics)."""

    ORGANISATION = "organisation", "机构职能"
    GENERAL = "general", "综合政务"
    ECONOMY = "economy", "国民经济管理"
    FINANCE = "finance", "财政、金融、审计"
    LAND = "land", "国土资源、能源"
    AGRICULTURE = "agriculture", "农业、林业、水利"
    INDUSTRY = "industry", "工业、交通"
    COMMERCE = "commerce", "商贸、旅游"
    MARKET = "market", "市场监管、安全生产监管"
    CONSTRUCTION = "construction", "城乡建设、环境保护"
    EDUCATION = "education", "科技、教育"
    CULTURE = "culture", "文化、广电、新闻出版"
    HEALTH = "health", "卫生、体育"
    LABOUR = "labour", "劳动、人事、监察"
    PUBLIC_SECURITY = "public_security", "公安、安全、司法"
    CIVIL_AFFAIRS = "civil_affairs", "民政、扶贫、救灾"
    OTHER = "other", "其他"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word 文档"
    XLSX = "xlsx", "Excel 表格"
    PNG = "png", "PNG 图片"
    JPEG = "jpeg", "JPEG 图片"
    GIF = "gif", "GIF 图片"


# 保密审查 checklist completed at 初审 (条例第17条: review before disclosure).
CONFIDENTIALITY_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("no_state_secret", "不涉及国家秘密（条例第14条）"),
    ("no_prohibited", "不属于法律、行政法规禁止公开的信息"),
    ("no_security_risk", "公开后不危及国家安全、公共安全、经济安全、社会稳定"),
    ("no_third_party", "不涉及商业秘密、个人隐私等第三方合法权益（条例第15条）"),
    ("no_internal", "不属于内部事务信息或过程性信息（条例第16条），或已依法可以公开"),
)
