from django.contrib import admin

from gongkai.core.admin import AuditedModelAdmin
from gongkai.orgs.models import Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ("code", "name", "kind", "report_owner_type", "parent", "is_active")
    list_filter = ("kind", "report_owner_type", "is_active")
    search_fields = ("code", "name", "short_name")
    readonly_fields = ("path", "depth")
    inlines = [MembershipInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        # The tree path is maintained by orgs.services.organisation_create; use the CLI/demo.
        return False


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "organisation__name")
