"""Cell-by-cell and section-by-section differences between two reports.

Two uses: last year vs this year (continuity rules T3-04, T2-02, T2-03, T4-03, N-07 are
applied), and two versions of the same year's report (evaluators criticise silent edits after
publication, F-06 info): then the continuity rules do not apply and every change is listed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_COUNT_KEYS,
    T3_COLS,
    T3_ROWS,
    T4_CELLS,
    Finding,
    Report,
    t2_id,
    t3_id,
    t4_id,
)
from gongkai.reportkit.validate import ValidationContext, validate

CONTINUITY_RULES: Final = frozenset({"T3-04", "T2-02", "T2-03", "T4-03", "N-07"})


@dataclass(frozen=True, slots=True)
class CellChange:
    """A table cell whose value differs."""

    cell: str
    old: int | str | None
    new: int | str | None


@dataclass(frozen=True, slots=True)
class SectionChange:
    """A section whose text differs; ``similarity`` is difflib's ratio (1.0 = identical)."""

    section: str
    similarity: float
    old_length: int
    new_length: int


@dataclass(frozen=True, slots=True)
class ReportDiff:
    """The differences and, for consecutive years, the continuity findings."""

    cells: tuple[CellChange, ...]
    sections: tuple[SectionChange, ...]
    findings: tuple[Finding, ...]
    relation: str  # "consecutive" | "same-year" | "unrelated"


def diff_reports(old: Report, new: Report, context: ValidationContext | None = None) -> ReportDiff:
    """Compare ``old`` and ``new``; continuity rules only for consecutive years."""
    relation = _relation(old, new)
    findings: tuple[Finding, ...] = ()
    if relation == "consecutive":
        findings = tuple(
            f for f in validate(new, previous=old, context=context) if f.rule in CONTINUITY_RULES
        )
    return ReportDiff(tuple(_cells(old, new)), tuple(_sections(old, new)), findings, relation)


def _relation(old: Report, new: Report) -> str:
    if old.year is not None and new.year is not None:
        if new.year == old.year + 1:
            return "consecutive"
        if new.year == old.year:
            return "same-year"
    return "unrelated"


def _cells(old: Report, new: Report) -> Iterator[CellChange]:
    for key in T2_COUNT_KEYS:
        a, b = old.table2.count(key).value, new.table2.count(key).value
        if a != b:
            yield CellChange(t2_id(key), a, b)
    fa, fb = old.table2.fee_wan_yuan.value, new.table2.fee_wan_yuan.value
    if fa != fb:
        yield CellChange(t2_id("fee_wan_yuan"), _s(fa), _s(fb))
    for row in T3_ROWS:
        for col in T3_COLS:
            a, b = old.t3(row, col).value, new.t3(row, col).value
            if a != b:
                yield CellChange(t3_id(row, col), a, b)
    for key in T4_CELLS:
        a, b = old.table4.cell(key).value, new.table4.cell(key).value
        if a != b:
            yield CellChange(t4_id(key), a, b)


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _sections(old: Report, new: Report) -> Iterator[SectionChange]:
    for sid in SECTION_IDS:
        a, b = old.sections.get(sid, ""), new.sections.get(sid, "")
        if a == b:
            continue
        ratio = difflib.SequenceMatcher(None, a[:3000], b[:3000], autojunk=False).ratio()
        yield SectionChange(sid, round(ratio, 3), len(a), len(b))
