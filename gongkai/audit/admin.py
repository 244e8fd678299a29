from django.contrib import admin

from gongkai.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """Searchable and read-only: nobody can add, change or delete audit entries here."""

    list_display = (
        "at",
        "actor_label",
        "action",
        "object_type",
        "object_repr",
        "organisation",
        "ip",
    )
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_repr", "object_id", "note")
    date_hierarchy = "at"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
