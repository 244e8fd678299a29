"""Helpers for the extractor, renderer and round-trip tests: the shared fixtures folder and
synthetic reports that satisfy the identities of ogi-spec §2.6 (T3-01..03, T4-01).

Everything here is synthetic: organisation names and section text are made up.
"""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import strategies as st

from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_COUNT_KEYS,
    T3_LEAVES,
    T4_CELLS,
    Cell,
    FormatVersion,
    MoneyCell,
    Provenance,
    Report,
    Table2,
    Table3,
    Table4,
)

REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path | None:
    """/work/shared (env ``GONGKAI_SHARED`` or ``../shared`` beside the repository)."""
    env = os.environ.get("GONGKAI_SHARED")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    return path if (path / "fixtures" / "real").is_dir() else None


def real_fixture(name: str) -> Path:
    """A file of shared/fixtures/real; skips the test when the shared folder is absent."""
    base = shared_dir()
    if base is None:
        pytest.skip("shared fixtures not found: set GONGKAI_SHARED or check out ../shared")
    return base / "fixtures" / "real" / name


NARRATIVE = ("S1", "S5", "S6")  # sections 二–四 hold tables; their running text is not read back
ORGS = ("示例市人民政府", "样本县交通运输局", "测试区人民政府办公室", "虚构市生态环境局")
SENTENCES = (
    "本年度依法做好政府信息公开工作。",
    "进一步规范依申请公开办理流程，按时答复。",
    "加强政府网站和政务新媒体管理，及时更新栏目内容。",
    "健全信息发布审核机制，落实保密审查要求。",
    "本年度未收取信息处理费。",
    "一是加强培训；二是完善制度；三是强化考核。",
)


def sample_report(*, org: str = "示例市人民政府", year: int = 2023) -> Report:
    """A fixed, valid report with some non-zero cells everywhere."""
    leaves = {leaf: (i % 4, i % 2, 0, 0, 0, i % 3) for i, leaf in enumerate(T3_LEAVES)}
    return build_report(
        org=org,
        year=year,
        leaves=leaves,
        carried=(1, 0, 0, 0, 0, 0),
        pending=(2, 1, 0, 0, 0, 0),
        t4=(1, 0, 2, 0, 3, 0, 1, 0, 0, 0, 0, 0),
        t2=(0, 0, 0, 24, 3, 67, 5297, 1792, 0),
        fee=Decimal("12372.0506"),
        sections={sid: SENTENCES[i] for i, sid in enumerate(SECTION_IDS) if sid in NARRATIVE},
    )


def build_report(
    *,
    org: str,
    year: int,
    leaves: dict[str, tuple[int, ...]],
    carried: tuple[int, ...],
    pending: tuple[int, ...],
    t4: tuple[int, ...],
    t2: tuple[int, ...],
    fee: Decimal,
    sections: dict[str, str],
) -> Report:
    """A report whose totals are computed so every identity holds.

    ``leaves`` gives C1..C6 of each outcome leaf, ``carried`` R2 and ``pending`` R4 (C1..C6);
    R3.7 is the leaf sum and R1 = R3.7 + R4 − R2 (``carried`` is clipped so R1 ≥ 0); C7 is the
    row sum. ``t4`` holds A1..A4, B1..B4, C1..C4; the 总计 cells are their sums.
    """
    rows: dict[str, list[int]] = {leaf: list(values) for leaf, values in leaves.items()}
    rows["R3.7"] = [sum(rows[leaf][c] for leaf in T3_LEAVES) for c in range(6)]
    rows["R4"] = list(pending)
    rows["R2"] = [min(carried[c], rows["R3.7"][c] + pending[c]) for c in range(6)]
    rows["R1"] = [rows["R3.7"][c] + pending[c] - rows["R2"][c] for c in range(6)]
    table3 = Table3({row: tuple(Cell(v) for v in (*vals, sum(vals))) for row, vals in rows.items()})
    cells: dict[str, Cell] = {}
    for b, block in enumerate("ABC"):
        values = t4[4 * b : 4 * b + 4]
        for i, value in enumerate((*values, sum(values)), start=1):
            cells[f"{block}{i}"] = Cell(value)
    counts = {key: Cell(value) for key, value in zip(T2_COUNT_KEYS, t2, strict=True)}
    text = f"{fee:f}"
    return Report(
        org=org,
        year=year,
        format_version=FormatVersion.V2021,
        table2=Table2(counts, MoneyCell(fee, Provenance.READ, text)),
        table3=table3,
        table4=Table4({k: cells[k] for k in T4_CELLS}),
        sections={sid: sections.get(sid, "") for sid in SECTION_IDS},
        title=f"{org}{year}年政府信息公开工作年度报告",
    )


def with_cell(report: Report, row: str, col: str, cell: Cell) -> Report:
    """Convenience re-export for tests (keeps imports short)."""
    return report.with_t3(row, col, cell)


_small = st.integers(min_value=0, max_value=3)
_mostly_zero = st.one_of(st.just(0), st.just(0), st.integers(min_value=0, max_value=40))
_six = st.tuples(*(_mostly_zero,) * 6)
_paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map("".join)
_section = st.lists(_paragraph, min_size=0, max_size=3).map("\n".join)


@st.composite
def reports(draw: st.DrawFn, *, narrative: bool = True, na_cells: bool = True) -> Report:
    """Random valid reports: identities hold; table 二 may carry "/" (not applicable)."""
    leaves = {leaf: draw(_six) for leaf in T3_LEAVES}
    fee_units = draw(st.integers(min_value=0, max_value=10**9))
    places = draw(st.integers(min_value=0, max_value=4))
    sections = {sid: draw(_section) if narrative else "" for sid in NARRATIVE}
    report = build_report(
        org=draw(st.sampled_from(ORGS)),
        year=draw(st.integers(min_value=2021, max_value=2030)),
        leaves=leaves,
        carried=draw(_six),
        pending=draw(_six),
        t4=draw(st.tuples(*(_small,) * 12)),
        t2=draw(st.tuples(*(st.integers(min_value=0, max_value=99999),) * 9)),
        fee=Decimal(fee_units).scaleb(-places),
        sections=sections,
    )
    if na_cells and draw(st.booleans()):  # departments without rule-making power: "/"
        for field in ("issued", "abolished", "in_force"):
            report = report.with_t2(f"rules.{field}", Cell(None, Provenance.NOT_APPLICABLE))
    return replace(report)
