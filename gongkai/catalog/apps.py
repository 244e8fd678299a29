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
