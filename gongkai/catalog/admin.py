"""Read-only admin views of the catalog: every write goes through ``catalog.services`` (the
workflow, separation of duties and the events would be bypassed by admin forms)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.catalog.models import DirectoryNode, Item, ItemEvent


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ("index_number", "title", "organisation", "status", "doc_type", "published_at")
    list_filter = ("status", "doc_type", "published_late")
    search_fields = ("index_number", "title", "document_number")
    list_select_related = ("organisation",)


@admin.register(ItemEvent)
class ItemEventAdmin(ReadOnlyAdmin):
    list_display = ("item", "kind", "from_status", "to_status", "actor", "at")
    list_filter = ("kind",)
    list_select_related = ("item", "actor")


@admin.register(DirectoryNode)
class DirectoryNodeAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "organisation", "parent", "is_active")
    list_select_related = ("organisation", "parent")
