"""Enumerations of the organisation domain."""

from django.db import models


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    OFFICE = "office", "政府办公室"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇人民政府"
    SUBDISTRICT = "subdistrict", "街道办事处"
    OTHER = "other", "其他机关单位"


class ReportOwnerType(models.TextChoices):
    """Whose annual report this is; decides the art 49 deadline (spec D10)."""

    GOVERNMENT = "government", "人民政府（3月31日前公布）"
    DEPARTMENT = "department", "政府部门（1月31日前公布）"


class Role(models.TextChoices):
    """Roles a user holds in one organisation. Supervisors read the whole subtree."""

    REGISTRAR = "registrar", "登记员"
    HANDLER = "handler", "承办人"
    REVIEWER = "reviewer", "初审人"
    OFFICE_HEAD = "office_head", "公开办负责人（复审）"
    LEADER = "leader", "分管领导（终审签发）"
    ORG_ADMIN = "org_admin", "单位管理员"
    SUPERVISOR = "supervisor", "监督人员（上级主管部门）"


STAFF_ROLES = frozenset(set(Role) - {Role.SUPERVISOR})
