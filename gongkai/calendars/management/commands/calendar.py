"""``gongkai calendar load FILE`` / ``gongkai calendar show YEAR`` (decision D5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.calendars.selectors import work_calendar
from gongkai.calendars.services import calendar_year_load
from gongkai.core.errors import ApplicationError
from gongkai.workdays.cli import show_year


class Command(BaseCommand):
    help = "工作日历：load FILE 载入国务院节假日安排年度文件；show YEAR 显示某年安排。"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="载入年度文件（格式见 docs/calendar-format.md）")
        load.add_argument("file")
        show = sub.add_parser("show", help="显示某年的节假日与调休上班日")
        show.add_argument("year", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load(options["file"])
        else:
            self.stdout.write(show_year(work_calendar(), options["year"]), ending="")

    def _load(self, file: str) -> None:
        try:
            text = Path(file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取日历文件 {file}：{error}") from None
        try:
            result = calendar_year_load(text=text, actor=None)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        row = result.calendar_year
        verb = "载入" if result.created else "更新"
        self.stdout.write(
            f"已{verb} {row.year} 年日历（{row.source}）；重新计算 {result.recomputed} 件"
            f"未结申请的答复期限，其中 {result.changed} 件有变化。"
        )
