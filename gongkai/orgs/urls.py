from django.urls import path

from gongkai.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<str:code>/", views.organisation_detail, name="detail"),
    path("<str:code>/edit/", views.organisation_edit, name="edit"),
    path("<str:code>/memberships/", views.membership_grant, name="membership-grant"),
    path(
        "<str:code>/memberships/<int:membership_id>/revoke/",
        views.membership_revoke,
        name="membership-revoke",
    ),
]
