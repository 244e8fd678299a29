"""Synthetic reports for the tests: a fully consistent base report and helpers.

All text here is our own wording; the figures are invented. ``base_report()`` passes every
rule of ogi-spec §2.6 when validated with ``base_previous()`` and ``base_context()``, so a
mutation that breaks one rule must produce exactly that rule's finding.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.reportkit.schema import (
    T2_COUNT_KEYS,
    T3_COLS,
    T3_ROWS,
    T4_CELLS,
    Cell,
    FormatVersion,
    MoneyCell,
    OwnerType,
    Report,
    Table2,
    Table3,
    Table4,
)
from gongkai.reportkit.validate import OpenCase, ValidationContext

REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """/work/shared (env GONGKAI_SHARED, else ../shared next to the repo); skip when absent."""
    env = os.environ.get("GONGKAI_SHARED")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    if not (path / "fixtures" / "real").is_dir():
        pytest.skip(f"shared fixtures not found at {path} (set GONGKAI_SHARED)")
    return path


T3_BASE: dict[str, tuple[int, ...]] = {
    "R1": (20, 3, 0, 1, 0, 1, 25),
    "R2": (2, 0, 0, 0, 0, 0, 2),
    "R3.1": (8, 2, 0, 1, 0, 0, 11),
    "R3.2": (3, 1, 0, 0, 0, 0, 4),
    "R3.3.4": (1, 0, 0, 0, 0, 0, 1),
    "R3.4.1": (4, 0, 0, 0, 0, 1, 5),
    "R3.5.2": (2, 0, 0, 0, 0, 0, 2),
    "R3.6.3": (2, 0, 0, 0, 0, 0, 2),
    "R3.7": (20, 3, 0, 1, 0, 1, 25),
    "R4": (2, 0, 0, 0, 0, 0, 2),
}
T4_BASE: dict[str, int] = {"A1": 1, "A2": 1, "A5": 2}

S1 = (
    "2024年，本机关按照条例要求推进政务公开。\n"
    "（一）主动公开情况\n全年制发行政规范性文件5件，均按时公开。\n"
    "（二）依申请公开情况\n全年共收到政府信息公开申请25件，均在法定期限内答复，"
    "未向申请人收取任何费用。全年发生行政复议案件2件。\n"
    "（三）政府信息管理情况\n落实发布前审查制度。\n"
    "（四）平台建设情况\n门户网站运行平稳。\n"
    "（五）监督保障情况\n将政务公开纳入年度考核，邀请群众参与社会评议，本年度未发生责任追究情形。"
)
S5 = "（一）主要问题\n解读形式仍较单一。\n（二）改进措施\n增加图表和短视频解读，完善办理台账。"
S5_PREVIOUS = "（一）主要问题\n基层公开目录更新不及时。\n（二）改进措施\n按季度检查基层目录。"
S6 = "本年度发出信息处理费收费通知0件，实际收取信息处理费0元。"


def t3(values: dict[str, tuple[int, ...]]) -> Table3:
    """Table 三 from row → values; rows not given are all zero."""
    return Table3({r: tuple(Cell(v) for v in values.get(r, (0,) * 7)) for r in T3_ROWS})


def base_report(**changes: object) -> Report:
    """The consistent synthetic report (a county government, 2024)."""
    counts = {k: Cell(0) for k in T2_COUNT_KEYS}
    counts.update(
        {
            "normative_documents.issued": Cell(5),
            "normative_documents.abolished": Cell(2),
            "normative_documents.in_force": Cell(53),
            "licensing": Cell(120),
            "penalty": Cell(40),
            "coercion": Cell(3),
        }
    )
    report = Report(
        org="示例县人民政府",
        year=2024,
        title="示例县人民政府2024年政府信息公开工作年度报告",
        format_version=FormatVersion.V2021,
        table2=Table2(counts, MoneyCell(Decimal("12.5000"))),
        table3=t3(T3_BASE),
        table4=Table4({k: Cell(T4_BASE.get(k, 0)) for k in T4_CELLS}),
        sections={"S1": S1, "S2": "", "S3": "", "S4": "", "S5": S5, "S6": S6},
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def base_previous() -> Report:
    """Last year's report: R4 = this year's R2, 现行有效 50 + 5 − 2 = 53."""
    report = base_report(year=2023, title="示例县人民政府2023年政府信息公开工作年度报告")
    report = report.with_t2("normative_documents.in_force", Cell(50))
    sections = {**report.sections, "S5": S5_PREVIOUS}
    return replace(report, sections=sections)


def base_context(**changes: object) -> ValidationContext:
    """Platform facts consistent with the base report."""
    ctx = ValidationContext(
        correction_notices=0,
        art35_requests=0,
        open_cases=(OpenCase("2024-001", 12), OpenCase("2024-002", 45, restarted_or_paused=True)),
        overdue_replies=0,
        fees_collected_yuan=Decimal(0),
        rule_making_power=False,
        owner_type=OwnerType.GOVERNMENT,
        published_on=date(2025, 3, 20),
    )
    return replace(ctx, **changes)  # type: ignore[arg-type]


def shift(report: Report, row: str, col: str, delta: int) -> Report:
    """Add ``delta`` to one table-三 cell."""
    value = report.t3(row, col).value or 0
    return report.with_t3(row, col, Cell(value + delta))


def move(report: Report, src: str, dst: str, col: str = "C1") -> Report:
    """Move one application from row ``src`` to row ``dst`` (column ``col`` and C7)."""
    for c in (col, "C7"):
        report = shift(shift(report, src, c, -1), dst, c, 1)
    return report


def section(report: Report, sid: str, text: str | None) -> Report:
    """Replace (or with None remove) one section's text."""
    sections = dict(report.sections)
    if text is None:
        sections.pop(sid, None)
    else:
        sections[sid] = text
    return replace(report, sections=sections)


assert set(T3_COLS) == {f"C{i}" for i in range(1, 8)}
