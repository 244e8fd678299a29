"""Intake: registering an application (counter, post, fax, e-mail, the public form), the
receipt date of 条例第31条, query codes, the monthly count and repeat detection."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import audit_record
from gongkai.calendars.selectors import work_calendar
from gongkai.core.errors import ApplicationError
from gongkai.foi.choices import (
    CONFIRMATION_CHANNELS,
    Channel,
    EventKind,
    Status,
)
from gongkai.foi.models import Application, Attachment
from gongkai.foi.services.core import _apply_clock, _event, _full_clean
from gongkai.orgs.choices import Role
from gongkai.orgs.selectors import require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation

QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
REPEAT_SIMILARITY = 0.85

APPLICANT_FIELDS = (
    "applicant_type",
    "applicant_name",
    "contact_person",
    "id_type",
    "id_number",
    "phone",
    "email",
    "address",
    "postcode",
)
REQUEST_FIELDS = ("description", "document_number", "info_form", "delivery")


# --- intake ---------------------------------------------------------------------------------


def new_query_code() -> str:
    """80 random bits in four groups, e.g. ``K7QM-3XHD-P9TA-WC2N`` (C17: never sequential)."""
    raw = "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def applicant_key(*, id_type: str, id_number: str) -> str:
    """A keyed hash of the identity document: finds the same applicant again (monthly count,
    repeats) without storing a second copy of the number in clear."""
    normal = f"{id_type}:{id_number.strip().upper()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), normal, hashlib.sha256).hexdigest()


def derive_receipt_date(
    *, channel: str, arrived_at: dt.datetime, confirmed_at: dt.datetime | None
) -> tuple[dt.date, str]:
    """收到申请之日 (条例第31条) and a warning when the rule was not followed."""
    arrived = timezone.localdate(arrived_at)
    if channel not in CONFIRMATION_CHANNELS:
        return arrived, ""  # in person, oral, signed post: the day it was handed in or signed
    if confirmed_at is None:
        raise ApplicationError(
            "平常信函、网络、传真、电子邮件申请须记录与申请人确认收到的时间（条例第31条）。"
        )
    if confirmed_at < arrived_at:
        raise ApplicationError("确认收到的时间不能早于申请到达的时间。")
    confirmed = timezone.localdate(confirmed_at)
    warning = ""
    if channel == Channel.POST_UNSIGNED and confirmed != arrived:
        warning = "平常信函未在到达当日与申请人确认收到（条例第31条）。"
    return confirmed, warning


@dataclass(frozen=True)
class ApplicationInput:
    """The shape of a new application, as the counter form or the public form collects it."""

    applicant_type: str
    applicant_name: str
    id_type: str
    id_number: str
    phone: str
    description: str
    info_form: str
    delivery: str
    channel: str
    arrived_at: dt.datetime
    confirmed_at: dt.datetime | None = None
    contact_person: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    document_number: str = ""


@transaction.atomic
def application_register(
    *,
    organisation: Organisation,
    data: ApplicationInput,
    actor: User | None,
    files: Sequence[UploadedFile] = (),
    online: bool = False,
) -> Application:
    """Register a new application (counter, post, fax, e-mail, or the public form when
    ``actor`` is None). Nothing is stored unless everything is valid."""
    if actor is not None:
        require_role(user=actor, organisation=organisation, roles={Role.REGISTRAR, Role.HANDLER})
    receipt, warning = derive_receipt_date(
        channel=data.channel, arrived_at=data.arrived_at, confirmed_at=data.confirmed_at
    )
    key = applicant_key(id_type=data.id_type, id_number=data.id_number)
    application = Application(
        organisation=organisation,
        query_code=new_query_code(),
        status=Status.REGISTERED,
        applicant_key=key,
        receipt_date=receipt,
        receipt_warning=warning,
        submitted_online=online,
        month_seq=_month_count(organisation, key, receipt) + 1,
        repeat_of=find_repeat(organisation=organisation, key=key, description=data.description),
        **{name: getattr(data, name) for name in (*APPLICANT_FIELDS, *REQUEST_FIELDS)},
        channel=data.channel,
        arrived_at=data.arrived_at,
        confirmed_at=data.confirmed_at,
    )
    _apply_clock(application, work_calendar())
    _full_clean(application)
    application.save()
    for upload in files:
        _attach(application, upload)
    _event(application, EventKind.REGISTER, "", Status.REGISTERED, actor, on=receipt, note=warning)
    audit_record(
        actor=actor,
        action="foi.register",
        obj=application,
        organisation=organisation,
        after={"channel": data.channel, "receipt_date": receipt.isoformat()},
        actor_label="public" if actor is None else "",
    )
    return application


def _attach(application: Application, upload: UploadedFile) -> None:
    name = upload.name or "附件"
    Attachment.objects.create(
        application=application,
        file=upload,
        original_name=name[-200:],
        content_type=upload.content_type or "application/octet-stream",
        size=upload.size or 0,
    )


def _month_count(organisation: Organisation, key: str, day: dt.date) -> int:
    """Applications of this applicant to this organ in the calendar month of ``day`` so far
    (109号第4条 counts per calendar month; 条例第35条 looks at frequency)."""
    first = day.replace(day=1)
    return Application.objects.filter(
        organisation=organisation, applicant_key=key, receipt_date__gte=first, receipt_date__lte=day
    ).count()


def find_repeat(*, organisation: Organisation, key: str, description: str) -> Application | None:
    """An earlier answered application of the same applicant asking for the same information
    (条例第36条第（六）项 → suggest （五）2.重复申请)."""
    earlier = Application.objects.filter(
        organisation=organisation, applicant_key=key, status__in=[Status.REPLIED, Status.ARCHIVED]
    ).order_by("-receipt_date")[:50]
    wanted = _normal(description)
    for candidate in earlier.only("id", "description", "query_code", "receipt_date"):
        if (
            SequenceMatcher(None, wanted, _normal(candidate.description)).ratio()
            >= REPEAT_SIMILARITY
        ):
            return candidate
    return None


def _normal(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())
