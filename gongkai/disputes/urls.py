"""URLs of the disputes domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import URLPattern, URLResolver

app_name = "disputes"
urlpatterns: list[URLPattern | URLResolver] = []
