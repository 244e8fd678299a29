"""URLs of the calendars domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import path

from gongkai.calendars import views

app_name = "calendars"
urlpatterns = [
    path("staff/calendars/", views.calendar_index, name="index"),
]
