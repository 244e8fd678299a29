"""URLs of the foi domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import path

from gongkai.foi.views import public, staff

app_name = "foi"
urlpatterns = [
    path("staff/foi/", staff.foi_home, name="home"),
    path("staff/foi/fee/", staff.fee_calculator, name="fee"),
    path("staff/foi/case/<int:pk>/", staff.case, name="case"),
    path("staff/foi/case/<int:pk>/personal/", staff.personal_data, name="personal"),
    path("staff/foi/case/<int:pk>/act/<str:key>/", staff.act, name="act"),
    path("staff/foi/case/<int:pk>/letter/<str:kind>/", staff.letter, name="letter"),
    path("staff/foi/org/<str:code>/", staff.queue, name="queue"),
    path("staff/foi/org/<str:code>/new/", staff.register, name="register"),
    path("staff/foi/org/<str:code>/table3/<int:year>/", staff.table3, name="table3"),
    path("staff/foi/org/<str:code>/letters/", staff.letter_templates, name="letter-templates"),
    path("apply/", public.apply, name="apply"),
    path("apply/done/", public.apply_done, name="apply-done"),
    path("apply/status/", public.status, name="status"),
]
