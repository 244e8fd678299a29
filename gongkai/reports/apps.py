from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    verbose_name = "年度报告"
    staff_nav: list[tuple[str, str]] = [("年度报告", "reports:list")]
    portal_nav: list[tuple[str, str]] = [("年报", "reports:public-index")]
