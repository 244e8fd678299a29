from __future__ import annotations

import datetime as dt

from django import template

from gongkai.foi import masking

register = template.Library()


@register.filter
def mask_name(value: str) -> str:
    return masking.mask_name(value or "")


@register.filter
def mask_phone(value: str) -> str:
    return masking.mask_phone(value or "")


@register.filter
def mask_id(value: str) -> str:
    return masking.mask_id(value or "")


@register.filter
def mask_email(value: str) -> str:
    return masking.mask_email(value or "")


@register.inclusion_tag("foi/_due_badge.html")
def due_badge(
    due: dt.date | None, provisional: bool, today: dt.date, soon: dt.date
) -> dict[str, object]:
    """Overdue / ≤ 3 working days left / provisional (D5) badges for a due date."""
    return {
        "due": due,
        "provisional": provisional,
        "overdue": due is not None and due < today,
        "soon": due is not None and today <= due <= soon,
    }
