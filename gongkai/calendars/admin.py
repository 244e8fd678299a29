from django.contrib import admin

from gongkai.calendars.models import CalendarYear


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin[CalendarYear]):
    """Read-only here: years are loaded through ``calendar_year_load`` (staff page or CLI), which
    recomputes open deadlines; editing the row directly would skip that."""

    list_display = ("year", "source", "loaded_at", "loaded_by")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
