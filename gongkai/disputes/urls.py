"""URLs of the disputes domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import path

from gongkai.disputes import views

app_name = "disputes"
urlpatterns = [
    path("staff/disputes/", views.dispute_home, name="home"),
    path("staff/disputes/org/<str:code>/", views.dispute_list, name="list"),
    path("staff/disputes/case/<int:pk>/decide/", views.dispute_decide, name="decide"),
]
