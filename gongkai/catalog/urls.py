"""URLs of the catalog domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import URLPattern, URLResolver

app_name = "catalog"
urlpatterns: list[URLPattern | URLResolver] = []
