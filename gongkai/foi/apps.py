from django.apps import AppConfig


class FoiConfig(AppConfig):
    name = "gongkai.foi"
    verbose_name = "依申请公开"
    # (label, url name) pairs shown in the navigation bars; see gongkai.core.context_processors
    staff_nav: list[tuple[str, str]] = [("依申请公开", "foi:home"), ("信息处理费", "foi:fee")]
    portal_nav: list[tuple[str, str]] = [("申请公开", "foi:apply"), ("办理进度查询", "foi:status")]
