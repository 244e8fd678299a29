from django.apps import AppConfig


class Article20Config(AppConfig):
    name = "gongkai.article20"
    verbose_name = "第二十条统计"
    staff_nav: list[tuple[str, str]] = [("第二十条统计", "article20:list")]
