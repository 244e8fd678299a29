"""``Document`` → ``Report`` plus parse findings.

Steps: linearise the document (``tokens``), find the six section headings (ogi-spec §2.2,
aliases §3.3), cut each table's stretch into text runs and value runs, assign every value run
to the row whose label precedes it (``labels.classify``), then read each row with ``solve``:
dropped blanks and merged digit runs are rebuilt with the identities, and a cell the
identities cannot settle is left None and reported (P-03), never guessed.

Parse findings use ids outside the validation rules (``PARSE_RULES``) so a reader can tell
"the file was hard to read" from "the report is wrong".
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Final

from gongkai.reportkit import solve
from gongkai.reportkit.detect import detect_version
from gongkai.reportkit.document import Document
from gongkai.reportkit.labels import (
    SECTION_HEADINGS,
    SECTION_PATTERNS,
    T2_FEE_HEADERS,
    T2_HEADERS_2021,
    T2_ROW_KEYS,
    T3_ROW_KEYS,
    CompactText,
    classify,
    find_fuzzy,
    fold,
)
from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_COUNT_KEYS,
    T3_COLS,
    T3_LEAVES,
    T3_R36_AGGREGATE,
    T3_ROWS,
    T4_CELLS,
    Cell,
    Finding,
    FormatVersion,
    MoneyCell,
    Provenance,
    Report,
    Severity,
    Table2,
    Table3,
    Table4,
    t2_id,
    t3_id,
    t4_id,
)
from gongkai.reportkit.tokens import CELL_SEP, GUESSED_SEP, TextRun, ValueRun, items, linearize

PARSE_RULES: Final = {
    "P-01": "label differs from the official label by one character (OCR slip)",
    "P-02": "blank cell dropped by the source, rebuilt as 0 with the identities",
    "P-03": "cell value ambiguous: several readings satisfy the identities",
    "P-04": "table or row not found",
    "P-05": "no reading of table 三 satisfies T3-01/T3-03; rows read on their own",
    "P-06": "row given more than once; the first occurrence is used",
    "P-07": "pre-2019 report: recognised, not validated with the 2021 rules",
    "P-08": "2019 trial format: values mapped onto the 2021 schema (§3.2)",
    "P-09": "merged （六）其他处理 row in a 2021-format table",
}


@dataclass(slots=True)
class _Ctx:
    """Mutable state of one assembly: the flat text and the findings so far."""

    flat: str
    folded: str = ""
    compact: str = ""
    where: CompactText = field(init=False)  # compact index ↔ flat index
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Fold and compact once per document: every later step reuses them.
        self.folded = fold(self.flat)
        self.where = CompactText(self.folded)
        self.compact = self.where.text

    def flat_index(self, index: int) -> int:
        return self.where.flat_index(index)

    def compact_index(self, position: int) -> int:
        return self.where.compact_index(position)

    def add(
        self, rule: str, severity: Severity, message: str, cells: Sequence[str] = (), **ev: object
    ) -> None:
        evidence = {
            k: v if isinstance(v, int | str) or v is None else str(v) for k, v in ev.items()
        }
        self.findings.append(Finding(rule, severity, message, tuple(cells), evidence))


@dataclass(frozen=True, slots=True)
class Assembly:
    """The assembled report, the parse findings and the detected version."""

    report: Report
    findings: tuple[Finding, ...]
    recognised: bool = True  # False: no sign of an annual report at all (§3.3 marks)


def assemble(doc: Document) -> Assembly:
    """Map a document onto the schema. Never raises for odd content."""
    flat = linearize(doc)
    ctx = _Ctx(flat)
    detected = detect_version(ctx.compact, compacted=True).version
    title, org, year = _title(doc, flat)
    if detected is None:
        return Assembly(_empty(title, org, year, FormatVersion.V2021), (), recognised=False)
    version = detected
    if version is FormatVersion.PRE2019:
        ctx.add("P-07", Severity.INFO, "2019年以前格式的年度报告：已识别，不按2021年格式校验。")
        return Assembly(_empty(title, org, year, version), tuple(ctx.findings))
    bounds = _section_bounds(ctx)
    regions = _table_regions(ctx, bounds)
    table2 = _table2(ctx, regions["T2"], version)
    table3 = _table3(ctx, regions["T3"], version)
    table4 = _table4(ctx, regions["T4"])
    report = Report(
        org=org,
        year=year,
        format_version=version,
        table2=table2,
        table3=table3,
        table4=table4,
        sections=_sections(flat, bounds),
        title=title,
    )
    if version is FormatVersion.V2019:
        ctx.add("P-08", Severity.INFO, "2019年试行格式：已按规范§3.2映射到2021年格式。")
    return Assembly(report, tuple(ctx.findings))


def _empty(title: str | None, org: str | None, year: int | None, version: FormatVersion) -> Report:
    missing = Cell(None, Provenance.MISSING)
    return Report(
        org=org,
        year=year,
        format_version=version,
        title=title,
        table2=Table2({k: missing for k in T2_COUNT_KEYS}, MoneyCell(None, Provenance.MISSING)),
        table3=Table3({r: (missing,) * 7 for r in T3_ROWS}),
        table4=Table4({k: missing for k in T4_CELLS}),
    )


# --- title -----------------------------------------------------------------------------------

_TITLE_RE: Final = re.compile(
    r"^(?:标题[:：]\s*)?#*\s*(.{2,60}?)\s*(\d{4})\s*年度?\s*(政府信息公开.{0,12}报告)"
)


def _title(doc: Document, flat: str) -> tuple[str | None, str | None, int | None]:
    """Title, organisation and year from the first line that looks like a report title."""
    for line in flat.split("\n", 40)[:40]:  # the first 40 lines, without splitting the rest
        text = line.replace(CELL_SEP, " ").replace(GUESSED_SEP, " ").strip()
        match = _TITLE_RE.search(text)
        if match and "年度报告" in match.group(3):
            org = re.sub(r"\s+", "", match.group(1)).lstrip("#")
            title = re.sub(r"\s+", "", text.split(":", 1)[-1].split("：", 1)[-1]).lstrip("#")
            return title, org or None, int(match.group(2))
    return None, None, None


# --- sections --------------------------------------------------------------------------------


def _section_bounds(ctx: _Ctx) -> dict[str, tuple[int, int]]:
    """Heading id → (start, end) in ``flat``, searched in order so later ones follow earlier."""
    text = ctx.compact
    bounds: dict[str, tuple[int, int]] = {}
    cursor = 0
    for sid in SECTION_IDS:
        match = SECTION_PATTERNS[sid].search(text, cursor)
        if match is None:
            continue
        bounds[sid] = (ctx.flat_index(match.start()), ctx.flat_index(match.end() - 1) + 1)
        cursor = match.end()
    return bounds


def _sections(flat: str, bounds: dict[str, tuple[int, int]]) -> dict[str, str]:
    """Narrative text of each section found; the table sections keep no running text."""
    ordered = sorted(bounds.items(), key=lambda kv: kv[1][0])
    out: dict[str, str] = {}
    for i, (sid, (_, end)) in enumerate(ordered):
        stop = ordered[i + 1][1][0] if i + 1 < len(ordered) else len(flat)
        out[sid] = "" if sid in ("S2", "S3", "S4") else clean_section(flat[end:stop])
    return out


def clean_section(raw: str) -> str:
    """Section text as paragraphs: cells joined with spaces, lines stripped, blanks dropped."""
    # Runs of spaces and ideographic spaces become one space (what ``[ \u3000]+`` → " " did),
    # with C-level replaces: a regex scan of the whole section cost more than everything
    # else here, though most sections hold few or no spaces.
    text = raw.replace(CELL_SEP, " ").replace(GUESSED_SEP, " ").replace("\u3000", " ")
    while "  " in text:
        text = text.replace("  ", " ")  # each pass halves every run of spaces
    lines = (ln.strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


_FALLBACK_STARTS: Final = {
    "T2": re.compile(r"第二十条第\(一\)项|第二十条"),
    "T3": re.compile(r"勾稽关系|申请人情况|本年新收"),
    "T4": re.compile(r"行政复议"),
}


def _table_regions(ctx: _Ctx, bounds: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Stretch of ``flat`` holding each table: from its heading to the next heading."""
    flat = ctx.flat
    starts: dict[str, int] = {}
    cursor = 0
    for table, sid in (("T2", "S2"), ("T3", "S3"), ("T4", "S4")):
        if sid in bounds:
            starts[table] = bounds[sid][1]
        else:
            from_index = ctx.compact_index(cursor)
            match = _FALLBACK_STARTS[table].search(ctx.compact, from_index)
            starts[table] = ctx.flat_index(match.start()) if match else len(flat)
        cursor = max(cursor, starts[table])
    end_marks = [b[0] for sid, b in bounds.items() if sid in ("S5", "S6")]
    regions: dict[str, tuple[int, int]] = {}
    order = ("T2", "T3", "T4")
    for i, table in enumerate(order):
        later = [starts[t] for t in order[i + 1 :] if starts[t] > starts[table]]
        later += [m for m in end_marks if m > starts[table]]
        regions[table] = (starts[table], min(later) if later else len(flat))
    return regions


# --- row occurrences -------------------------------------------------------------------------


def _rows(
    ctx: _Ctx, region: tuple[int, int], keys: dict[str, re.Pattern[str]], table: str
) -> dict[str, ValueRun]:
    """Row id → its value run: the first run after a text run classified as that row."""
    found: dict[str, ValueRun] = {}
    current: str | None = None
    for item in items(ctx.folded, *region):
        if isinstance(item, TextRun):
            hit = classify(item.text, keys)
            current = hit[0] if hit else None
            continue
        if current is None:
            continue
        if current in found:
            ctx.add(
                "P-06",
                Severity.WARNING,
                f"表{table}的行“{current}”出现了不止一次，采用第一次出现的数值。",
                row=current,
            )
        else:
            found[current] = item
        current = None
    return found


def _read_row(
    ctx: _Ctx, run: ValueRun | None, shape: solve.Shape, label: str
) -> list[solve.Candidate]:
    if run is None:
        return []
    if run.exact and len(run.tokens) > shape.size:
        run = ValueRun(fit_exact(run.tokens, shape.size), True, run.start, run.end)
    try:
        cands = solve.row_candidates(run.tokens, shape, exact=run.exact)
    except solve.TooComplex:
        ctx.add("P-03", Severity.WARNING, f"{label}的数字串无法唯一拆分（可能的读法过多）。")
        return []
    if cands:
        return cands
    plain = [t for t in run.tokens if t.kind != "blank"] if not run.exact else list(run.tokens)
    if len(plain) == shape.size:
        # Printed as separate cells that break the row's own identity: keep them as printed,
        # the validator reports the identity (values are never "corrected").
        return solve.row_candidates(plain, solve.Shape(((shape.size, False),)), exact=True)
    return []


def fit_exact(tokens: tuple[solve.Token, ...], size: int) -> tuple[solve.Token, ...]:
    """Trim a geometric row that has more cells than the table has columns.

    Extractors repeat a merged cell in every grid position it covers (document.Table), so a
    value spanning three columns arrives three times; and layout columns add empty cells at
    the ends. Trailing then leading blanks go first; then runs of repeated values collapse,
    but only when that lands exactly on ``size`` (otherwise the row is left for the solver).
    """
    toks = list(tokens)
    while len(toks) > size and toks[-1].kind == "blank":
        toks.pop()
    while len(toks) > size and toks[0].kind == "blank":
        toks.pop(0)
    if len(toks) > size:
        collapsed = [t for i, t in enumerate(toks) if i == 0 or t != toks[i - 1]]
        if len(collapsed) == size:
            return tuple(collapsed)
    return tuple(toks)


# --- table 二 --------------------------------------------------------------------------------


def _table2(ctx: _Ctx, region: tuple[int, int], version: FormatVersion) -> Table2:
    _check_t2_headers(ctx, region, version)
    rows = _rows(ctx, region, T2_ROW_KEYS, "二")
    counts: dict[str, Cell] = {}
    legacy: dict[str, str] = {}
    for row in ("rules", "normative_documents"):
        cells = _t2_cells(ctx, rows.get(row), solve.T2_DOCS, row)
        if version is FormatVersion.V2019:
            _legacy_docs(row, cells, counts, legacy)
        else:
            for fld, cell in zip(("issued", "abolished", "in_force"), cells, strict=True):
                counts[f"{row}.{fld}"] = cell
    for row in ("licensing", "penalty", "coercion"):
        if version is FormatVersion.V2019:
            cells = _t2_cells(ctx, rows.get(row), solve.T2_DOCS, row)
            counts[row] = cells[2]
        else:
            counts[row] = _t2_cells(ctx, rows.get(row), solve.T2_ONE, row)[0]
    fee = _fee(ctx, rows.get("fee"), version)
    if version is FormatVersion.V2019:
        for row in ("other_services", "procurement"):
            if row in rows:
                legacy[row] = " ".join(t.text for t in rows[row].tokens)
    return Table2(counts, fee, legacy)


def _legacy_docs(
    row: str, cells: list[Cell], counts: dict[str, Cell], legacy: dict[str, str]
) -> None:
    """2019 columns 新制作 / 新公开 / 对外公开总数 → 2021 (ogi-spec §3.2)."""
    counts[f"{row}.issued"] = cells[0]
    counts[f"{row}.abolished"] = Cell(None, Provenance.NOT_APPLICABLE)
    counts[f"{row}.in_force"] = Cell(None, Provenance.NOT_APPLICABLE)
    for name, cell in (("newly_published", cells[1]), ("published_total", cells[2])):
        legacy[f"{row}.{name}"] = "" if cell.value is None else str(cell.value)


def _check_t2_headers(ctx: _Ctx, region: tuple[int, int], version: FormatVersion) -> None:
    """P-01: a header within one edit of the official label (本年度止件数, ogi-spec §2.7)."""
    if version is not FormatVersion.V2021:
        return
    lo, hi = ctx.compact_index(region[0]), ctx.compact_index(region[1])
    text = ctx.compact[lo:hi]
    labels = list(T2_HEADERS_2021)
    if not any(h in text for h in T2_FEE_HEADERS):
        labels.append(T2_FEE_HEADERS[0])
    for label in labels:
        hit = find_fuzzy(label, text)
        if hit is not None and not hit[2]:
            printed = text[hit[0] : hit[1]]
            ctx.add(
                "P-01",
                Severity.WARNING,
                f"表二表头“{printed}”与规定标签“{label}”相差一个字，已按“{label}”读取。",
                printed=printed,
                expected=label,
            )


def _t2_cells(ctx: _Ctx, run: ValueRun | None, shape: solve.Shape, row: str) -> list[Cell]:
    keys = [k for k in T2_COUNT_KEYS if k.startswith(row)] or [row]
    if run is None:
        ctx.add("P-04", Severity.WARNING, f"表二未找到“{row}”行。", [t2_id(k) for k in keys])
        return [Cell(None, Provenance.MISSING)] * shape.size
    res = solve.resolve_local(_read_row(ctx, run, shape, f"表二“{row}”行"), shape.size)
    cells = list(_cells(res.values, res.provenance))
    ambiguous = [i for i, c in enumerate(cells) if c.provenance is Provenance.AMBIGUOUS]
    if ambiguous:
        ids = [t2_id(keys[i]) if i < len(keys) else t2_id(row) for i in ambiguous]
        ctx.add(
            "P-03",
            Severity.WARNING,
            f"表二“{row}”行的数字串“{_raw(run)}”有多种拆分，相关单元格无法确定。",
            ids,
            printed=_raw(run),
        )
    return cells


_PROVENANCE: Final = operator.attrgetter("provenance")


def _cell(value: int | None, provenance: Provenance) -> Cell:
    """A shared ``Cell`` (immutable): a report has a few hundred, mostly the same few."""
    key = (value, provenance)
    cell = _CELLS.get(key)
    if cell is None:
        if len(_CELLS) > 4096:
            _CELLS.clear()
        cell = _CELLS[key] = Cell(value, provenance)
    return cell


_CELLS: dict[tuple[int | None, Provenance], Cell] = {}


def _cells(values: solve.Values, provenance: solve.Provs) -> tuple[Cell, ...]:
    """``_cell`` for each cell of a row: memo hits without a Python call per cell."""
    get = _CELLS.get
    return tuple([get(key) or _cell(*key) for key in zip(values, provenance, strict=True)])


def _raw(run: ValueRun) -> str:
    return " ".join(t.text or "□" for t in run.tokens)


def _fee(ctx: _Ctx, run: ValueRun | None, version: FormatVersion) -> MoneyCell:
    """行政事业性收费 本年收费金额 in 万元 (D11); the 2019 table counts fee items instead."""
    if version is FormatVersion.V2019:
        return MoneyCell(None, Provenance.NOT_APPLICABLE)
    if run is None:
        ctx.add("P-04", Severity.WARNING, "表二未找到“行政事业性收费”行。", [t2_id("fee_wan_yuan")])
        return MoneyCell(None, Provenance.MISSING)
    tokens = list(fit_exact(tuple(t for t in run.tokens if t.kind != "blank"), 1))
    if len(tokens) != 1:
        if not tokens and run.exact:
            return MoneyCell(Decimal(0), Provenance.BLANK, "")
        ctx.add("P-03", Severity.WARNING, "表二收费金额无法确定。", [t2_id("fee_wan_yuan")])
        return MoneyCell(None, Provenance.AMBIGUOUS)
    tok = tokens[0]
    if tok.kind == "na":
        return MoneyCell(None, Provenance.NOT_APPLICABLE, tok.text)
    number = tok.text.removesuffix("万元").removesuffix("元")
    try:
        return MoneyCell(Decimal(number), Provenance.READ, tok.text)
    except InvalidOperation:
        return MoneyCell(None, Provenance.AMBIGUOUS, tok.text)


# --- table 三 --------------------------------------------------------------------------------


def _table3(ctx: _Ctx, region: tuple[int, int], version: FormatVersion) -> Table3:
    runs = _rows(ctx, region, T3_ROW_KEYS, "三")
    merged36 = T3_R36_AGGREGATE in runs and not any(f"R3.6.{i}" in runs for i in (1, 2, 3))
    ids = [r for r in T3_ROWS if not (merged36 and r.startswith("R3.6."))]
    if merged36:
        ids.append(T3_R36_AGGREGATE)
    cands = {r: _read_row(ctx, runs.get(r), solve.T3_ROW, f"表三{r}行") for r in ids}
    missing = [r for r in ids if r not in runs]
    if missing:
        ctx.add(
            "P-04",
            Severity.WARNING,
            f"表三缺少{len(missing)}行：{'、'.join(missing)}。",
            [t3_id(r, "C7") for r in missing],
        )
    leaves = [r for r in ids if r in T3_LEAVES or r == T3_R36_AGGREGATE]
    solved, whole = _solve_t3(ctx, cands, leaves)
    if not whole:
        # T3-05 / §2.7: a dropped blank is read as 0 only when the identities confirm the
        # reading of the whole table. Without that (missing rows, truncated text, a source
        # that breaks an identity) a reading that needs imputed cells is not trusted.
        solved = {r: _without_imputation(c) for r, c in solved.items()}
    rows = {r: _t3_row(ctx, r, solved.get(r, []), runs.get(r)) for r in ids}
    if merged36:
        _split_merged36(ctx, rows, version)
    _report_imputed(ctx, rows, skip_r36=merged36)
    return Table3(rows)


def _without_imputation(cands: list[solve.Candidate], size: int = 7) -> list[solve.Candidate]:
    """Keep the row's readings when none needs an imputed cell; else make the row ambiguous."""
    if any(Provenance.IMPUTED in c.provenance for c in cands):
        return [*cands, *_conflict(size)]
    return cands


def _conflict(size: int) -> tuple[solve.Candidate, solve.Candidate]:
    """Two readings that disagree on every cell: appended to force "ambiguous" in resolve_local.

    Sized to the row (7 for a table 三 row, 15 for table 四): a shorter pair made
    ``resolve_local`` index past its values when table 四 was cut short.
    """
    return (
        solve.Candidate((-1,) * size, (Provenance.AMBIGUOUS,) * size),
        solve.Candidate((-2,) * size, (Provenance.AMBIGUOUS,) * size),
    )


def _solve_t3(
    ctx: _Ctx, cands: dict[str, list[solve.Candidate]], leaves: list[str]
) -> tuple[dict[str, list[solve.Candidate]], bool]:
    if all(len(c) == 1 for c in cands.values()):
        return cands, True
    if any(not c for c in cands.values()):
        return cands, False  # a missing or unreadable row: P-03/P-04 already say so
    solved, whole = solve.solve_table3(cands, leaves)
    if not whole:
        ctx.add(
            "P-05",
            Severity.WARNING,
            "表三没有任何读法能同时满足T3-01和T3-03，各行按行内关系单独读取。",
        )
    return solved, whole


def _t3_row(
    ctx: _Ctx, row: str, cands: list[solve.Candidate], run: ValueRun | None
) -> tuple[Cell, ...]:
    if run is None:
        return (Cell(None, Provenance.MISSING),) * 7
    res = solve.resolve_local(cands, 7)
    cells = _cells(res.values, res.provenance)
    if Provenance.AMBIGUOUS not in res.provenance:
        return cells
    unsure = [
        t3_id(row, c)
        for c, cell in zip(T3_COLS, cells, strict=True)
        if cell.value is None and cell.provenance is Provenance.AMBIGUOUS
    ]
    if unsure:
        readings = " | ".join(
            "/".join("—" if v is None else str(v) for v in c.values)
            for c in cands[:6]
            if Provenance.AMBIGUOUS not in c.provenance
        )
        ctx.add(
            "P-03",
            Severity.WARNING,
            f"表三{row}行“{_raw(run)}”有多种符合勾稽关系的读法（{readings or '无'}），"
            "相关单元格不作推断。",
            unsure,
            printed=_raw(run),
            readings=readings,
        )
    return cells


def _split_merged36(ctx: _Ctx, rows: dict[str, tuple[Cell, ...]], version: FormatVersion) -> None:
    """（六）其他处理 printed as one row (2019 format, or a 2021 report like hongze-2023)."""
    agg = rows[T3_R36_AGGREGATE]
    if version is FormatVersion.V2019:
        na = (Cell(None, Provenance.NOT_APPLICABLE),) * 7
        for i in (1, 2, 3):
            rows[f"R3.6.{i}"] = na
        return
    all_zero = all(c.value == 0 for c in agg)
    for i in (1, 2, 3):
        if all_zero:
            rows[f"R3.6.{i}"] = (Cell(0, Provenance.IMPUTED),) * 7
        else:
            rows[f"R3.6.{i}"] = (Cell(None, Provenance.AMBIGUOUS),) * 7
    del rows[T3_R36_AGGREGATE]
    ctx.add(
        "P-09",
        Severity.WARNING,
        "表三“（六）其他处理”只有一行，缺少1/2/3三个子项；"
        + ("该行全为0，子项补为0。" if all_zero else "该行不为0，子项无法拆分。"),
        [t3_id(f"R3.6.{i}", c) for i in (1, 2, 3) for c in T3_COLS],
    )


def _report_imputed(ctx: _Ctx, rows: dict[str, tuple[Cell, ...]], *, skip_r36: bool) -> None:
    provenances = map(_PROVENANCE, itertools.chain.from_iterable(rows.values()))
    if Provenance.IMPUTED not in provenances:
        return  # the usual case, decided at C level (enum members compare by identity first)
    cells = [
        t3_id(r, c)
        for r, row in rows.items()
        for c, cell in zip(T3_COLS, row, strict=True)
        if cell.provenance is Provenance.IMPUTED and not (skip_r36 and r.startswith("R3.6"))
    ]
    if cells:
        ctx.add(
            "P-02",
            Severity.INFO,
            f"表三有{len(cells)}个单元格在文本中缺失，已按勾稽关系（T3-01至T3-03）补为0："
            + "、".join(cells[:8])
            + ("等。" if len(cells) > 8 else "。"),
            cells,
        )


# --- table 四 --------------------------------------------------------------------------------


def _table4(ctx: _Ctx, region: tuple[int, int]) -> Table4:
    runs = [i for i in items(ctx.folded, *region) if isinstance(i, ValueRun)]
    tokens = tuple(t for run in runs for t in run.tokens)
    exact = bool(runs) and all(r.exact for r in runs)
    if not tokens:
        ctx.add("P-04", Severity.WARNING, "未找到表四的数值。", [t4_id(k) for k in T4_CELLS])
        return Table4({k: Cell(None, Provenance.MISSING) for k in T4_CELLS})
    run = ValueRun(tokens, exact, region[0], region[1])
    cands = _read_row(ctx, run, solve.T4_ROW, "表四")
    if region[1] >= len(ctx.flat):
        # Nothing follows table 四 (no section 五): the text may be cut short, so missing
        # cells are not rebuilt as dropped blanks.
        cands = _without_imputation(cands, solve.T4_ROW.size)
    res = solve.resolve_local(cands, 15)
    cells = dict(zip(T4_CELLS, _cells(res.values, res.provenance), strict=True))
    unsure = [t4_id(k) for k, c in cells.items() if c.provenance is Provenance.AMBIGUOUS]
    if unsure:
        ctx.add(
            "P-03",
            Severity.WARNING,
            f"表四数字串“{_raw(run)}”有多种拆分或无法拆分，相关单元格不作推断。",
            unsure,
            printed=_raw(run),
        )
    return Table4(cells)


__all__ = ["PARSE_RULES", "SECTION_HEADINGS", "Assembly", "assemble", "clean_section"]
