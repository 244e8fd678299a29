"""Django admin for system administrators, with every change written to the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest

from gongkai.audit.choices import AuditAction
from gongkai.audit.services import audit_record


class AuditedModelAdmin(admin.ModelAdmin[Any]):
    """A ModelAdmin whose saves and deletes leave an audit entry like any service would."""

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm[Any], change: bool
    ) -> None:
        before = {name: form.initial.get(name) for name in form.changed_data} if change else None
        super().save_model(request, obj, form, change)
        after = {name: form.cleaned_data.get(name) for name in form.changed_data}
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=AuditAction.UPDATE if change else AuditAction.CREATE,
            obj=obj,
            before=_plain(before),
            after=_plain(after),
            request=request,
            note="系统管理后台",
        )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=AuditAction.DELETE,
            obj=obj,
            request=request,
            note="系统管理后台",
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


def _plain(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {
        key: value if isinstance(value, bool | int | float | str | type(None)) else str(value)
        for key, value in values.items()
        if "password" not in key
    }
