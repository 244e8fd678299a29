from django.contrib import admin

from gongkai.core.admin import AuditedModelAdmin
from gongkai.interaction.models import MessageChannel, PublicMessage


@admin.register(MessageChannel)
class MessageChannelAdmin(AuditedModelAdmin):
    list_display = ("organisation", "name", "position", "is_active")
    search_fields = ("name", "organisation__name")


@admin.register(PublicMessage)
class PublicMessageAdmin(AuditedModelAdmin):
    list_display = ("channel", "reference", "received_on", "replied_on")
    list_filter = ("channel",)
    date_hierarchy = "received_on"
