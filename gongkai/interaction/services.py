"""Writes for public messages: channels, single entries and file imports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING

from django.db import transaction

from gongkai.audit.choices import AuditAction
from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError
from gongkai.core.tabular import parse_date, read_table
from gongkai.interaction.models import MessageChannel, PublicMessage
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User

EDITOR_ROLES = frozenset({Role.ORG_ADMIN, Role.OFFICE_HEAD, Role.HANDLER, Role.REGISTRAR})
IMPORT_COLUMNS = {
    "channel": ("渠道", "channel"),
    "reference": ("编号", "reference"),
    "subject": ("标题", "subject"),
    "received_on": ("收到日期", "received_on"),
    "replied_on": ("答复日期", "replied_on"),
}


@transaction.atomic
def channel_create(*, organisation: Organisation, name: str, actor: User) -> MessageChannel:
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN, Role.OFFICE_HEAD})
    name = name.strip()
    if MessageChannel.objects.filter(organisation=organisation, name=name).exists():
        raise ApplicationError(f"渠道“{name}”已存在。")
    position = MessageChannel.objects.filter(organisation=organisation).count()
    channel = MessageChannel(organisation=organisation, name=name, position=position)
    channel.full_clean()
    channel.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=channel,
        organisation=organisation,
        after={"name": name},
    )
    return channel


@transaction.atomic
def message_record(
    *,
    channel: MessageChannel,
    received_on: date,
    replied_on: date | None,
    reference: str = "",
    subject: str = "",
    actor: User,
) -> PublicMessage:
    require_role(user=actor, organisation=channel.organisation, roles=EDITOR_ROLES)
    message = _new_message(channel, reference, subject, received_on, replied_on)
    if reference and PublicMessage.objects.filter(channel=channel, reference=reference).exists():
        raise ApplicationError(f"编号“{reference}”在该渠道已存在。")
    message.save()
    audit_record(
        actor=actor,
        action="interaction.message_record",
        obj=message,
        organisation=channel.organisation,
        after={"channel": channel.name, "received_on": str(received_on)},
    )
    return message


def _new_message(
    channel: MessageChannel,
    reference: str,
    subject: str,
    received_on: date,
    replied_on: date | None,
) -> PublicMessage:
    if replied_on is not None and replied_on < received_on:
        raise ApplicationError("答复日期不能早于收到日期。")
    message = PublicMessage(
        channel=channel,
        organisation=channel.organisation,
        reference=reference[:60],
        subject=subject[:200],
        received_on=received_on,
        replied_on=replied_on,
    )
    message.full_clean(validate_constraints=False)
    return message


@dataclass(frozen=True)
class ImportResult:
    saved: int
    errors: list[str]


def messages_import(
    *, organisation: Organisation, upload: IO[bytes], filename: str, actor: User
) -> ImportResult:
    """All rows valid → all stored in one transaction; otherwise nothing and a per-row report."""
    require_role(user=actor, organisation=organisation, roles=EDITOR_ROLES)
    rows = read_table(upload, filename=filename, columns=IMPORT_COLUMNS)
    channels = {
        c.name: c for c in MessageChannel.objects.filter(organisation=organisation, is_active=True)
    }
    existing = set(
        PublicMessage.objects.filter(organisation=organisation)
        .exclude(reference="")
        .values_list("channel__name", "reference")
    )
    messages: list[PublicMessage] = []
    errors: list[str] = []
    for row in rows:
        values = row.values
        try:
            channel = channels.get(values["channel"])
            if channel is None:
                raise ValueError(f"渠道“{values['channel']}”不存在，请先在渠道设置中添加")
            key = (channel.name, values["reference"])
            if values["reference"] and key in existing:
                raise ValueError(f"编号“{values['reference']}”已存在或在文件中重复")
            received = parse_date(values["received_on"])
            replied = parse_date(values["replied_on"]) if values["replied_on"] else None
            messages.append(
                _new_message(channel, values["reference"], values["subject"], received, replied)
            )
            existing.add(key)
        except (ValueError, ApplicationError) as exc:
            errors.append(f"第 {row.line} 行：{getattr(exc, 'message', exc)}")
    if errors:
        return ImportResult(saved=0, errors=errors)
    with transaction.atomic():
        PublicMessage.objects.bulk_create(messages, batch_size=2000)
        audit_record(
            actor=actor,
            action="interaction.messages_import",
            organisation=organisation,
            after={"rows": len(messages), "file": filename[:100]},
        )
    return ImportResult(saved=len(messages), errors=[])
