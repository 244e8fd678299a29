"""Reads of public messages: channels and the yearly counts per channel for section 一."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from gongkai.interaction.models import MessageChannel, PublicMessage
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import scope_queryset

if TYPE_CHECKING:
    from gongkai.accounts.models import User


@dataclass(frozen=True)
class ChannelCount:
    channel: str
    received: int
    replied: int


def channels_for_user(*, user: User) -> QuerySet[MessageChannel]:
    return scope_queryset(MessageChannel.objects.select_related("organisation"), user=user)


def messages_for_user(*, user: User) -> QuerySet[PublicMessage]:
    return scope_queryset(PublicMessage.objects.select_related("channel"), user=user)


def message_counts(*, organisation: Organisation, year: int) -> list[ChannelCount]:
    """Messages received in ``year`` per channel, and how many of them were answered —
    one grouped query; channels with no messages are listed with zeros."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    in_year = Q(messages__received_on__range=(start, end))
    rows = (
        MessageChannel.objects.filter(organisation=organisation)
        .annotate(
            received=Count("messages", filter=in_year),
            replied=Count("messages", filter=in_year & Q(messages__replied_on__isnull=False)),
        )
        .order_by("position", "id")
        .values_list("name", "received", "replied", "is_active")
    )
    return [
        ChannelCount(name, received, replied)
        for name, received, replied, active in rows
        if active or received
    ]
