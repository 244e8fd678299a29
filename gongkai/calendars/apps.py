from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "gongkai.calendars"
    verbose_name = "工作日历"
    staff_nav: list[tuple[str, str]] = [("工作日历", "calendars:index")]
