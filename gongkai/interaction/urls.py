from django.urls import path

from gongkai.interaction import views

app_name = "interaction"
urlpatterns = [
    path("staff/interaction/", views.channel_overview, name="channels"),
    path("staff/interaction/<str:code>/", views.message_list, name="messages"),
    path("staff/interaction/<str:code>/channels/", views.channel_create, name="channel-create"),
    path("staff/interaction/<str:code>/import/", views.message_import, name="import"),
]
