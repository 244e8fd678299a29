"""Reads of the working-day calendar: the bundled data plus the loaded years."""

from __future__ import annotations

from django.db.models import Count, Max

from gongkai.calendars.models import CalendarYear
from gongkai.workdays import WorkCalendar, YearCalendar, parse_year_file

_cache: dict[str, object] = {}


def calendar_overlays() -> list[YearCalendar]:
    """Every loaded year, parsed (the stored text was validated when it was loaded)."""
    return [parse_year_file(row.text) for row in CalendarYear.objects.order_by("year")]


def work_calendar() -> WorkCalendar:
    """The calendar every deadline uses. Rebuilt only when a loaded year changes: one cheap
    aggregate query decides whether the cached calendar is still current."""
    stamp = CalendarYear.objects.aggregate(n=Count("id"), at=Max("loaded_at"))
    key = f"{stamp['n']}:{stamp['at']}"
    if _cache.get("key") != key:
        _cache["calendar"] = WorkCalendar.bundled(calendar_overlays())
        _cache["key"] = key
    calendar = _cache["calendar"]
    assert isinstance(calendar, WorkCalendar)
    return calendar


def calendar_years() -> list[CalendarYear]:
    return list(CalendarYear.objects.select_related("loaded_by").order_by("-year"))
