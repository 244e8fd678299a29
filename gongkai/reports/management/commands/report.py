"""``gongkai report``: the annual-report engine from the command line.

``check``, ``convert`` and ``diff`` work on files (gongkai.reportkit's CLI); ``build`` builds
an organisation's report from the platform's live data.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.orgs.models import Organisation
from gongkai.reportkit import dump_json
from gongkai.reportkit.cli import main as reportkit_main
from gongkai.reports.compute import build_report
from gongkai.reports.narrative import draft_sections
from gongkai.reports.sources import live_figures

FILE_COMMANDS = {"check", "convert", "diff"}


class Command(BaseCommand):
    help = (
        "年度报告：build 从平台数据生成（--org CODE --year YYYY --to json|html|docx|pdf -o OUT）；"
        "check / convert / diff 处理报告文件（gongkai report check --help）。"
    )

    def run_from_argv(self, argv: list[str]) -> None:
        # File subcommands keep the engine's own arguments and exit codes (0/1/2).
        if len(argv) > 2 and argv[2] in FILE_COMMANDS:
            sys.exit(reportkit_main(argv[2:]))
        super().run_from_argv(argv)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["build", *sorted(FILE_COMMANDS)])
        parser.add_argument("--org", required=True, help="机关代码，例如 410782")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--to", choices=["json", "html", "docx", "pdf", "txt"], default="json")
        parser.add_argument(
            "-o", "--output", help="输出文件（默认输出到标准输出，仅限 json/html/txt）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            organisation = Organisation.objects.get(code=options["org"])
        except Organisation.DoesNotExist:
            raise CommandError(f"机关代码 {options['org']} 不存在。") from None
        figures = live_figures(organisation=organisation, year=options["year"])
        report = build_report(figures=figures, sections=draft_sections(figures.narrative))
        data = _render(report, options["to"])
        output = options.get("output")
        if output:
            Path(output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        elif isinstance(data, bytes):
            raise CommandError(f"{options['to']} 是二进制格式，请用 -o 指定输出文件。")
        else:
            self.stdout.write(data)


def _render(report: Any, fmt: str) -> str | bytes:
    if fmt == "json":
        return dump_json(report)
    module = __import__(
        f"gongkai.reportkit.render_{'text' if fmt == 'txt' else fmt}", fromlist=["x"]
    )
    renderer = getattr(module, f"render_{'text' if fmt == 'txt' else fmt}")
    try:
        result: str | bytes = renderer(report)
    except Exception as exc:  # e.g. no CJK font for PDF: the engine names the package
        raise CommandError(str(exc)) from exc
    return result
