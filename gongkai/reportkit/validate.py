"""Validation of a report against ogi-spec §2.6: tables (T3, T2, T4), narrative (N), format (F).

``validate(report, previous=None, context=None)`` returns findings; it never raises, whatever
the report looks like (a rule that trips over malformed data is reported as ``X-01`` instead).

* ``previous``: last year's report of the same body enables the continuity rules T3-04,
  T2-02, T2-03, T4-03 and N-07.
* ``context``: facts only the platform knows (case data, fee ledger, organisation settings):
  T3-07, T3-08, T3-09, T2-04, N-02, N-03 (ledger part), F-06. Rules whose facts are absent are
  skipped, not guessed.

Cells that are ambiguous or missing (value None) are left out of identities: the parser has
already reported them (P-03/P-04), and a sum over an unknown cell proves nothing. "/" (NA)
cells count as 0 (§2.3).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final, cast

from gongkai.reportkit.schema import (
    T2_DOC_ROWS,
    T3_COLS,
    T3_LEAVES,
    T3_R36_AGGREGATE,
    T3_ROWS,
    T4_CELLS,
    Cell,
    Finding,
    FormatVersion,
    OwnerType,
    Provenance,
    Report,
    Severity,
    t2_id,
    t3_id,
    t4_id,
)

E, W, INF = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class OpenCase:
    """An application still open on 31 December (T3-09), as the platform knows it."""

    ref: str
    workdays_open: int  # working days from receipt to 31 Dec, pauses not deducted
    restarted_or_paused: bool = False  # 补正 restart, consultation pause or art-35 delay


@dataclass(frozen=True, slots=True)
class ValidationContext:
    """Platform facts for the rules the report alone cannot check. None = unknown, skip."""

    correction_notices: int | None = None  # 补正 notices issued in the year (T3-07)
    art35_requests: int | None = None  # art-35 explanation requests recorded (T3-08)
    open_cases: tuple[OpenCase, ...] | None = None  # cases counted in R4 (T3-09)
    overdue_replies: int | None = None  # replies given after the deadline (N-02)
    fees_collected_yuan: Decimal | None = None  # 信息处理费 ledger total (N-03)
    rule_making_power: bool | None = None  # may the organ make 规章 (T2-04)
    owner_type: OwnerType | None = None  # overrides the report's / the name's (F-06, F-07, N-08)
    published_on: date | None = None  # publication date (F-06)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What every rule receives."""

    report: Report
    previous: Report | None
    context: ValidationContext | None
    memo: dict[str, object] = field(default_factory=dict, compare=False)

    def grid(self) -> dict[str, tuple[int | None, ...]]:
        """Table 三 values for the identities (``val`` of every cell), computed once."""
        cached = self.memo.get("grid")
        if cached is None:
            grid = {}
            for r, cells in self.report.table3.rows.items():
                # ``val`` only differs from ``cell.value`` where that is None: read the values
                # at C level and call ``val`` only for rows that have such a cell.
                values = tuple(map(_VALUE, cells))
                grid[r] = tuple(map(val, cells)) if None in values else values
            self.memo["grid"] = grid
            return grid
        return cast(dict[str, tuple[int | None, ...]], cached)


Rule = Callable[[Inputs], Iterable[Finding]]
RULES: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Rule], Rule]:
    """Register a rule function under its spec id."""

    def register(fn: Rule) -> Rule:
        RULES[rule_id] = fn
        return fn

    return register


def validate(
    report: Report, previous: Report | None = None, context: ValidationContext | None = None
) -> list[Finding]:
    """All findings for ``report``, in rule order. Never raises."""
    if report.format_version is FormatVersion.PRE2019:
        return [
            Finding(
                "F-02",
                INF,
                "2019年以前格式（旧条例）的年度报告：不适用2021年格式的校验规则。",
                evidence={"format_version": report.format_version.value},
            )
        ]
    inputs = Inputs(report, previous, context)
    findings: list[Finding] = []
    for rule_id, fn in RULES.items():
        try:
            findings.extend(fn(inputs))
        except Exception as exc:
            findings.append(
                Finding(
                    "X-01",
                    W,
                    f"规则{rule_id}无法执行：{type(exc).__name__}",
                    evidence={"rule": rule_id},
                )
            )
    return findings


def finding(
    rule_id: str,
    severity: Severity,
    message: str,
    cells: Mapping[str, int | str | None] | None = None,
) -> Finding:
    """A finding whose evidence is the cells involved with their values."""
    evidence = dict(cells or {})
    return Finding(rule_id, severity, message, tuple(evidence), evidence)


# --- helpers ---------------------------------------------------------------------------------


_VALUE: Final = operator.attrgetter("value")


def val(cell: Cell) -> int | None:
    """Value for an identity: NA → 0, ambiguous/missing → None (skip)."""
    if cell.value is not None:
        return cell.value
    return 0 if cell.provenance is Provenance.NOT_APPLICABLE else None


def _cols(inp: Inputs, rows: Sequence[str]) -> list[list[int] | None]:
    """Per column of ``T3_COLS``: the values of ``rows`` in that column, or None when one of
    them is unknown (missing row or cell, ambiguous). One pass over the rows for all columns."""
    grid, width = inp.grid(), len(T3_COLS)
    padded: list[tuple[int | None, ...]] = []
    for r in rows:
        cells = grid.get(r)
        if cells is None:
            return [None] * width
        if len(cells) < width:
            cells = cells + (None,) * (width - len(cells))
        padded.append(cells)
    if not padded:
        return [[] for _ in range(width)]
    # zip(*rows) turns the rows into columns at C level; a None anywhere voids the column.
    # Rows are at least ``width`` long here; longer ones (not from the parser) are cut.
    columns = zip(*padded, strict=False)
    return [None if None in col else cast(list[int], list(col)) for col in columns][:width]


def t3_leaves(report: Report) -> list[str]:
    """The leaves T3-03 sums: the 2019 （六） aggregate replaces R3.6.1..3 when present."""
    rows = report.table3.rows
    if T3_R36_AGGREGATE in rows and all(
        report.t3(f"R3.6.{i}", "C1").value is None for i in (1, 2, 3)
    ):
        return [r for r in T3_LEAVES if not r.startswith("R3.6.")] + [T3_R36_AGGREGATE]
    return list(T3_LEAVES)


def owner_type(inputs: Inputs) -> tuple[OwnerType | None, bool]:
    """(owner type, declared?) — declared by context or report, else inferred from the name."""
    ctx = inputs.context
    if ctx is not None and ctx.owner_type is not None:
        return ctx.owner_type, True
    if inputs.report.owner_type is not None:
        return inputs.report.owner_type, True
    org = inputs.report.org or ""
    if org.endswith("人民政府"):
        return OwnerType.GOVERNMENT, False
    return None, False


def _same_body(a: Report, b: Report) -> bool:
    return bool(a.org) and a.org == b.org and a.format_version == b.format_version


# --- table 三 --------------------------------------------------------------------------------


@rule("T3-01")
def t3_01(inp: Inputs) -> Iterable[Finding]:
    """R1 + R2 = R3.7 + R4 in every column (the printed 勾稽 sentence)."""
    for col, values in zip(T3_COLS, _cols(inp, ("R1", "R2", "R3.7", "R4")), strict=True):
        if values is None:
            continue
        r1, r2, r37, r4 = values
        if r1 + r2 != r37 + r4:
            inp.memo["t3_identity_failed"] = True
            yield finding(
                "T3-01",
                E,
                f"表三{col}列：新收{r1}+上年结转{r2}={r1 + r2}，"
                f"不等于办理结果总计{r37}+结转下年度{r4}={r37 + r4}。",
                {t3_id(r, col): v for r, v in zip(("R1", "R2", "R3.7", "R4"), values, strict=True)},
            )


@rule("T3-02")
def t3_02(inp: Inputs) -> Iterable[Finding]:
    """C7 (总计) = C1 + … + C6 in every row."""
    rows, grid = inp.report.table3.rows, inp.grid()
    for row in (*T3_ROWS, T3_R36_AGGREGATE):
        if row not in rows:
            continue
        values = grid[row]
        if len(values) != len(T3_COLS) or None in values:
            continue
        # No None here, so the values are the numbers (``v or 0`` would change nothing).
        nums = cast(tuple[int, ...], values)
        if sum(nums[:6]) != nums[6]:
            inp.memo["t3_identity_failed"] = True
            yield finding(
                "T3-02",
                E,
                f"表三{row}行：各类申请人合计{sum(nums[:6])}，与总计{nums[6]}不符。",
                {t3_id(row, c): v for c, v in zip(T3_COLS, nums, strict=True)},
            )


@rule("T3-03")
def t3_03(inp: Inputs) -> Iterable[Finding]:
    """R3.7 = the sum of the outcome leaves, per column (each application counted once)."""
    leaves = t3_leaves(inp.report)
    for col, values in zip(T3_COLS, _cols(inp, (*leaves, "R3.7")), strict=True):
        if values is None:
            continue
        total = sum(values[:-1])
        if total != values[-1]:
            inp.memo["t3_identity_failed"] = True
            yield finding(
                "T3-03",
                E,
                f"表三{col}列：各办理结果之和为{total}，与（七）总计{values[-1]}不符。",
                {t3_id("R3.7", col): values[-1], f"sum:{col}": total},
            )


@rule("T3-04")
def t3_04(inp: Inputs) -> Iterable[Finding]:
    """R2 (this year) = R4 (last year), per column."""
    prev = inp.previous
    if prev is None:
        return
    severity = E if _same_body(inp.report, prev) else W
    for col in T3_COLS:
        now, before = val(inp.report.t3("R2", col)), val(prev.t3("R4", col))
        if now is None or before is None or now == before:
            continue
        yield finding(
            "T3-04",
            severity,
            f"表三{col}列：上年结转{now}件，与上一年度报告的结转下年度{before}件不一致。",
            {t3_id("R2", col): now, f"previous:{t3_id('R4', col)}": before},
        )


@rule("T3-05")
def t3_05(inp: Inputs) -> Iterable[Finding]:
    """Cells are integers ≥ 0; a blank read as 0 must leave T3-01..03 satisfied."""
    broken = bool(inp.memo.get("t3_identity_failed"))
    if not broken:
        # The usual case, decided on the grid (``val`` keeps negative values as they are).
        values = list(itertools.chain.from_iterable(v[:7] for v in inp.grid().values()))
        if None in values:
            values = [v for v in values if v is not None]
        if not values or min(cast(list[int], values)) >= 0:
            return
    for row, cells in inp.report.table3.rows.items():
        for col, cell in zip(T3_COLS, cells, strict=False):
            if cell.value is not None and cell.value < 0:
                yield finding(
                    "T3-05",
                    E,
                    f"表三{row}行{col}列为负数{cell.value}。",
                    {t3_id(row, col): cell.value},
                )
            elif broken and cell.provenance in (Provenance.BLANK, Provenance.IMPUTED):
                yield finding(
                    "T3-05",
                    E,
                    f"表三{row}行{col}列为空白，按0读取后勾稽关系不成立，不能视为0。",
                    {t3_id(row, col): None},
                )


_FEE_NOTICE_WORDS: Final = ("收费通知", "缴费通知", "缴费通知书", "收费通知书")


@rule("T3-06")
def t3_06(inp: Inputs) -> Iterable[Finding]:
    """R3.6.2 > 0 needs fee notices reported in section 六 (109号)."""
    n = val(inp.report.t3("R3.6.2", "C7"))
    if not n:
        return
    text = inp.report.sections.get("S6", "")
    if not any(w in text for w in _FEE_NOTICE_WORDS):
        yield finding(
            "T3-06",
            W,
            f"表三（六）2.逾期未缴费{n}件，但第六部分未报告发出收费通知的件数和金额。",
            {t3_id("R3.6.2", "C7"): n},
        )


@rule("T3-07")
def t3_07(inp: Inputs) -> Iterable[Finding]:
    """R3.6.1 or R3.4.3 > 0 needs 补正 notices in the case data (art 30)."""
    ctx = inp.context
    if ctx is None or ctx.correction_notices is None:
        return
    a, b = val(inp.report.t3("R3.6.1", "C7")) or 0, val(inp.report.t3("R3.4.3", "C7")) or 0
    if (a or b) and ctx.correction_notices == 0:
        yield finding(
            "T3-07",
            W,
            "表三有逾期不补正或补正后仍不明确的申请，但案件数据中没有补正告知书。",
            {t3_id("R3.6.1", "C7"): a, t3_id("R3.4.3", "C7"): b, "case:correction_notices": 0},
        )


@rule("T3-08")
def t3_08(inp: Inputs) -> Iterable[Finding]:
    """R3.5.4 > 0: art-35 explanation requests should be on record."""
    ctx = inp.context
    if ctx is None or ctx.art35_requests is None:
        return
    n = val(inp.report.t3("R3.5.4", "C7")) or 0
    if n and ctx.art35_requests == 0:
        yield finding(
            "T3-08",
            INF,
            f"表三“无正当理由大量反复申请”{n}件，但没有要求申请人说明理由的记录（条例第35条）。",
            {t3_id("R3.5.4", "C7"): n, "case:art35_requests": 0},
        )


@rule("T3-09")
def t3_09(inp: Inputs) -> Iterable[Finding]:
    """Open cases in R4 received > 40 working days before 31 Dec without pause are overdue."""
    ctx = inp.context
    if ctx is None or ctx.open_cases is None:
        return
    for case in ctx.open_cases:
        if case.workdays_open > 40 and not case.restarted_or_paused:
            yield finding(
                "T3-09",
                W,
                f"结转下年度的申请{case.ref}在年底前已办理{case.workdays_open}个工作日，"
                "且无补正、征求意见或第35条延期记录，可能已超期。",
                {f"case:{case.ref}": case.workdays_open},
            )


# --- table 二 --------------------------------------------------------------------------------


@rule("T2-01")
def t2_01(inp: Inputs) -> Iterable[Finding]:
    """Counts are integers ≥ 0 or NA; the fee is a decimal ≥ 0 with at most 4 decimals."""
    for key, cell in inp.report.table2.counts.items():
        if cell.value is not None and cell.value < 0:
            yield finding("T2-01", E, f"表二{key}为负数{cell.value}。", {t2_id(key): cell.value})
    fee = inp.report.table2.fee_wan_yuan.value
    if fee is None:
        return
    exponent = fee.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if fee < 0 or places > 4:
        yield finding(
            "T2-01",
            E,
            f"表二行政事业性收费金额{fee}万元应为不小于0、最多4位小数的数（现有{places}位）。",
            {t2_id("fee_wan_yuan"): str(fee)},
        )


def _doc(report: Report, row: str, fld: str) -> int | None:
    return val(report.table2.count(f"{row}.{fld}"))


@rule("T2-02")
def t2_02(inp: Inputs) -> Iterable[Finding]:
    """现行有效(N) ≈ 现行有效(N−1) + 制发(N) − 废止(N)."""
    if inp.previous is None:
        return
    for row in T2_DOC_ROWS:
        now, before = _doc(inp.report, row, "in_force"), _doc(inp.previous, row, "in_force")
        issued, abolished = _doc(inp.report, row, "issued"), _doc(inp.report, row, "abolished")
        if None in (now, before, issued, abolished):
            continue
        expected = (before or 0) + (issued or 0) - (abolished or 0)
        if expected < 0:
            continue  # more abolished than existed: T2-03 reports it, this sum means nothing
        if now != expected:
            yield finding(
                "T2-02",
                W,
                f"表二{row}：现行有效{now}件，按上年{before}+制发{issued}−废止{abolished}应为{expected}件"
                "（文件也可能失效或修订，请核实）。",
                {t2_id(f"{row}.in_force"): now, f"previous:{t2_id(f'{row}.in_force')}": before},
            )


@rule("T2-03")
def t2_03(inp: Inputs) -> Iterable[Finding]:
    """废止(N) ≤ 现行有效(N−1) + 制发(N)."""
    if inp.previous is None:
        return
    for row in T2_DOC_ROWS:
        before, issued = _doc(inp.previous, row, "in_force"), _doc(inp.report, row, "issued")
        abolished = _doc(inp.report, row, "abolished")
        if None in (before, issued, abolished):
            continue
        if (abolished or 0) > (before or 0) + (issued or 0):
            yield finding(
                "T2-03",
                W,
                f"表二{row}：本年废止{abolished}件，多于上年现行有效{before}件与本年制发{issued}件之和。",
                {
                    t2_id(f"{row}.abolished"): abolished,
                    f"previous:{t2_id(f'{row}.in_force')}": before,
                },
            )


@rule("T2-04")
def t2_04(inp: Inputs) -> Iterable[Finding]:
    """The 规章 row is NA or 0 for an organ without rule-making power."""
    ctx = inp.context
    if ctx is None or ctx.rule_making_power is not False:
        return
    values = {
        t2_id(f"rules.{f}"): _doc(inp.report, "rules", f)
        for f in ("issued", "abolished", "in_force")
    }
    if any(v for v in values.values()):
        yield finding("T2-04", W, "本机关无规章制定权，但表二“规章”行填有非零数字。", values)


@rule("T2-05")
def t2_05(inp: Inputs) -> Iterable[Finding]:
    """The fee is in 万元: warn at ≥ 10⁶ or when the printed value carries 元."""
    fee = inp.report.table2.fee_wan_yuan
    raw = fee.raw or ""
    if fee.value is None:
        return
    if fee.value >= Decimal(1_000_000) or (raw.endswith("元") and not raw.endswith("万元")):
        yield finding(
            "T2-05",
            W,
            f"表二收费金额“{raw or fee.value}”疑似以元而非万元填报（单位应为万元）。",
            {t2_id("fee_wan_yuan"): str(fee.value)},
        )


# --- table 四 --------------------------------------------------------------------------------

_BLOCKS: Final = {"A": "行政复议", "B": "未经复议直接起诉", "C": "复议后起诉"}
_BLOCK_KEYS: Final = {b: tuple(f"{b}{i}" for i in range(1, 6)) for b in _BLOCKS}  # A1 … A5


@rule("T4-01")
def t4_01(inp: Inputs) -> Iterable[Finding]:
    """Each block's 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    cell = inp.report.table4.cell
    for block, name in _BLOCKS.items():
        values = [val(cell(key)) for key in _BLOCK_KEYS[block]]
        if None in values:
            continue
        nums = cast(list[int], values)  # no None left: ``v or 0`` would change nothing
        if sum(nums[:4]) != nums[4]:
            yield finding(
                "T4-01",
                E,
                f"表四{name}：各结果之和为{sum(nums[:4])}，与总计{nums[4]}不符。",
                {t4_id(f"{block}{i}"): v for i, v in enumerate(nums, 1)},
            )


@rule("T4-02")
def t4_02(inp: Inputs) -> Iterable[Finding]:
    """All 15 cells are integers ≥ 0."""
    for key in T4_CELLS:
        cell = inp.report.table4.cell(key)
        if cell.value is not None and cell.value < 0:
            yield finding("T4-02", E, f"表四{key}为负数{cell.value}。", {t4_id(key): cell.value})


@rule("T4-03")
def t4_03(inp: Inputs) -> Iterable[Finding]:
    """Cases pending last year (X4) should reappear this year (X5 ≥ X4 of N−1)."""
    if inp.previous is None:
        return
    for block, name in _BLOCKS.items():
        pending = val(inp.previous.table4.cell(f"{block}4"))
        total = val(inp.report.table4.cell(f"{block}5"))
        if pending and total is not None and total < pending:
            yield finding(
                "T4-03",
                INF,
                f"表四{name}：上年尚未审结{pending}件，本年总计仅{total}件，上年未结案件可能未计入。",
                {t4_id(f"{block}5"): total, f"previous:{t4_id(f'{block}4')}": pending},
            )


@rule("T4-04")
def t4_04(inp: Inputs) -> Iterable[Finding]:
    """From 2024 direct suits on refusals are unusual (reconsideration first, 行政复议法 2023)."""
    year = inp.report.year
    b5 = val(inp.report.table4.cell("B5"))
    if year is not None and year >= 2024 and b5:
        yield finding(
            "T4-04",
            INF,
            f"{year}年度仍有未经复议直接起诉{b5}件；2024年起不予公开类争议一般应先行复议，请核实。",
            {t4_id("B5"): b5},
        )


# Narrative and format rules register themselves on import.
from gongkai.reportkit import rules_text as _rules_text  # noqa: E402, F401

__all__ = ["RULES", "Inputs", "OpenCase", "ValidationContext", "finding", "rule", "validate"]
