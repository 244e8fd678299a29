"""``gongkai fee --per-item --nth K`` | ``--per-volume --pages P`` [--json] (109号, D9)."""

from __future__ import annotations

import io
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.foi.fees import fee_main


class Command(BaseCommand):
    help = "计算信息处理费（按件：本月第K件；按量：页数）。"

    def add_arguments(self, parser: CommandParser) -> None:
        method = parser.add_mutually_exclusive_group(required=True)
        method.add_argument("--per-item", action="store_true", help="按件计收")
        method.add_argument("--per-volume", action="store_true", help="按量计收")
        parser.add_argument("--nth", help="本月第K件（按件）")
        parser.add_argument("--count", help="本月前N件合计（按件）")
        parser.add_argument("--pages", help="页数（按量）")
        parser.add_argument("--json", action="store_true", help="JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        argv = ["--per-item"] if options["per_item"] else ["--per-volume"]
        for name in ("nth", "count", "pages"):
            if options[name] is not None:
                argv += [f"--{name}", options[name]]
        argv += ["--json"] if options["json"] else []
        out, err = io.StringIO(), io.StringIO()
        if fee_main(argv, stdout=out, stderr=err):
            raise CommandError(err.getvalue().strip().removeprefix("error: ") or "参数有误")
        self.stdout.write(out.getvalue(), ending="")
