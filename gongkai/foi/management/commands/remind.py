"""``gongkai remind``: e-mail handlers about due-soon and overdue cases (idempotent, cron-safe)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.foi.reminders import applications_remind


class Command(BaseCommand):
    help = "提醒承办人：3个工作日内到期和已超期的申请（可重复执行，每个期限只提醒一次）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="按该日期计算（YYYY-MM-DD，默认今天）")
        parser.add_argument("--dry-run", action="store_true", help="只统计，不发送、不记录")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(f"日期格式有误：{options['today']}（应为 YYYY-MM-DD）") from None
        result = applications_remind(today=today, dry_run=options["dry_run"])
        prefix = "（试运行）" if options["dry_run"] else ""
        self.stdout.write(
            f"{prefix}即将到期 {result.due_soon} 件，已超期 {result.overdue} 件，"
            f"发送邮件 {result.mails} 封。"
        )
