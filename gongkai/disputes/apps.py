from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "gongkai.disputes"
    verbose_name = "行政复议与行政诉讼"
    staff_nav: list[tuple[str, str]] = [("复议诉讼", "disputes:home")]
