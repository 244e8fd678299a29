"""Proactive disclosure (主动公开): the disclosure directory, catalog items with their review
workflow and events, attachments, the normative-document registry and the search index."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.catalog.choices import (
    AttachmentKind,
    DisclosureAttribute,
    DocumentType,
    EventKind,
    ItemStatus,
    NormativeStatus,
    Topic,
)

DEFAULT_INDEX_PATTERN = "{org}-{year}-{seq:05d}"


class CatalogProfile(models.Model):
    """Per-organisation settings of the catalog: the 索引号 pattern and the editable parts of
    the 政府信息公开指南 (a blank section is generated from the organisation's data)."""

    organisation = models.OneToOneField(
        "orgs.Organisation", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    index_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default=DEFAULT_INDEX_PATTERN,
        help_text="可用占位符：{org} 机关代码、{year} 生成年份、{category} 目录编码、"
        "{seq:05d} 年度流水号。",
    )
    guide_intro = models.TextField("指南：概述", blank=True)
    guide_classification = models.TextField("指南：信息分类与编排", blank=True)
    guide_obtain = models.TextField("指南：获取方式", blank=True)
    guide_request = models.TextField("指南：依申请公开", blank=True)
    guide_other = models.TextField("指南：其他事项", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "主动公开设置"
        verbose_name_plural = "主动公开设置"

    def __str__(self) -> str:
        return f"主动公开设置 {self.organisation_id}"


class IndexSequence(models.Model):
    """The last 索引号 sequence number used per organisation and year (locked when drawn)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="index_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last}"


class DirectoryNode(models.Model):
    """One column (栏目) of an organisation's 公开目录 (条例第22条), mapped to the art 20 / 21
    item it serves. The tree is two levels deep in the default; ``code`` is stable and is
    what URLs, feeds and search facets use."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="directory_nodes"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField(
        "栏目编码",
        max_length=32,
        validators=[RegexValidator(r"^[0-9A-Za-z-]+$", "编码只能包含字母、数字和连字符。")],
    )
    name = models.CharField("栏目名称", max_length=100)
    legal_basis = models.CharField("依据", max_length=60, blank=True)
    position = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "公开目录栏目"
        verbose_name_plural = "公开目录栏目"
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="directory_code_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def root_code(self) -> str:
        return self.parent.code if self.parent is not None else self.code


class Item(models.Model):
    """A piece of government information in the catalog (目录条目): metadata required by
    条例第12条 (索引号, 名称, 内容概述, 生成日期) and the page body. Normative documents
    (规章 / 行政规范性文件) carry their registry fields; a 政策解读 points at its policy."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="公开主体",
        on_delete=models.PROTECT,
        related_name="catalog_items",
    )
    index_number = models.CharField("索引号", max_length=64, unique=True)
    title = models.CharField("标题", max_length=300)
    document_number = models.CharField("文号", max_length=100, blank=True)
    document_number_key = models.CharField(max_length=100, blank=True, db_index=True)
    issuing_organisation = models.CharField("发文机关", max_length=200, blank=True)
    formed_on = models.DateField("生成（变更）日期")
    publication_due = models.DateField("应公开期限")
    category = models.ForeignKey(
        DirectoryNode, verbose_name="目录栏目", on_delete=models.PROTECT, related_name="items"
    )
    topic = models.CharField("主题分类", max_length=20, choices=Topic.choices)
    doc_type = models.CharField("文件类型", max_length=20, choices=DocumentType.choices)
    disclosure_attribute = models.CharField(
        "公开属性",
        max_length=20,
        choices=DisclosureAttribute.choices,
        default=DisclosureAttribute.PROACTIVE,
    )
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    keywords = models.CharField("关键词", max_length=200, blank=True)

    status = models.CharField(
        "状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    publish_at = models.DateTimeField("定时发布时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_late = models.BooleanField("超期发布", default=False)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawn_reason = models.TextField("撤回理由", blank=True)
    confidentiality_checklist = models.JSONField("保密审查", default=dict, blank=True)

    # Normative-document registry (规章 / 行政规范性文件).
    issued_on = models.DateField("印发日期", null=True, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    normative_status = models.CharField(
        "效力状态", max_length=20, choices=NormativeStatus.choices, blank=True
    )
    normative_status_on = models.DateField("效力变更日期", null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name="替代文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的政策文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ItemStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="item_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(doc_type__in=["regulation", "normative"])
                | (Q(normative_status="") & Q(issued_on__isnull=True)),
                name="item_registry_fields_only_on_normative",
            ),
            models.CheckConstraint(
                condition=~Q(doc_type__in=["regulation", "normative"])
                | (Q(issued_on__isnull=False) & ~Q(normative_status="")),
                name="item_normative_has_issue_date_and_status",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="item_status_published"),
            models.Index(
                fields=["category", "status", "-published_at"], name="item_category_published"
            ),
            models.Index(fields=["organisation", "status"], name="item_org_status"),
            models.Index(fields=["organisation", "doc_type", "issued_on"], name="item_registry"),
        ]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"

    @property
    def is_normative(self) -> bool:
        return self.doc_type in {DocumentType.REGULATION, DocumentType.NORMATIVE}

    @property
    def is_public(self) -> bool:
        return self.status == ItemStatus.PUBLISHED


class ItemEvent(models.Model):
    """One step in an item's life (C11): append-only, written in the same transaction as the
    change. Timelines, separation-of-duty checks and statistics read these rows."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事件", max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=ItemStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ItemStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("意见", blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "主动公开事件"
        verbose_name_plural = "主动公开事件"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["item", "kind"])]

    def __str__(self) -> str:
        return f"{self.item_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name is the content hash: never the user's filename (no traversal, no clash).
    return f"catalog/{instance.sha256[:2]}/{instance.sha256}.{instance.kind}"


class Attachment(models.Model):
    """A file attached to an item; its type is checked by content, not by the name."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField("文件名", max_length=200)
    kind = models.CharField("类型", max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class SearchEntry(models.Model):
    """The search index row of a published item: jieba tokens joined by spaces, plus the facet
    fields. SQLite indexes it with an FTS5 table (kept in step by triggers); PostgreSQL with a
    generated ``tsvector`` column and a GIN index (migration 0002). Written only by services."""

    item = models.OneToOneField(
        Item, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    category_code = models.CharField(max_length=32)
    doc_type = models.CharField(max_length=20, choices=DocumentType.choices)
    year = models.PositiveSmallIntegerField()
    published_at = models.DateTimeField()
    title_tokens = models.TextField()
    docno_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["category_code", "-published_at"], name="search_category_date"),
            models.Index(fields=["organisation", "-published_at"], name="search_org_date"),
        ]

    def __str__(self) -> str:
        return f"search entry {self.item_id}"
