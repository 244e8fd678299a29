"""URLs of the calendars domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import URLPattern, URLResolver

app_name = "calendars"
urlpatterns: list[URLPattern | URLResolver] = []
