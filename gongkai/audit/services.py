"""Writing the audit log. Every service that changes state calls ``audit_record`` in its
own transaction, so the entry and the change commit or roll back together."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest

from gongkai.audit.choices import AuditAction
from gongkai.audit.models import AuditEntry
from gongkai.core.http import client_ip

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    organisation: Organisation | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
    request: HttpRequest | None = None,
    actor_label: str = "",
) -> AuditEntry:
    authenticated = actor is not None and actor.is_authenticated
    entry = AuditEntry(
        actor=actor if authenticated else None,
        actor_label=(actor.get_username() if authenticated and actor else actor_label)[:150],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        organisation=organisation,
        before=before,
        after=after,
        ip=client_ip(request),
        note=note[:500],
    )
    entry.save()
    return entry


def audit_personal_data_view(
    *,
    actor: User,
    obj: models.Model,
    organisation: Organisation | None,
    request: HttpRequest | None,
    fields: list[str],
) -> AuditEntry:
    """Record that ``actor`` saw the unmasked personal data of ``obj`` (which fields)."""
    return audit_record(
        actor=actor,
        action=AuditAction.PERSONAL_DATA_VIEW,
        obj=obj,
        organisation=organisation,
        after={"fields": fields},
        request=request,
    )


def model_changes(
    instance: models.Model, fields: list[str], before: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The subset of ``fields`` whose value differs from ``before``: (old, new) summaries."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if before.get(name) != value:
            old[name] = _jsonable(before.get(name))
            new[name] = _jsonable(value)
    return old, new


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
