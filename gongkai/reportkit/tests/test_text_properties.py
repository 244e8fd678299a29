"""Property tests of the text path (hypothesis).

* Round trip: for random valid reports, ``parse(render_text(r)) == r``.
* Robustness: for random corruptions of a rendered report (a deleted cell, a row whose digits
  run together, shuffled whitespace, truncation, random bytes) the parser never crashes and
  never returns a silently wrong value: every cell is either the original value, or None
  (ambiguous/missing), or named by a finding.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.reportkit import UnsupportedFileError, parse_bytes, parse_text, validate
from gongkai.reportkit.render_text import render_text
from gongkai.reportkit.schema import (
    T2_COUNT_KEYS,
    T3_COLS,
    T3_LEAVES,
    T3_ROWS,
    Cell,
    FormatVersion,
    MoneyCell,
    Report,
    Table2,
    Table3,
    Table4,
    t3_id,
    t4_id,
)
from gongkai.reportkit.tests.builders import S1, S5, S6

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
counts = st.integers(min_value=0, max_value=40)


@st.composite
def valid_reports(draw: st.DrawFn) -> Report:
    """Reports whose identities hold (T3-01..03, T4-01), with all cells read."""
    leaves = {
        r: [draw(st.integers(0, 9)) if draw(st.booleans()) else 0 for _ in range(6)]
        for r in T3_LEAVES
    }
    r37 = [sum(leaves[r][c] for r in T3_LEAVES) for c in range(6)]
    r4 = [draw(st.integers(0, v)) for v in r37]
    r2 = [draw(st.integers(0, v)) for v in r4]
    r1 = [a + b - c for a, b, c in zip(r37, r4, r2, strict=True)]
    rows6 = {**leaves, "R1": r1, "R2": r2, "R3.7": r37, "R4": r4}
    table3 = Table3({r: tuple(Cell(v) for v in (*rows6[r], sum(rows6[r]))) for r in T3_ROWS})
    t4: dict[str, Cell] = {}
    for block in "ABC":
        parts = [draw(counts) for _ in range(4)]
        t4 |= {f"{block}{i}": Cell(v) for i, v in enumerate((*parts, sum(parts)), 1)}
    fee = Decimal(draw(st.integers(0, 10**8))).scaleb(-4)
    year = draw(st.integers(2021, 2030))
    return Report(
        org="示例市生态环境局",
        year=year,
        title=f"示例市生态环境局{year}年政府信息公开工作年度报告",
        format_version=FormatVersion.V2021,
        table2=Table2(
            {k: Cell(draw(st.integers(0, 99999))) for k in T2_COUNT_KEYS}, MoneyCell(fee)
        ),
        table3=table3,
        table4=Table4(t4),
        sections={"S1": S1, "S2": "", "S3": "", "S4": "", "S5": S5, "S6": S6},
    )


@SETTINGS
@given(valid_reports())
def test_parse_of_rendered_text_is_the_report(report: Report) -> None:
    assert parse_text(render_text(report)).report == report


def _table_lines(text: str) -> list[int]:
    lines = text.split("\n")
    return [
        i for i, ln in enumerate(lines) if ln.count("\t") >= 6 and any(ch.isdigit() for ch in ln)
    ]


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[Report, str]:
    report = draw(valid_reports())
    lines = render_text(report).split("\n")
    rows = _table_lines("\n".join(lines))
    kind = draw(st.sampled_from(["delete", "merge", "spaces", "truncate"]))
    i = draw(st.sampled_from(rows))
    cells = lines[i].split("\t")
    numeric = [k for k, c in enumerate(cells) if c.strip().isdigit()]
    if kind == "delete":
        del cells[draw(st.sampled_from(numeric))]
        lines[i] = "\t".join(cells)
    elif kind == "merge":
        head = [c for k, c in enumerate(cells) if k not in numeric]
        lines[i] = "\t".join(head) + "\t" + "".join(cells[k] for k in numeric)
    elif kind == "spaces":
        lines = [ln.replace("\t", draw(st.sampled_from([" ", "  ", "   ", " \t"]))) for ln in lines]
    else:
        text = "\n".join(lines)
        return report, text[: draw(st.integers(len(text) // 3, len(text)))]
    return report, "\n".join(lines)


def _cells(report: Report) -> dict[str, int | None]:
    out = {t3_id(r, c): report.t3(r, c).value for r in T3_ROWS for c in T3_COLS}
    out |= {t4_id(k): report.table4.cell(k).value for k in report.table4.cells}
    out |= {f"t2:{k}": report.table2.count(k).value for k in T2_COUNT_KEYS}
    return out


@SETTINGS
@given(corrupted())
def test_corruptions_are_read_correctly_or_named(case: tuple[Report, str]) -> None:
    original, text = case
    try:
        result = parse_text(text)
    except UnsupportedFileError:
        return  # truncated before anything report-like: refused, with a reason
    findings = [*result.findings, *validate(result.report)]
    named = {c for f in findings for c in f.cells}
    before, after = _cells(original), _cells(result.report)
    for cell, value in after.items():
        if value is None or value == before[cell]:
            continue
        assert cell in named, f"{cell}: {before[cell]} silently read as {value}"
    if any(v is None for v in after.values()):
        assert findings, "cells left empty without any finding"


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.json", "x.html", "x.bin"]))
def test_random_bytes_never_crash(data: bytes, name: str) -> None:
    try:
        result = parse_bytes(data, name)
    except UnsupportedFileError:
        return
    validate(result.report)
