"""Publish scheduled catalog items whose time has come (run every few minutes from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.catalog.services import items_publish_due


class Command(BaseCommand):
    help = "发布已到定时发布时间的主动公开信息（可重复运行）。"

    def handle(self, *args: Any, **options: Any) -> None:
        count = items_publish_due(now=timezone.now())
        self.stdout.write(f"已发布 {count} 条定时信息。")
