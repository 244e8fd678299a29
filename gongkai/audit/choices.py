"""Kinds of audited actions. Domains add their own action strings (``<domain>.<verb>``)."""

from django.db import models


class AuditAction(models.TextChoices):
    LOGIN = "auth.login", "登录"
    LOGOUT = "auth.logout", "退出"
    LOGIN_FAILED = "auth.login_failed", "登录失败"
    LOCKED_OUT = "auth.locked_out", "账户锁定"
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    PERSONAL_DATA_VIEW = "personal_data.view", "查看个人信息"
