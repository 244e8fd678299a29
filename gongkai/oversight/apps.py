from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.oversight"
    verbose_name = "监督保障"
    staff_nav: list[tuple[str, str]] = [("监督保障", "oversight:home")]
