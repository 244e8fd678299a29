import sys
import threading

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    verbose_name = "主动公开"
    staff_nav: list[tuple[str, str]] = [
        ("主动公开", "catalog:staff-items"),
        ("公开时效", "catalog:staff-timeliness"),
    ]
    portal_nav: list[tuple[str, str]] = [
        ("公开目录", "catalog:organisations"),
        ("规范性文件", "catalog:normative"),
        ("信息检索", "catalog:search"),
        ("大字模式", "catalog:text-size"),
    ]

    def ready(self) -> None:
        # jieba's dictionary takes about a second to load: do it in the background when a
        # server starts so that the first search is fast (everything else loads it lazily).
        if sys.argv[1:2] == ["runserver"] or "gunicorn" in sys.argv[0]:
            from gongkai.catalog.search import warm_up

            threading.Thread(target=warm_up, name="jieba-warm-up", daemon=True).start()
