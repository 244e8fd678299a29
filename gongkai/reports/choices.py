"""Statuses of an annual report and the kinds of events in its history."""

from django.db import models


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    VALIDATED = "validated", "已校验"
    REVIEWED = "reviewed", "已审核"
    APPROVED = "approved", "已批准"
    PUBLISHED = "published", "已公布"
    SUPERSEDED = "superseded", "已被更正版本取代"


class ReportSource(models.TextChoices):
    LIVE = "live", "平台实时数据生成"
    IMPORTED = "imported", "导入往年报告文件"


class ReportEventKind(models.TextChoices):
    CREATE = "create", "生成草稿"
    REFRESH = "refresh", "按实时数据重新计算"
    EDIT = "edit", "修改正文"
    VALIDATE = "validate", "校验"
    REVIEW = "review", "审核通过"
    APPROVE = "approve", "领导批准"
    RETURN = "return", "退回修改"
    PUBLISH = "publish", "公布"
    REVISE = "revise", "发起更正"
    SUPERSEDE = "supersede", "被更正版本取代"
    IMPORT = "import", "导入往年报告"
