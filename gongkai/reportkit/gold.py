"""Compare a parsed report with a gold file (fixtures/real/gold/*.json), cell by cell.

Gold files record values as printed (see SOURCES.md). A parsed cell is *right* when it equals
the gold value, *ambiguous* when the parser declined to give a value (None, provenance
ambiguous) and *wrong* otherwise: a wrong value is the failure the parser must never produce.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gongkai.reportkit.schema import (
    T2_COUNT_KEYS,
    T3_COLS,
    T3_ROWS,
    T4_CELLS,
    Cell,
    Provenance,
    Report,
    t2_id,
    t3_id,
    t4_id,
)


@dataclass(frozen=True, slots=True)
class CellComparison:
    """One cell: id, gold value, parsed value, parsed provenance, verdict."""

    cell: str
    gold: int | str | None
    parsed: int | str | None
    provenance: Provenance
    verdict: str  # "right" | "ambiguous" | "wrong"


@dataclass(frozen=True, slots=True)
class GoldComparison:
    """All compared cells of one report."""

    cells: tuple[CellComparison, ...]

    @property
    def wrong(self) -> tuple[CellComparison, ...]:
        return tuple(c for c in self.cells if c.verdict == "wrong")

    @property
    def ambiguous(self) -> tuple[CellComparison, ...]:
        return tuple(c for c in self.cells if c.verdict == "ambiguous")

    @property
    def right(self) -> tuple[CellComparison, ...]:
        return tuple(c for c in self.cells if c.verdict == "right")


def compare_with_gold(report: Report, gold: Mapping[str, Any]) -> GoldComparison:
    """Compare every table cell of ``report`` with the gold mapping."""
    return GoldComparison(tuple(_compare_all(report, gold)))


def _compare_all(report: Report, gold: Mapping[str, Any]) -> Iterator[CellComparison]:
    t2 = gold.get("table2", {})
    for key in T2_COUNT_KEYS:
        row, _, fld = key.partition(".")
        expected = t2.get(row, {}).get(fld) if fld else t2.get(key)
        yield _verdict(t2_id(key), expected, report.table2.count(key))
    fee = report.table2.fee_wan_yuan
    expected_fee = t2.get("fee_wan_yuan")
    parsed_fee = None if fee.value is None else str(fee.value)
    same = (
        expected_fee is not None
        and fee.value is not None
        and Decimal(str(expected_fee)) == fee.value
    )
    yield CellComparison(
        t2_id("fee_wan_yuan"),
        expected_fee,
        parsed_fee,
        fee.provenance,
        _word(same, fee.value is None),
    )
    for row in T3_ROWS:
        values = gold.get("table3", {}).get(row, [None] * 7)
        for col, expected in zip(T3_COLS, values, strict=True):
            yield _verdict(t3_id(row, col), expected, report.t3(row, col))
    for key in T4_CELLS:
        yield _verdict(t4_id(key), gold.get("table4", {}).get(key), report.table4.cell(key))


def _verdict(cell_id: str, expected: int | None, cell: Cell) -> CellComparison:
    same = cell.value == expected
    return CellComparison(
        cell_id, expected, cell.value, cell.provenance, _word(same, cell.value is None)
    )


def _word(same: bool, unknown: bool) -> str:
    if same:
        return "right"
    return "ambiguous" if unknown else "wrong"
