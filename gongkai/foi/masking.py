"""Masking of applicants' personal data for lists, logs and letters to third parties."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张三丰 → 张**; organisation names keep their first two characters."""
    name = name.strip()
    if len(name) <= 1:
        return "*"
    keep = 2 if len(name) > 4 else 1
    return name[:keep] + "*" * min(len(name) - keep, 4)


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "****" + digits[-4:]


def mask_id(number: str) -> str:
    number = number.strip()
    if len(number) < 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_email(email: str) -> str:
    local, at, domain = email.partition("@")
    if not at:
        return mask_name(email) if email else ""
    return (local[:1] or "*") + "***@" + domain
