"""Searching the audit log (system administrators only)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from gongkai.audit.models import AuditEntry


def audit_search(
    *,
    q: str = "",
    action: str = "",
    actor: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("organisation")
    if q:
        entries = entries.filter(
            Q(object_repr__icontains=q)
            | Q(note__icontains=q)
            | Q(object_id=q)
            | Q(object_type__icontains=q)
        )
    if action:
        entries = entries.filter(action__startswith=action)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries
