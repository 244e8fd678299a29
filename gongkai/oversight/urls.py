"""URLs of the oversight domain (full paths under staff/oversight/)."""

from django.urls import URLPattern, URLResolver, path

from gongkai.oversight import views

app_name = "oversight"
P = "staff/oversight/"
urlpatterns: list[URLPattern | URLResolver] = [
    path(P, views.home, name="home"),
    path(f"{P}platforms/", views.platform_list, name="platform-list"),
    path(f"{P}platforms/<int:pk>/edit/", views.platform_edit, name="platform-edit"),
    path(f"{P}platforms/<int:pk>/status/", views.platform_status, name="platform-status"),
    path(f"{P}sheets/", views.sheet_list, name="sheet-list"),
    path(f"{P}rounds/", views.round_list, name="round-list"),
    path(f"{P}rounds/<int:pk>/", views.round_detail, name="round-detail"),
    path(f"{P}rounds/<int:pk>/sample/", views.round_sample, name="round-sample"),
    path(f"{P}rounds/<int:pk>/close/", views.round_close, name="round-close"),
    path(f"{P}records/<int:pk>/", views.record_detail, name="record-detail"),
    path(f"{P}records/<int:pk>/findings/", views.finding_add, name="finding-add"),
    path(f"{P}findings/<int:pk>/remove/", views.finding_remove, name="finding-remove"),
    path(f"{P}findings/<int:pk>/issue/", views.finding_issue, name="finding-issue"),
    path(f"{P}rectifications/", views.rectification_list, name="rectification-list"),
    path(f"{P}rectifications/<int:pk>/", views.rectification_detail, name="rectification-detail"),
    path(
        f"{P}rectifications/<int:pk>/answer/",
        views.rectification_answer,
        name="rectification-answer",
    ),
    path(
        f"{P}rectifications/<int:pk>/verify/",
        views.rectification_verify,
        name="rectification-verify",
    ),
    path(f"{P}files/<str:kind>/<int:pk>/", views.evidence, name="evidence"),
    path(f"{P}trainings/", views.training_list, name="training-list"),
    path(f"{P}assessments/", views.assessment_list, name="assessment-list"),
    path(f"{P}assessments/<int:pk>/", views.assessment_detail, name="assessment-detail"),
    path(f"{P}assessments/<int:pk>/fill/", views.assessment_fill, name="assessment-fill"),
    path(f"{P}assessments/<int:pk>/export/", views.assessment_export, name="assessment-export"),
]
