"""Format-neutral intermediate form of a report file.

Every extractor (plain text, HTML, DOCX, PDF) turns its input into a ``Document``:
paragraphs and tables in reading order. The assembler then maps a ``Document`` onto the
report schema by matching the spec's labels. Keeping extraction and assembly apart means
the label matching, the identities and the imputation are written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph or line of running text (headings included)."""

    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a rectangular grid of cell texts, merged cells expanded.

    A cell spanning several rows or columns is repeated in every grid position it covers,
    so ``rows[i][j]`` is always the text a reader sees at that position. ``geometric`` is
    True when column positions come from the source's structure (HTML/DOCX cells, PDF
    ruling lines) and False when they were guessed from whitespace in plain text, in which
    case blank cells may have been dropped and the assembler must rebuild the rows.
    """

    rows: tuple[tuple[str, ...], ...]
    geometric: bool = True


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A report file's content in reading order, plus findings raised while extracting."""

    blocks: tuple[Block, ...]
    source_format: str  # "txt" | "html" | "docx" | "pdf"
    notes: tuple[str, ...] = field(default=())
