from django.urls import path

from gongkai.article20 import views

app_name = "article20"
urlpatterns = [
    path("staff/article20/", views.return_list, name="list"),
    path("staff/article20/import/", views.return_import, name="import"),
    path("staff/article20/<str:code>/<int:year>/", views.return_edit, name="edit"),
]
