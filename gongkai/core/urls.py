from django.urls import path

from gongkai.core import views

app_name = "core"
urlpatterns = [
    path("", views.staff_home, name="staff-home"),
    path("health/", views.health, name="health"),
]
