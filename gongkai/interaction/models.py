"""Public messages (政民互动): hotline calls, mailbox letters and web messages an organisation
handles, by channel. Section 一 of the annual report counts them per channel and year."""

from __future__ import annotations

from django.db import models


class MessageChannel(models.Model):
    """A channel through which the public writes to an organisation (12345 热线, 市长信箱 …)."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="message_channels"
    )
    name = models.CharField("渠道名称", max_length=60)
    position = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "互动渠道"
        verbose_name_plural = "互动渠道"
        ordering = ["organisation__path", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="channel_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class PublicMessage(models.Model):
    """One message received through a channel; ``replied_on`` is empty while unanswered.

    No personal data of the writer is kept here: the platform only needs the counts and dates.
    """

    channel = models.ForeignKey(MessageChannel, on_delete=models.PROTECT, related_name="messages")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField("编号", max_length=60, blank=True)
    subject = models.CharField("标题", max_length=200, blank=True)
    received_on = models.DateField("收到日期")
    replied_on = models.DateField("答复日期", null=True, blank=True)

    class Meta:
        verbose_name = "互动留言"
        verbose_name_plural = "互动留言"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "received_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "reference"],
                condition=~models.Q(reference=""),
                name="message_unique_reference",
            ),
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True)
                | models.Q(replied_on__gte=models.F("received_on")),
                name="message_reply_after_receipt",
            ),
        ]

    def __str__(self) -> str:
        return self.subject or self.reference or f"{self.channel} {self.received_on}"
