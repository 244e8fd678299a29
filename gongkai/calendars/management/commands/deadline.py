"""``gongkai deadline --start YYYY-MM-DD --workdays N [--pause A:B ...] [--json]``.

The same calculator as ``python -m gongkai.workdays deadline``, with the years loaded into the
database as overlays (decision D5: the output says whether the date is provisional).
"""

from __future__ import annotations

import io
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.calendars.selectors import calendar_overlays
from gongkai.workdays.cli import deadline_main


class Command(BaseCommand):
    help = "计算起算日（不计）后第 N 个工作日（可扣除暂停期间），并说明是否为暂定日期。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--start", required=True, help="起算日 YYYY-MM-DD（当日不计）")
        parser.add_argument("--workdays", required=True, help="工作日数 N（≥1）")
        parser.add_argument(
            "--pause", action="append", default=[], help="暂停 YYYY-MM-DD:YYYY-MM-DD"
        )
        parser.add_argument("--pause-end-exclusive", action="store_true", help="暂停末日计入期限")
        parser.add_argument("--json", action="store_true", help="JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        argv = ["--start", options["start"], "--workdays", options["workdays"]]
        for pause in options["pause"]:
            argv += ["--pause", pause]
        argv += ["--pause-end-exclusive"] if options["pause_end_exclusive"] else []
        argv += ["--json"] if options["json"] else []
        out, err = io.StringIO(), io.StringIO()
        code = deadline_main(argv, overlays=calendar_overlays(), stdout=out, stderr=err)
        if code:
            raise CommandError(err.getvalue().strip().removeprefix("error: ") or "参数有误")
        self.stdout.write(out.getvalue(), ending="")
