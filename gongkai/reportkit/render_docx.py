"""Report → DOCX in the official layout, built with python-docx.

A4 portrait with the margins of GB/T 9704 (party and government documents); body text in
仿宋 三号 (16 pt) with a two-character first-line indent, the title in 宋体 二号, section
headings in 黑体, tables in 宋体 五号 (10.5 pt) with the template's merged header cells.
Chinese font names are written to ``w:eastAsia`` as well as ``w:ascii``/``w:hAnsi``, because
Word and WPS pick the East Asian font from ``w:eastAsia`` and would otherwise fall back to the
theme font. Only python-docx's own API and plain OOXML are used, so the file opens cleanly in
Word, WPS and LibreOffice.
"""

from __future__ import annotations

import io
from typing import Final

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from gongkai.reportkit._layout import LCell, LHeading, LPara, LTable, layout, spans, title_of
from gongkai.reportkit.schema import Report

BODY_FONT: Final = "仿宋"
TABLE_FONT: Final = "宋体"
TITLE_FONT: Final = "宋体"
HEADING_FONT: Final = "黑体"
_BODY_PT: Final = 16.0  # 三号
_TITLE_PT: Final = 22.0  # 二号
_TABLE_PT: Final = 10.5  # 五号
_WIDTHS_MM: Final = {  # per grid column; each table spans the 156 mm text width
    "t2": (48.0, 36.0, 36.0, 36.0),
    "t3": (12.0, 26.0, 48.0, *(70.0 / 7,) * 7),
    "t4": (156.0 / 15,) * 15,
}


def render_docx(report: Report) -> bytes:
    """The report as .docx bytes."""
    doc = new_document()
    _page_setup(doc)
    _default_font(doc)
    doc.core_properties.title = title_of(report)
    doc.core_properties.language = "zh-CN"
    for block in layout(report):
        if isinstance(block, LHeading):
            _heading(doc, block)
        elif isinstance(block, LPara):
            para = doc.add_paragraph()
            para.paragraph_format.first_line_indent = Pt(2 * _BODY_PT)
            _run(para, block.text, BODY_FONT, _BODY_PT)
        else:
            _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _default_font(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(_BODY_PT)
    _east_asian(normal.element.get_or_add_rPr(), BODY_FONT)


def _east_asian(r_pr: CT_RPr, font: str) -> None:
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _run(para: DocxParagraph, text: str, font: str, size: float, *, bold: bool = False) -> None:
    run = para.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold or None
    _east_asian(run._element.get_or_add_rPr(), font)


def _heading(doc: DocxDocument, block: LHeading) -> None:
    para = doc.add_paragraph()
    if block.level == 0:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(_BODY_PT)
        _run(para, block.text, TITLE_FONT, _TITLE_PT, bold=True)
    else:
        para.paragraph_format.first_line_indent = Pt(2 * _BODY_PT)
        para.paragraph_format.keep_with_next = True
        _run(para, block.text, HEADING_FONT, _BODY_PT)


def _table(doc: DocxDocument, table: LTable) -> None:
    n_rows = len(table.rows)
    docx_table: DocxTable = doc.add_table(rows=n_rows, cols=table.n_cols)
    docx_table.style = "Table Grid"
    docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    docx_table.autofit = False
    widths = [Mm(w) for w in _WIDTHS_MM[table.key]]
    # Cell objects taken once: python-docx's table.cell(r, c) rescans the whole table.
    cells = [list(row.cells) for row in docx_table.rows]
    for row in cells:
        for cell_obj, width in zip(row, widths, strict=True):
            cell_obj.width = width
    for r, c, cell in spans(table):
        _fill(cells[r][c], cell)
    for r, c, cell in spans(table):  # merge after filling: merged rectangles are disjoint
        if cell.rowspan > 1 or cell.colspan > 1:
            last = cells[min(r + cell.rowspan, n_rows) - 1][c + cell.colspan - 1]
            cells[r][c].merge(last)
    doc.add_paragraph()  # Word needs a paragraph between tables


def _fill(target: _Cell, cell: LCell) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = target.paragraphs[0]
    para.paragraph_format.first_line_indent = Pt(0)
    para.paragraph_format.space_after = Pt(0)
    if cell.header or cell.numeric:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(para, cell.text, TABLE_FONT, _TABLE_PT)
