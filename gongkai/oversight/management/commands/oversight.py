"""``gongkai oversight escalate|load-sheet|figures`` (conventions C7, C15).

- ``escalate [--today YYYY-MM-DD] [--dry-run] [--json]``: raise overdue rectification tasks
  督办 → 通报 → 约谈; idempotent, run it daily from a timer.
- ``load-sheet FILE [--default]``: load (or replace) an indicator sheet from JSON, validated.
- ``figures --org CODE --year YYYY [--json]``: the annual-report figures of supervision.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import Organisation
from gongkai.oversight.choices import EscalationLevel
from gongkai.oversight.services import (
    indicator_sheet_load,
    oversight_report_figures,
    oversight_report_sentences,
    rectifications_escalate,
)


class Command(BaseCommand):
    help = "监督保障：escalate 整改逾期升级；load-sheet 载入检查指标表；figures 年报监督数据。"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        esc = sub.add_parser("escalate", help="逾期整改任务升级（督办→通报→约谈），可重复执行")
        esc.add_argument("--today", type=_date, help="按该日期计算（默认今天，Asia/Shanghai）")
        esc.add_argument("--dry-run", action="store_true", help="只显示将要升级的任务")
        esc.add_argument("--json", action="store_true")
        load = sub.add_parser("load-sheet", help="载入检查指标表（JSON，格式见 sheets/ 目录）")
        load.add_argument("file")
        load.add_argument("--default", action="store_true", help="设为该类对象的默认指标表")
        fig = sub.add_parser("figures", help="年度报告所需的监督保障数据")
        fig.add_argument("--org", required=True, help="机关代码")
        fig.add_argument("--year", required=True, type=int)
        fig.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "escalate":
            self._escalate(
                options["today"] or timezone.localdate(), options["dry_run"], options["json"]
            )
        elif action == "load-sheet":
            self._load(options["file"], options["default"])
        else:
            self._figures(options["org"], options["year"], options["json"])

    def _escalate(self, today: dt.date, dry_run: bool, as_json: bool) -> None:
        steps = rectifications_escalate(today=today, dry_run=dry_run)
        if as_json:
            self.stdout.write(json.dumps([asdict(s) for s in steps], ensure_ascii=False))
            return
        for s in steps:
            self.stdout.write(
                f"{'[演练] ' if dry_run else ''}#{s.task_id} {s.organisation} {s.title}："
                f"{EscalationLevel(s.from_level).label} → {EscalationLevel(s.to_level).label}"
            )
        self.stdout.write(f"{today}：{'将' if dry_run else '已'}升级 {len(steps)} 步。")

    def _load(self, file: str, make_default: bool) -> None:
        try:
            data = json.loads(Path(file).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取指标表文件 {file}：{error}") from None
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{file} 不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}"
            ) from None
        try:
            sheet, created = indicator_sheet_load(data=data, actor=None, make_default=make_default)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        verb = "载入" if created else "更新"
        default = "，已设为默认" if sheet.is_default else ""
        self.stdout.write(
            f"已{verb}指标表 {sheet.code}（{sheet.title}，{sheet.version}）{default}。"
        )

    def _figures(self, code: str, year: int, as_json: bool) -> None:
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            raise CommandError(f"没有机关代码为 {code} 的机关。")
        figures = oversight_report_figures(organisation=organisation, year=year)
        figures["sentences"] = oversight_report_sentences(figures)
        if as_json:
            self.stdout.write(json.dumps(figures, ensure_ascii=False, default=str))
            return
        for key, value in figures.items():
            self.stdout.write(f"{key}: {value}")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None
