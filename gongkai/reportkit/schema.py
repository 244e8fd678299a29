"""Typed model of an annual report (年度报告), national 2021 format (国办公开办函〔2021〕30号).

Everything is keyed by the ids of ogi-spec §2.3–§2.5 so that JSON, findings and gold files
all speak the same language:

* table 二: ``rules.issued`` … ``normative_documents.in_force``, ``licensing``, ``penalty``,
  ``coercion`` and ``fee_wan_yuan`` (a ``Decimal`` in 万元, 行政事业性收费 — *not* the
  信息处理费 of section 六);
* table 三: rows ``R1`` … ``R4`` (25 of them) × columns ``C1`` … ``C7``;
* table 四: ``A1`` … ``C5``.

Cell ids used in findings and gold files: ``t2:rules.issued``, ``t3:R3.4.1:C2``, ``t4:A5``.

Every cell carries its provenance (ogi-spec §2.3 "NA", §2.7 blank cells) so that a rebuilt or
ambiguous value is never mistaken for a value read from the source. The model is pure data:
frozen dataclasses, no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Final


class FormatVersion(StrEnum):
    """Template version of a report (ogi-spec §3.3)."""

    V2021 = "2021"
    V2019 = "2019"
    PRE2019 = "pre2019"


class Provenance(StrEnum):
    """Where a cell's value comes from."""

    READ = "read"  # printed in the source
    BLANK = "blank"  # empty in the source, read as 0 (T3-05)
    IMPUTED = "imputed"  # not printed; fixed by an identity (T3-01..03, T4-01)
    NOT_APPLICABLE = "na"  # "/", "—", "－": value is None, sums treat it as 0 (§2.3)
    AMBIGUOUS = "ambiguous"  # several readings satisfy the identities: value is None
    MISSING = "missing"  # the table or row was not found at all: value is None


class Severity(StrEnum):
    """Finding severity (ogi-spec §2.6: E / W / I)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class OwnerType(StrEnum):
    """Whose report it is; decides the deadline (art 49) and N-08/F-07."""

    DEPARTMENT = "department"
    GOVERNMENT = "government"


# --- ids -------------------------------------------------------------------------------------

T3_ROWS: Final[tuple[str, ...]] = (
    "R1",
    "R2",
    "R3.1",
    "R3.2",
    *(f"R3.3.{i}" for i in range(1, 9)),
    *(f"R3.4.{i}" for i in range(1, 4)),
    *(f"R3.5.{i}" for i in range(1, 6)),
    *(f"R3.6.{i}" for i in range(1, 4)),
    "R3.7",
    "R4",
)
"""The 25 data rows of table 三 (ogi-spec §2.4), in printed order."""

T3_LEAVES: Final[tuple[str, ...]] = tuple(r for r in T3_ROWS if r.startswith("R3.") and r != "R3.7")
"""The 21 outcome leaves summed by T3-03."""

T3_R36_AGGREGATE: Final = "R3.6"
"""2019 format: （六）其他处理 is one row (ogi-spec §3.2); kept under this id, sub-rows None."""

T3_COLS: Final[tuple[str, ...]] = tuple(f"C{i}" for i in range(1, 8))
"""自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""

_COL_INDEX: Final = {c: i for i, c in enumerate(T3_COLS)}

T4_CELLS: Final[tuple[str, ...]] = tuple(f"{b}{i}" for b in "ABC" for i in range(1, 6))
"""行政复议 A1..A5, 未经复议直接起诉 B1..B5, 复议后起诉 C1..C5; 5 = 总计."""

T2_DOC_ROWS: Final[tuple[str, ...]] = ("rules", "normative_documents")
T2_DOC_FIELDS: Final[tuple[str, ...]] = ("issued", "abolished", "in_force")
T2_COUNT_KEYS: Final[tuple[str, ...]] = (
    *(f"{r}.{f}" for r in T2_DOC_ROWS for f in T2_DOC_FIELDS),
    "licensing",
    "penalty",
    "coercion",
)
T2_FEE_KEY: Final = "fee_wan_yuan"
T2_KEYS: Final[tuple[str, ...]] = (*T2_COUNT_KEYS, T2_FEE_KEY)

SECTION_IDS: Final[tuple[str, ...]] = ("S1", "S2", "S3", "S4", "S5", "S6")
"""一、总体情况 … 六、其他需要报告的事项 (ogi-spec §2.2)."""


def t2_id(key: str) -> str:
    """Cell id of a table-二 key, e.g. ``t2:rules.issued``."""
    return f"t2:{key}"


def t3_id(row: str, col: str) -> str:
    """Cell id of a table-三 cell, e.g. ``t3:R3.4.1:C2``."""
    return f"t3:{row}:{col}"


def t4_id(cell: str) -> str:
    """Cell id of a table-四 cell, e.g. ``t4:A5``."""
    return f"t4:{cell}"


# --- cells -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """An integer count with its provenance. ``value`` is None for NA/ambiguous/missing."""

    value: int | None
    provenance: Provenance = Provenance.READ

    @property
    def as_number(self) -> int:
        """Value for the sum rules: NA and blank count as 0 (ogi-spec §2.3)."""
        return self.value if self.value is not None else 0

    @property
    def known(self) -> bool:
        """True when the value can take part in an identity."""
        return self.value is not None or self.provenance is Provenance.NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class MoneyCell:
    """The table-二 fee amount in 万元 (D11): a Decimal, never a float."""

    value: Decimal | None
    provenance: Provenance = Provenance.READ
    # As printed, e.g. "12372.0506" or "75394432.52元"; lets T2-05 see a 元 suffix. Not part of
    # equality: two reports with the same amount are the same report.
    raw: str | None = field(default=None, compare=False)


def zero(provenance: Provenance = Provenance.READ) -> Cell:
    """A 0 cell (convenience for builders and tests)."""
    return Cell(0, provenance)


MISSING_CELL: Final = Cell(None, Provenance.MISSING)


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Table2:
    """Table 二 (ogi-spec §2.3), keyed by ``T2_COUNT_KEYS`` plus the fee.

    ``legacy`` keeps 2019-format values that have no 2021 column (ogi-spec §3.2), e.g.
    ``normative_documents.published_total`` (对外公开总数量) or ``procurement.amount_yuan``.
    """

    counts: Mapping[str, Cell]
    fee_wan_yuan: MoneyCell
    legacy: Mapping[str, str] = field(default_factory=dict)

    def count(self, key: str) -> Cell:
        """The cell of a count key; a missing key reads as a missing cell."""
        return self.counts.get(key, MISSING_CELL)


@dataclass(frozen=True, slots=True)
class Table3:
    """Table 三 (ogi-spec §2.4): row id → 7 cells (C1..C7)."""

    rows: Mapping[str, tuple[Cell, ...]]

    def cell(self, row: str, col: str) -> Cell:
        """One cell by ids; unknown ids read as missing (validation must never raise)."""
        cells = self.rows.get(row)
        idx = _COL_INDEX.get(col, -1)
        if cells is None or idx < 0 or idx >= len(cells):
            return MISSING_CELL
        return cells[idx]


@dataclass(frozen=True, slots=True)
class Table4:
    """Table 四 (ogi-spec §2.5): cell id → cell."""

    cells: Mapping[str, Cell]

    def cell(self, key: str) -> Cell:
        """One cell by id; unknown ids read as missing."""
        return self.cells.get(key, MISSING_CELL)


@dataclass(frozen=True, slots=True)
class Report:
    """One annual report.

    ``sections`` maps ``S1`` … ``S6`` to the section's running text (headings excluded,
    table cells excluded); a section absent from the source is absent from the mapping.
    """

    org: str | None
    year: int | None
    format_version: FormatVersion
    table2: Table2
    table3: Table3
    table4: Table4
    sections: Mapping[str, str] = field(default_factory=dict)
    title: str | None = None
    owner_type: OwnerType | None = None
    published_on: str | None = None  # ISO date when known (F-06)

    def t3(self, row: str, col: str) -> Cell:
        """Shortcut for ``table3.cell``."""
        return self.table3.cell(row, col)

    def with_t3(self, row: str, col: str, cell: Cell) -> Report:
        """A copy with one table-三 cell replaced (used by tests and mutation suites)."""
        rows = dict(self.table3.rows)
        cells = list(rows.get(row, (MISSING_CELL,) * 7))
        cells[T3_COLS.index(col)] = cell
        rows[row] = tuple(cells)
        return replace(self, table3=Table3(rows))

    def with_t4(self, key: str, cell: Cell) -> Report:
        """A copy with one table-四 cell replaced."""
        return replace(self, table4=Table4({**self.table4.cells, key: cell}))

    def with_t2(self, key: str, cell: Cell) -> Report:
        """A copy with one table-二 count replaced."""
        t2 = replace(self.table2, counts={**self.table2.counts, key: cell})
        return replace(self, table2=t2)


def empty_table3(provenance: Provenance = Provenance.MISSING) -> Table3:
    """Table 三 with every cell None (or 0 when ``provenance`` is READ/BLANK)."""
    value = 0 if provenance in (Provenance.READ, Provenance.BLANK) else None
    return Table3({r: (Cell(value, provenance),) * 7 for r in T3_ROWS})


def empty_report(
    *, org: str | None = None, year: int | None = None, fill_zero: bool = False
) -> Report:
    """A report skeleton: all cells missing, or all 0 (read) when ``fill_zero``."""
    prov = Provenance.READ if fill_zero else Provenance.MISSING
    value = 0 if fill_zero else None
    return Report(
        org=org,
        year=year,
        format_version=FormatVersion.V2021,
        table2=Table2(
            {k: Cell(value, prov) for k in T2_COUNT_KEYS},
            MoneyCell(Decimal("0") if fill_zero else None, prov),
        ),
        table3=empty_table3(prov),
        table4=Table4({k: Cell(value, prov) for k in T4_CELLS}),
    )


# --- findings --------------------------------------------------------------------------------

Evidence = Mapping[str, int | str | None]


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation or parse finding.

    ``rule`` is a spec rule id (T3-01, N-03, F-05 …) or a parse id (P-xx, see ``PARSE_RULES``
    in ``assemble``). ``cells`` are the cell ids involved and ``evidence`` their values as
    read, so a reviewer can check the claim without opening the source.
    """

    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()
    evidence: Evidence = field(default_factory=dict)
