from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    verbose_name = "主动公开"
    staff_nav: list[tuple[str, str]] = []
    portal_nav: list[tuple[str, str]] = []
