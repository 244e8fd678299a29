"""Linearise a ``Document`` and cut it into text runs and value runs.

The assembler works on one string so that headings can be found wherever an extractor put
them (a flattened web page has the whole report on one line). Separators keep what the
source knew:

* ``\\n`` between paragraphs and table rows;
* ``\\t`` between cells of a row whose boundaries were guessed from whitespace
  (``Table.geometric`` False): blank cells may be missing;
* ``\\x1f`` between cells of a geometric row: every cell, blank ones included, is real.

``items`` turns a stretch of that string into alternating ``TextRun`` (labels, headers) and
``ValueRun`` (numbers, "/" marks, explicit blanks). Digits that belong to labels stay text:
ordinals glued to the next label ("00000002.其他…" is the row 0000000 then "2.其他…"),
digits inside brackets ("（单位：万元，保留4位小数）") and numbers with a unit word (年, 项).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

from gongkai.reportkit.document import Document, Paragraph
from gongkai.reportkit.labels import squeeze
from gongkai.reportkit.solve import Token

ROW_SEP: Final = "\n"
GUESSED_SEP: Final = "\t"
CELL_SEP: Final = "\x1f"


def linearize(doc: Document) -> str:
    """The document as one string (see the module docstring for separators)."""
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text.replace(CELL_SEP, " "))
            continue
        sep = CELL_SEP if block.geometric else GUESSED_SEP
        rows = block.rows
        if not rows:
            continue
        # Usually no cell holds a line break or a cell separator: then the whole table is
        # its rows joined, checked with two counts instead of two tests per row.
        text = ROW_SEP.join([sep.join(row) for row in rows])
        seps = sum(map(len, rows)) - len(rows) if block.geometric else 0
        if text.count("\n") == len(rows) - 1 and text.count(CELL_SEP) == seps:
            parts.append(text)
            continue
        for row in rows:
            line = sep.join(row)
            if "\n" in line or line.count(CELL_SEP) != (len(row) - 1 if block.geometric else 0):
                # A cell holds a line break or a cell separator of its own: replace per cell.
                line = sep.join(c.replace("\n", " ").replace(CELL_SEP, " ") for c in row)
            parts.append(line)
    return ROW_SEP.join(parts)


# TextRun and ValueRun are not frozen: dozens are built per table and a frozen dataclass's
# __init__ (object.__setattr__ per field) costs about three times as much. Nothing mutates
# them; ``_merge`` builds new ones.
@dataclass(slots=True)
class TextRun:
    """Label or header text, compacted for matching."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ValueRun:
    """Numbers between two text runs; ``exact`` when they came from real cells."""

    tokens: tuple[Token, ...]
    exact: bool
    start: int
    end: int


Item = TextRun | ValueRun

_NUM_RE: Final = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_NA_RE: Final = re.compile(r"[/—\-–]+")
_PAREN_RE: Final = re.compile(r"\([^()\n]{0,80}\)|〔[^〔〕\n]{0,20}〕")
_ORDINAL_AFTER_RE: Final = re.compile(r"[.、]\s?[^\d\s./、]")
_UNIT_AFTER_RE: Final = re.compile(r"\s?(?:年|月|日|条|项|号|%|个|类|是|\.\d)")
_VALUE_CELL_RE: Final = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万?元)?$")
_NA_CELL_RE: Final = re.compile(r"^[/—\-–]+$|^无$")
_SEP_STRING: Final = " \t\n\r|" + CELL_SEP
_SEP_CHARS: Final = frozenset(_SEP_STRING)


def items(flat: str, start: int = 0, end: int | None = None) -> list[Item]:
    """Text and value runs of ``flat[start:end]`` in order; ``flat`` must be folded
    (``labels.fold``), which keeps positions, so callers fold a document once."""
    stop = len(flat) if end is None else end
    out: list[Item] = []
    pos = start
    while pos < stop:
        nl = flat.find(ROW_SEP, pos, stop)
        line_end = stop if nl < 0 else nl
        line = flat[pos:line_end]
        if CELL_SEP in line:
            out.extend(_exact_row(line, pos))
        elif line:  # an empty line has no runs
            out.extend(_flat_line(line, pos))
        pos = line_end + 1
    return _merge(out)


def _exact_row(line: str, offset: int) -> list[Item]:
    """A geometric row: each cell is a label, a value or a blank."""
    result: list[Item] = []
    labels: list[str] = []
    values: list[Token] = []
    cursor = offset
    memo = _CELL_TOKENS
    if len(memo) > 8192:
        memo.clear()
    for cell in line.split(CELL_SEP):
        try:
            token = memo[cell]
        except KeyError:
            token = memo[cell] = _cell_token(cell.strip())
        if token is None:
            if values:
                result.append(ValueRun(tuple(values), True, cursor, cursor))
                values = []
            labels.append(cell)
        else:
            if labels:
                result.append(TextRun(squeeze("".join(labels)), cursor, cursor))
                labels = []
            values.append(token)
        cursor += len(cell) + 1
    if labels:
        result.append(TextRun(squeeze("".join(labels)), cursor, cursor))
    if values:
        result.append(ValueRun(tuple(values), True, cursor, cursor))
    return result


# Cell text → its token (None: a label). Cells repeat ("0", "", "/"); tokens are immutable.
_CELL_TOKENS: dict[str, Token | None] = {}


def _cell_token(cell: str) -> Token | None:
    if not cell:
        return Token("blank", "")
    if _NA_CELL_RE.match(cell):
        return Token("na", cell)
    match = _VALUE_CELL_RE.match(cell)
    if match is None:
        return None
    return _number_token(match.group(1), match.group(2))


def _number_token(text: str, unit: str | None = None) -> Token:
    key = (text, unit)
    token = _NUMBER_TOKENS.get(key)
    if token is None:
        if len(_NUMBER_TOKENS) > 8192:
            _NUMBER_TOKENS.clear()
        grouped = "," in text
        digits = text.replace(",", "")
        if "." in digits or unit:
            token = Token("dec", digits + (unit or ""), grouped)
        else:
            token = Token("num", digits, grouped)
        _NUMBER_TOKENS[key] = token
    return token


_NUMBER_TOKENS: dict[tuple[str, str | None], Token] = {}


def _flat_line(line: str, offset: int) -> list[Item]:
    """A line whose cell boundaries are unknown: cut at digit/label transitions."""
    folded = line
    protected = (
        [(m.start(), m.end()) for m in _PAREN_RE.finditer(folded)]
        if "(" in folded or "〔" in folded
        else []
    )
    spans: list[tuple[int, int, Token]] = []
    clear_from = protected[-1][1] if protected else 0  # no bracket reaches past this
    for match in _NUM_RE.finditer(folded):
        start, end = match.span()
        if start >= clear_from and not (
            start > 0 and folded[start - 1].isascii() and folded[start - 1].isalpha()
        ):
            nxt = folded[end : end + 1]
            if not nxt or (nxt in _SEP_CHARS and nxt != " ") or nxt.isdigit():
                # The common case of ``_number_span``: a value followed by a tab or line end.
                spans.append((start, end, _number_token(match.group())))
                continue
        span = _number_span(folded, match, protected)
        if span is not None:
            spans.append(span)
    ordered = True
    for match in _NA_RE.finditer(folded):
        if _standalone(folded, match.start(), match.end()):
            spans.append((match.start(), match.end(), Token("na", match.group())))
            ordered = False
    if not ordered:
        spans.sort(key=lambda s: s[0])
    return _runs(line, folded, spans, offset)


def _number_span(
    folded: str, match: re.Match[str], protected: list[tuple[int, int]]
) -> tuple[int, int, Token] | None:
    start, end = match.start(), match.end()
    if protected:
        k = bisect.bisect_right(protected, (start, len(folded) + 1)) - 1
        if k >= 0 and protected[k][0] <= start < protected[k][1]:
            return None
    if start > 0 and folded[start - 1].isascii() and folded[start - 1].isalpha():
        return None  # "IPv6", "数据1"-style label digits glued to Latin text
    text = match.group()
    nxt = folded[end : end + 1]
    if not nxt or (nxt in _SEP_CHARS and nxt != " ") or nxt.isdigit():
        return start, end, _number_token(text)  # the common case: a value followed by a tab
    if _ORDINAL_AFTER_RE.match(folded, end) and "." not in text:
        # "…00000002.其他": the last digit numbers the next label (ordinals are 1–9).
        if len(text) == 1:
            return None
        text, end = text[:-1], end - 1
    elif _UNIT_AFTER_RE.match(folded, end):
        return None
    unit = None
    if folded.startswith("万元", end):
        unit = "万元"
    elif folded.startswith("元", end):
        unit = "元"
    token = _number_token(text, unit)
    return start, end + (len(unit) if unit else 0), token


def _standalone(folded: str, start: int, end: int) -> bool:
    """A "/" or dash is a not-applicable mark only when no label text touches it."""
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return (before in _SEP_CHARS or before.isdigit()) and (after in _SEP_CHARS or after.isdigit())


def _runs(line: str, folded: str, spans: list[tuple[int, int, Token]], offset: int) -> list[Item]:
    out: list[Item] = []
    cursor = 0
    tokens: list[Token] = []
    vstart = 0
    for s, e, tok in spans:
        if s < cursor:
            continue  # overlapping NA/number matches: the first wins
        if folded[cursor:s].strip(_SEP_STRING):  # some label text lies between
            if tokens:
                out.append(ValueRun(tuple(tokens), False, offset + vstart, offset + cursor))
                tokens = []
            out.append(TextRun(squeeze(line[cursor:s]), offset + cursor, offset + s))
        if not tokens:
            vstart = s
        tokens.append(tok)
        cursor = e
    if tokens:
        out.append(ValueRun(tuple(tokens), False, offset + vstart, offset + cursor))
    tail = folded[cursor:]
    if tail.strip(" \t|"):
        out.append(TextRun(squeeze(line[cursor:]), offset + cursor, offset + len(line)))
    return out


def _merge(seq: list[Item]) -> list[Item]:
    """Join neighbouring runs of the same kind (a row's values may wrap to the next line)."""
    merged: list[Item] = []
    last: Item | None = None  # merged[-1], kept in a local
    for item in seq:
        if isinstance(item, TextRun):
            if isinstance(last, TextRun):
                last = merged[-1] = TextRun(last.text + item.text, last.start, item.end)
                continue
        elif not item.exact and isinstance(last, ValueRun) and not last.exact:
            last = merged[-1] = ValueRun(last.tokens + item.tokens, False, last.start, item.end)
            continue
        merged.append(item)
        last = item
    return merged
