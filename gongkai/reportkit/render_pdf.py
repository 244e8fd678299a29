"""Report → PDF (A4) with an embedded, subset CJK font, drawn with fpdf2.

Tables are drawn cell by cell from the shared layout with real ruling lines, so the PDF
extractor reads them back from geometry. Rows never split; a merged cell that crosses a page
break is drawn on both pages with its text repeated, as a reader of the second page needs it.
Pages carry the customary "- n -" page number, which the extractor drops.

The font comes from ``fonts.find_cjk_font`` (AR PL UMing from Debian's ``fonts-arphic-uming``,
else Noto Serif CJK SC from ``fonts-noto-cjk``); without one a ``CJKFontNotFoundError`` says
what to install.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final, cast

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from gongkai.reportkit._layout import LCell, LHeading, LPara, LTable, grid, layout, title_of
from gongkai.reportkit.fonts import find_cjk_font
from gongkai.reportkit.schema import Report

# fontTools' subsetter warns about bitmap tables it drops (AR PL UMing carries EBDT strikes);
# the outlines are what the PDF needs, so those warnings are noise in every render.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

_FONT: Final = "cjk"
_MARGIN: Final = 20.0  # mm
_BODY_PT: Final = 12.0
_TABLE_PT: Final = 9.0
_LINE: Final = 6.5  # mm, body line height
_CELL_LINE: Final = 4.2  # mm, table line height
_CELL_PAD: Final = 1.0  # mm
_WIDTHS: Final = {  # mm per grid column; each table spans the 170 mm text width
    "t2": (50.0, 40.0, 40.0, 40.0),
    "t3": (12.0, 32.0, 50.0, *(76.0 / 7,) * 7),
    "t4": (170.0 / 15,) * 15,
}


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(_FONT, size=10)
        self.cell(0, 6, f"- {self.page_no()} -", align="C")


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    font = find_cjk_font()
    pdf = _Pdf(format="A4", unit="mm")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN)
    pdf.add_font(_FONT, "", str(font.path), collection_font_number=font.index)
    pdf.set_title(title_of(report))
    pdf.set_lang("zh-CN")
    pdf.set_creator("Gongkai reportkit")
    pdf.add_page()
    for block in layout(report):
        if isinstance(block, LHeading):
            _heading(pdf, block)
        elif isinstance(block, LPara):
            _paragraph(pdf, block.text)
        else:
            _Table(pdf, block).draw()
    return bytes(pdf.output())


def _paragraph(pdf: FPDF, text: str) -> None:
    """A body paragraph with a two-character first-line indent.

    The indent is typed as two ideographic spaces, as Chinese word processors do, but the
    first line is set on its own: fpdf2's line breaking drops leading spaces of a paragraph
    that wraps.
    """
    pdf.set_font(_FONT, size=_BODY_PT)
    indent = "\u3000\u3000"
    first_width = pdf.epw - pdf.get_string_width(indent)
    lines = cast(
        list[str],
        pdf.multi_cell(first_width, _LINE, text, dry_run=True, output=MethodReturnValue.LINES),
    )
    first = str(lines[0]) if lines else text
    pdf.cell(pdf.epw, _LINE, indent + first, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    rest = text[len(first) :].lstrip()
    if rest:
        pdf.multi_cell(0, _LINE, rest, new_x=XPos.LMARGIN)


def _heading(pdf: FPDF, block: LHeading) -> None:
    if block.level == 0:
        pdf.set_font(_FONT, size=18)
        pdf.multi_cell(0, 10, block.text, align="C", new_x=XPos.LMARGIN)
        pdf.ln(4)
        return
    pdf.set_font(_FONT, size=14)
    if pdf.will_page_break(30):  # keep a heading with the first lines below it
        pdf.add_page()
    pdf.ln(2)
    pdf.multi_cell(0, 8, "\u3000\u3000" + block.text, new_x=XPos.LMARGIN)


@dataclass(slots=True)
class _Placed:
    page: int
    y: float
    height: float


class _Table:
    """Lays out one table: row heights from wrapped text, then page placement, then drawing."""

    def __init__(self, pdf: FPDF, table: LTable) -> None:
        self.pdf, self.table = pdf, table
        self.widths = _WIDTHS[table.key]
        self.xs = [_MARGIN]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.cells = [
            (r, c, cell)
            for r, row in enumerate(grid(table))
            for c, cell in enumerate(row)
            if cell is not None
        ]

    def draw(self) -> None:
        pdf = self.pdf
        pdf.set_font(_FONT, size=_TABLE_PT)
        pdf.set_line_width(0.3)
        placed = self._place(self._row_heights())
        pdf.set_auto_page_break(auto=False)  # rows are placed already; never break inside
        for page in range(placed[-1].page + 1):  # pages in order: fpdf2 writes forward only
            if page > 0:
                pdf.add_page()
            for r, c, cell in self.cells:
                self._draw_cell(r, c, cell, placed, page)
        pdf.set_auto_page_break(auto=True, margin=_MARGIN)
        last = placed[-1]
        pdf.set_xy(_MARGIN, last.y + last.height + 3)

    def _width(self, c: int, cell: LCell) -> float:
        return self.xs[min(c + cell.colspan, len(self.widths))] - self.xs[c]

    def _lines(self, text: str, width: float) -> list[str]:
        if not text:
            return [""]
        lines = cast(  # output=LINES makes multi_cell return the wrapped lines
            list[str],
            self.pdf.multi_cell(
                width - 2 * _CELL_PAD,
                _CELL_LINE,
                text,
                dry_run=True,
                output=MethodReturnValue.LINES,
            ),
        )
        return [str(line) for line in lines] or [""]

    def _row_heights(self) -> list[float]:
        n = len(self.table.rows)
        heights = [_CELL_LINE + 2 * _CELL_PAD] * n
        spanning: list[tuple[int, int, float]] = []
        for r, c, cell in self.cells:
            need = len(self._lines(cell.text, self._width(c, cell))) * _CELL_LINE + 2 * _CELL_PAD
            if cell.rowspan == 1:
                heights[r] = max(heights[r], need)
            else:
                spanning.append((r, min(r + cell.rowspan, n), need))
        for start, end, need in spanning:  # grow the last row of a span that is too short
            have = sum(heights[start:end])
            if need > have:
                heights[end - 1] += need - have
        return heights

    def _place(self, heights: list[float]) -> list[_Placed]:
        """Each row's page (0 = the current one) and top; a row never splits."""
        bottom = self.pdf.h - _MARGIN
        page, y = 0, self.pdf.get_y()
        placed: list[_Placed] = []
        for h in heights:
            if y + h > bottom and (placed or y > self.pdf.t_margin):
                page, y = page + 1, self.pdf.t_margin
            placed.append(_Placed(page, y, h))
            y += h
        return placed

    def _draw_cell(self, r: int, c: int, cell: LCell, placed: list[_Placed], page: int) -> None:
        part = [p for p in placed[r : r + cell.rowspan] if p.page == page]
        if part:
            top = part[0].y
            height = part[-1].y + part[-1].height - top
            self._box(self.xs[c], top, self._width(c, cell), height, cell)

    def _box(self, x: float, y: float, w: float, h: float, cell: LCell) -> None:
        pdf = self.pdf
        pdf.rect(x, y, w, h)
        text_h = len(self._lines(cell.text, w)) * _CELL_LINE
        pdf.set_xy(x + _CELL_PAD, y + (h - text_h) / 2)
        align = "R" if cell.numeric else ("L" if not cell.header and w > 40 else "C")
        pdf.multi_cell(
            w - 2 * _CELL_PAD, _CELL_LINE, cell.text, align=align, new_x=XPos.LEFT,
            new_y=YPos.NEXT,
        )  # fmt: skip
