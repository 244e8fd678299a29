"""URLs of the foi domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import URLPattern, URLResolver

app_name = "foi"
urlpatterns: list[URLPattern | URLResolver] = []
