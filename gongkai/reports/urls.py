from django.urls import path

from gongkai.reports import dashboard_views, public_views, views

app_name = "reports"
urlpatterns = [
    path("staff/reports/", views.report_list, name="list"),
    path("staff/reports/import/", views.report_import, name="import"),
    path("staff/reports/dashboard/", dashboard_views.dashboard, name="dashboard"),
    path(
        "staff/reports/dashboard/export.<str:fmt>",
        dashboard_views.dashboard_export,
        name="dashboard-export",
    ),
    path("staff/reports/<int:pk>/", views.report_detail, name="detail"),
    path("staff/reports/<int:pk>/edit/", views.report_edit, name="edit"),
    path("staff/reports/<int:pk>/revise/", views.report_revise, name="revise"),
    path("staff/reports/<int:pk>/do/<str:action>/", views.report_action, name="action"),
    path("staff/reports/<int:pk>/download.<str:fmt>", views.report_download, name="download"),
    path("annual-reports/", public_views.public_index, name="public-index"),
    path("annual-reports/<str:code>/<int:year>/", public_views.public_detail, name="public-detail"),
    path(
        "annual-reports/<str:code>/<int:year>/v<int:revision>/",
        public_views.public_detail,
        name="public-revision",
    ),
    path(
        "annual-reports/<str:code>/<int:year>/v<int:revision>/download.<str:fmt>",
        public_views.public_download,
        name="public-download",
    ),
]
