"""Plain text → ``Document``.

Text reports arrive in three shapes (see fixtures/real/SOURCES.md):

* tab- or space-separated lines, as in the seed: each line with tabs (or runs of two or more
  spaces between words) is a table row, but blank cells were dropped, so the rows are marked
  ``geometric=False`` and the assembler rebuilds them with the identities;
* markdown tables from OCR tools (``| a | b |``): the pipes are real cell boundaries, so these
  rows are ``geometric=True`` (an empty cell between pipes is a real blank);
* one flattened line per page (web-archive exports): a single paragraph; the assembler splits
  labels from digit runs.

Ruler lines (``-----``) and markdown separator rows carry no content and are dropped; markdown
heading marks (``###``) and emphasis (``**``) are stripped.
"""

from __future__ import annotations

import re
from typing import Final

from gongkai.reportkit.document import Block, Document, Paragraph, Table

FORMAT: Final = "txt"

_RULER_RE: Final = re.compile(r"^[\s\-=_—─━－~·.*]{3,}$")
_MD_SEPARATOR_RE: Final = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_ROW_RE: Final = re.compile(r"^\s*\|.*\|\s*$")
_SPACED_CELLS_RE: Final = re.compile(r"\t| {2,}|\u3000{2,}")
_HEADING_MARK_RE: Final = re.compile(r"^\s*#{1,6}\s*")


def extract(data: bytes) -> Document:
    """Decode ``data`` (UTF-8, UTF-8 with BOM or GB18030) and read it into blocks."""
    return extract_str(decode(data))


def decode(data: bytes) -> str:
    """Best-effort decoding: UTF-8 first (the fixtures), GB18030 for older Windows exports."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def extract_str(text: str) -> Document:
    """Read already-decoded text into paragraphs and tables."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    geometric = False
    notes: list[str] = []

    def flush() -> None:
        nonlocal rows
        if rows:
            blocks.append(Table(tuple(rows), geometric=geometric))
            rows = []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        kind, cells = _classify_line(line)
        if kind == "skip":
            if "|" not in line:
                notes.append(f"dropped ruler line: {line.strip()[:20]}")
            continue
        if kind in ("md", "tab"):
            if rows and geometric != (kind == "md"):
                flush()
            geometric = kind == "md"
            rows.append(cells)
            continue
        flush()
        if kind == "para":
            blocks.append(Paragraph(cells[0]))
    flush()
    return Document(tuple(blocks), FORMAT, tuple(notes))


def _classify_line(line: str) -> tuple[str, tuple[str, ...]]:
    """One of ("skip"|"blank"|"md"|"tab"|"para", cells)."""
    if not line.strip():
        return "blank", ()
    first = line.lstrip()[:1]
    if first in "-=_—─━－~·.*|:" and (_MD_SEPARATOR_RE.match(line) or _RULER_RE.match(line)):
        return "skip", ()
    if _MD_ROW_RE.match(line):
        inner = line.strip()[1:-1]
        return "md", tuple(_clean_cell(c) for c in inner.split("|"))
    if "\t" in line or len(_SPACED_CELLS_RE.findall(line.strip())) >= 1:
        cells = tuple(_clean_cell(c) for c in _SPACED_CELLS_RE.split(line))
        if sum(1 for c in cells if c) >= 2:
            return "tab", cells
    text = _HEADING_MARK_RE.sub("", line).replace("**", "").strip()
    return "para", (text,)


def _clean_cell(cell: str) -> str:
    return cell.replace("**", "").strip()
