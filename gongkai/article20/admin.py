from django.contrib import admin

from gongkai.article20.models import Article20Return
from gongkai.core.admin import AuditedModelAdmin


@admin.register(Article20Return)
class Article20ReturnAdmin(AuditedModelAdmin):
    list_display = (
        "organisation",
        "year",
        "licensing",
        "penalty",
        "coercion",
        "fee_wan_yuan",
        "source",
    )
    list_filter = ("year", "source")
    search_fields = ("organisation__name", "organisation__code")
