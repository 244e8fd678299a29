"""``gongkai demo``: load the demo data (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from gongkai.core.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "载入演示数据（辉县市人民政府及其部门、演示账户）；可重复执行。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--if-empty", action="store_true", help="仅当数据库中没有机关时载入")

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        from gongkai.orgs.models import Organisation

        if if_empty and Organisation.objects.exists():
            self.stdout.write("数据库中已有数据，跳过演示数据。")
            return
        for line in demo_load():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"演示数据已就绪。演示账户密码：{DEMO_PASSWORD}"))
