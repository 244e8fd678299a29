"""URLs of the oversight domain (full paths under staff/oversight/)."""

from django.urls import URLPattern, URLResolver

app_name = "oversight"
urlpatterns: list[URLPattern | URLResolver] = []
