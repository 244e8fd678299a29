from django.apps import AppConfig


class FoiConfig(AppConfig):
    name = "gongkai.foi"
    verbose_name = "依申请公开"
    # (label, url name) pairs shown in the navigation bars; see gongkai.core.context_processors
    staff_nav: list[tuple[str, str]] = []
    portal_nav: list[tuple[str, str]] = []
