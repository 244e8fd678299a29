"""The printed layout of a 2021-format report, shared by every renderer.

Each renderer (HTML, DOCX, PDF, text) walks the same list of blocks, so the headings, the
order of sections and the merged header cells of tables 二, 三 and 四 (ogi-spec §2.3–§2.5)
are decided once, here. A table is a list of rows of ``LCell`` with rowspan/colspan as in
the official template; ``grid`` expands it for renderers that draw cell by cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from gongkai.reportkit.labels import (
    SECTION_HEADINGS,
    T3_COL_LABELS,
    T3_GROUPS,
    T3_LABELS,
    T4_BLOCK_LABELS,
    T4_LEAF_LABELS,
)
from gongkai.reportkit.schema import (
    SECTION_IDS,
    T3_COLS,
    T3_R36_AGGREGATE,
    Cell,
    MoneyCell,
    Provenance,
    Report,
)

T3_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS: Final = "申请人情况"
T3_LEGAL_PERSONS: Final = "法人或其他组织"
T4_LITIGATION: Final = "行政诉讼"
T2_CONTENT: Final = "信息内容"
T2_DECISIONS: Final = "本年处理决定数量"
T2_FEE_HEADER: Final = "本年收费金额（单位：万元）"
NA_TEXT: Final = "/"


@dataclass(frozen=True, slots=True)
class LCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class LTable:
    key: str  # "t2" | "t3" | "t4"
    n_cols: int
    rows: tuple[tuple[LCell, ...], ...]
    header_rows: int


@dataclass(frozen=True, slots=True)
class LHeading:
    text: str
    level: int  # 0 = title, 1 = section


@dataclass(frozen=True, slots=True)
class LPara:
    text: str


LBlock = LHeading | LPara | LTable


def title_of(report: Report) -> str:
    """The report's title, or the conventional one built from org and year."""
    if report.title:
        return report.title
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.org or ''}{year}政府信息公开工作年度报告"


def layout(report: Report) -> list[LBlock]:
    """Title, the six sections in order, each table after its section heading."""
    blocks: list[LBlock] = [LHeading(title_of(report), 0)]
    tables = {"S2": table2(report), "S3": table3(report), "S4": table4(report)}
    for sid in SECTION_IDS:
        blocks.append(LHeading(SECTION_HEADINGS[sid], 1))
        blocks.extend(LPara(p) for p in paragraphs(report.sections.get(sid, "")))
        if sid in tables:
            blocks.append(tables[sid])
    return blocks


def paragraphs(text: str) -> list[str]:
    """Section text split into paragraphs (one per non-empty line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- values ----------------------------------------------------------------------------------


def count_text(cell: Cell) -> str:
    """How a count is printed: the number, "/" for not applicable, blank otherwise."""
    if cell.provenance is Provenance.NOT_APPLICABLE:
        return NA_TEXT
    if cell.value is None or cell.provenance is Provenance.BLANK:
        return ""
    return str(cell.value)


def money_text(cell: MoneyCell) -> str:
    """The fee as printed: the source's own digits when known, else the Decimal as is."""
    if cell.provenance is Provenance.NOT_APPLICABLE:
        return NA_TEXT
    if cell.value is None or cell.provenance is Provenance.BLANK:
        return ""
    if cell.raw and _same_amount(cell.raw, cell.value):
        return cell.raw
    return format(cell.value, "f")


def _same_amount(raw: str, value: Decimal) -> bool:
    try:
        return Decimal(raw) == value
    except ArithmeticError:
        return False


def _value(text: str, colspan: int = 1) -> LCell:
    return LCell(text, colspan=colspan, numeric=True)


def _head(text: str, rowspan: int = 1, colspan: int = 1) -> LCell:
    return LCell(text, rowspan=rowspan, colspan=colspan, header=True)


# --- table 二 --------------------------------------------------------------------------------


def table2(report: Report) -> LTable:
    t2 = report.table2
    rows: list[tuple[LCell, ...]] = [
        (_head("第二十条第（一）项", colspan=4),),
        (_head(T2_CONTENT), _head("本年制发件数"), _head("本年废止件数"), _head("现行有效件数")),
    ]
    for key, label in (("rules", "规章"), ("normative_documents", "行政规范性文件")):
        values = (_value(count_text(t2.count(f"{key}.{f}"))) for f in ("issued", "abolished"))
        rows.append((LCell(label), *values, _value(count_text(t2.count(f"{key}.in_force")))))
    for item, labels in (("（五）", ("licensing",)), ("（六）", ("penalty", "coercion"))):
        rows.append((_head(f"第二十条第{item}项", colspan=4),))
        rows.append((_head(T2_CONTENT), _head(T2_DECISIONS, colspan=3)))
        for key in labels:
            rows.append((LCell(_T2_NAMES[key]), _value(count_text(t2.count(key)), 3)))
    rows.append((_head("第二十条第（八）项", colspan=4),))
    rows.append((_head(T2_CONTENT), _head(T2_FEE_HEADER, colspan=3)))
    rows.append((LCell("行政事业性收费"), _value(money_text(t2.fee_wan_yuan), 3)))
    return LTable("t2", 4, tuple(rows), header_rows=0)


_T2_NAMES: Final = {"licensing": "行政许可", "penalty": "行政处罚", "coercion": "行政强制"}


# --- table 三 --------------------------------------------------------------------------------

_T3_GROUP_OF: Final = {"R3.3": 8, "R3.4": 3, "R3.5": 5, "R3.6": 3}


def table3(report: Report) -> LTable:
    rows: list[tuple[LCell, ...]] = [
        (_head(T3_NOTE, rowspan=3, colspan=3), _head(T3_APPLICANTS, colspan=7)),
        (
            _head(T3_COL_LABELS[0], rowspan=2),
            _head(T3_LEGAL_PERSONS, colspan=5),
            _head(T3_COL_LABELS[6], rowspan=2),
        ),
        tuple(_head(label) for label in T3_COL_LABELS[1:6]),
    ]
    rows.append((LCell(T3_LABELS["R1"], colspan=3), *_t3_values(report, "R1")))
    rows.append((LCell(T3_LABELS["R2"], colspan=3), *_t3_values(report, "R2")))
    body = _t3_outcome_rows(report)
    first = (LCell(T3_GROUPS["R3"], rowspan=len(body)),)
    rows.extend((*(first if i == 0 else ()), *row) for i, row in enumerate(body))
    rows.append((LCell(T3_LABELS["R4"], colspan=3), *_t3_values(report, "R4")))
    return LTable("t3", 10, tuple(rows), header_rows=3)


def _t3_values(report: Report, row: str) -> tuple[LCell, ...]:
    return tuple(_value(count_text(report.t3(row, col))) for col in T3_COLS)


def _t3_outcome_rows(report: Report) -> list[tuple[LCell, ...]]:
    """Rows R3.1 … R3.7 without the 三、本年度办理结果 group cell."""
    rows: list[tuple[LCell, ...]] = []
    for row in ("R3.1", "R3.2"):
        rows.append((LCell(T3_LABELS[row], colspan=2), *_t3_values(report, row)))
    for group, size in _T3_GROUP_OF.items():
        if group == T3_R36_AGGREGATE and _merged_r36(report):
            rows.append((LCell(T3_GROUPS[group], colspan=2), *_t3_values(report, group)))
            continue
        for i in range(1, size + 1):
            leaf = f"{group}.{i}"
            lead = (LCell(T3_GROUPS[group], rowspan=size),) if i == 1 else ()
            rows.append((*lead, LCell(T3_LABELS[leaf]), *_t3_values(report, leaf)))
    rows.append((LCell(T3_LABELS["R3.7"], colspan=2), *_t3_values(report, "R3.7")))
    return rows


def _merged_r36(report: Report) -> bool:
    """2019-format reports keep （六）其他处理 as one row (ogi-spec §3.2)."""
    rows = report.table3.rows
    return T3_R36_AGGREGATE in rows and "R3.6.1" not in rows


# --- table 四 --------------------------------------------------------------------------------


def table4(report: Report) -> LTable:
    review, direct, after = T4_BLOCK_LABELS
    rows: tuple[tuple[LCell, ...], ...] = (
        (_head(review, colspan=5), _head(T4_LITIGATION, colspan=10)),
        (
            *(_head(label, rowspan=2) for label in T4_LEAF_LABELS),
            _head(direct, colspan=5),
            _head(after, colspan=5),
        ),
        tuple(_head(label) for _ in range(2) for label in T4_LEAF_LABELS),
        tuple(
            _value(count_text(report.table4.cell(f"{b}{i}"))) for b in "ABC" for i in range(1, 6)
        ),
    )
    return LTable("t4", 15, rows, header_rows=3)


# --- grids -----------------------------------------------------------------------------------


def grid(table: LTable) -> list[list[LCell | None]]:
    """The table as a full grid: each cell at its top-left position, ``None`` where covered."""
    out: list[list[LCell | bool | None]] = [[False] * table.n_cols for _ in table.rows]
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while c < table.n_cols and out[r][c] is not False:
                c += 1
            for rr in range(r, min(r + cell.rowspan, len(table.rows))):
                for cc in range(c, min(c + cell.colspan, table.n_cols)):
                    out[rr][cc] = None
            out[r][c] = cell
            c += cell.colspan
    return [[x if isinstance(x, LCell) else None for x in row] for row in out]


def spans(table: LTable) -> list[tuple[int, int, LCell]]:
    """Every cell with its grid (row, column) of the top-left corner."""
    found: list[tuple[int, int, LCell]] = []
    for r, row in enumerate(grid(table)):
        found.extend((r, c, cell) for c, cell in enumerate(row) if cell is not None)
    return found
