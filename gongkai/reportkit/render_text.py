"""Report → plain text laid out like the seed report.

Headings and paragraphs are separated by blank lines; a table row is one line of
tab-separated cells. Unlike the seed, every cell is present: a merged cell's text stands in
its top-left position and the positions it covers are empty, so a row always has as many
cells as the table has columns and a blank value is a visible empty cell, not a dropped one.
"""

from __future__ import annotations

from gongkai.reportkit._layout import LHeading, LPara, LTable, grid, layout
from gongkai.reportkit.schema import Report


def render_text(report: Report) -> str:
    """The report as UTF-8-ready plain text (ends with a newline)."""
    chunks: list[str] = []
    for block in layout(report):
        if isinstance(block, (LHeading, LPara)):
            chunks.append(block.text)
        elif isinstance(block, LTable):
            chunks.append(_table(block))
    return "\n\n".join(chunks) + "\n"


def _table(table: LTable) -> str:
    lines = []
    for row in grid(table):
        lines.append("\t".join(cell.text if cell is not None else "" for cell in row))
    return "\n".join(lines)
