"""Organisations (机关) as a tree, and the roles staff hold in them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from gongkai.orgs.choices import OrganisationKind, ReportOwnerType, Role


class Organisation(models.Model):
    """An administrative body that does OGI work: a people's government, a department,
    a township or street, or another body. ``path`` is a materialised path of ancestor ids
    (``/1/5/9/``) so a whole subtree is one indexed prefix query."""

    code = models.CharField(
        "机关代码",
        max_length=32,
        unique=True,
        validators=[
            RegexValidator(r"^[0-9A-Za-z_-]+$", "代码只能包含字母、数字、下划线和连字符。")
        ],
    )
    name = models.CharField("机关全称", max_length=120)
    short_name = models.CharField("简称", max_length=40, blank=True)
    kind = models.CharField("机关类型", max_length=20, choices=OrganisationKind.choices)
    report_owner_type = models.CharField(
        "年报主体类型", max_length=20, choices=ReportOwnerType.choices
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_active = models.BooleanField("启用", default=True)

    office_name = models.CharField("政府信息公开工作机构", max_length=120, blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    website = models.URLField("网站", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Membership(models.Model):
    """A user's role in one organisation. A user may hold several roles in several bodies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "岗位"
        verbose_name_plural = "岗位"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            )
        ]
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
