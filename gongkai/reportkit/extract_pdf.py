"""PDF → ``Document``: reports with a text layer (Word/WPS exports, our own render).

The page is read with PDFium (``pypdfium2``, which pdfplumber ships with): glyph boxes from the
text layer and path objects for ruling lines. PDFium is used directly because pdfminer's
pure-Python content-stream interpreter takes ~0.5 s for a five-page report; PDFium takes
~20 ms, which is what makes bulk imports of a province's reports practical.

Tables come from geometry, never from the order of the text layer:

1. stroked lines and thin filled bars become horizontal/vertical rules (white fills behind
   text are backgrounds, not rules);
2. rules that touch form a table; the distinct x and y positions give the grid;
3. two neighbouring grid cells are one merged cell when no rule separates them;
4. a glyph belongs to the cell its centre falls in, so vertically centred multi-line labels
   land in their own row whatever order the text layer prints them in;
5. a table that ends a page and one that starts the next with the same left and right edges
   are one table: their column positions are united and a label cell cut by the page break is
   carried into the empty cell below it. Printed page numbers ("- 3 -") are dropped.

Text outside tables is grouped into lines by position and into paragraphs by indentation,
short lines and vertical gaps. A page without rules yields paragraphs only.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gongkai.reportkit._textclean import clean, is_page_marker
from gongkai.reportkit.document import Block, Document, Paragraph, Table
from gongkai.reportkit.errors import ReportReadError

FORMAT = "pdf"
_TOL = 2.0  # pt: rules closer than this are the same rule
_IDEOGRAPHIC_SPACE = "\u3000"
_SAME_LINE = 1.0  # pt: rule positions closer than this are one line drawn in pieces
_THIN = 3.0  # pt: a filled path thinner than this is a rule
_COVER = 0.5  # share of a cell edge a rule must cover to separate two cells
_MAX_PAGES = 500
_NUMBER_RE = re.compile(r"^[0-9][0-9.,]*$")


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    cx: float = 0.0
    cy: float = 0.0

    def __post_init__(self) -> None:
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Line:
    chars: list[_Char]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    text: str = ""
    indented: bool = False

    def finish(self) -> _Line:
        self.chars.sort(key=lambda c: c.x0)
        # A first-line indent typed as ideographic spaces (U+3000) is an indent even where
        # the whole text block is indented; x0 is where the visible text starts.
        self.indented = self.chars[0].text == _IDEOGRAPHIC_SPACE
        self.x0 = min((c.x0 for c in self.chars if c.text != _IDEOGRAPHIC_SPACE), default=0.0)
        self.x1 = max(c.x1 for c in self.chars)
        self.top = min(c.top for c in self.chars)
        self.bottom = max(c.bottom for c in self.chars)
        self.text = _join_chars(self.chars)
        return self


@dataclass(slots=True)
class _Region:
    """A (possibly merged) table cell: grid rows [row0, row1) and its x extent."""

    row0: int
    row1: int
    x0: float
    x1: float
    text: str = ""


@dataclass(slots=True)
class _PdfTable:
    """A ruled table in page coordinates (top-down), before it becomes a grid."""

    xs: list[float]
    ys: list[float]  # row boundaries; only meaningful before tables are joined across pages
    regions: list[_Region]
    owner: list[int]  # grid position (row * n_cols + col) → index in ``regions``

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    @property
    def left(self) -> float:
        return self.xs[0]

    @property
    def right(self) -> float:
        return self.xs[-1]


@dataclass(slots=True)
class _PageBlocks:
    """One page's text lines (outside tables) and tables, top to bottom."""

    width: float
    items: list[tuple[float, _Line | _PdfTable]] = field(default_factory=list)


def extract(data: bytes) -> Document:
    """Read a PDF's text layer into paragraphs and ruled tables in reading order."""
    pdf = _open(data)
    try:
        n_pages = len(pdf)
        if n_pages > _MAX_PAGES:
            raise ReportReadError(FORMAT, f"{n_pages} pages is not an annual report")
        pages = [_read_page(pdf, i) for i in range(n_pages)]
    finally:
        pdf.close()
    if not any(page.items for page in pages):
        raise ReportReadError(
            FORMAT, "the PDF has no text layer (a scan?); run OCR or supply the HTML/DOCX"
        )
    return Document(blocks=tuple(_stitch(pages)), source_format=FORMAT)


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data:
        raise ReportReadError(FORMAT, "the file is empty")
    if b"%PDF" not in data[:1024]:
        raise ReportReadError(FORMAT, "not a PDF file (no %PDF header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReportReadError(FORMAT, f"damaged or encrypted PDF ({exc})") from exc


# --- one page -------------------------------------------------------------------------------


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _PageBlocks:
    page = pdf[index]
    try:
        width, height = page.get_size()
        chars = _chars(page, height)
        hs, vs = _RuleCollector(height).page(page)
    finally:
        page.close()
    tables = _find_tables(hs, vs)
    free: list[_Char] = []
    owned: list[list[_Char]] = [[] for _ in tables]
    for ch in chars:
        k = next((k for k, t in enumerate(tables) if _inside(ch, t)), -1)
        (owned[k] if k >= 0 else free).append(ch)
    for table, table_chars in zip(tables, owned, strict=True):
        _fill_regions(table, table_chars)
    blocks = _PageBlocks(width)
    blocks.items.extend((t.top, t) for t in tables if _has_text(t))
    for ln in _lines(free):
        text = clean(ln.text)
        if text and not is_page_marker(text):
            blocks.items.append((ln.top, ln))
    blocks.items.sort(key=lambda item: item[0])
    return blocks


_Box = tuple[float, float, float, float]  # x0, x1, top, bottom (top-down page coordinates)


def _chars(page: pdfium.PdfPage, height: float) -> list[_Char]:
    """Glyphs of the text layer with their boxes; whitespace is left to the geometry."""
    textpage = page.get_textpage()
    try:
        return _TextReader(textpage.raw, height).chars()
    finally:
        textpage.close()


class _TextReader:
    """Reads glyph codes in one call and boxes glyph by glyph (the costly part)."""

    def __init__(self, raw: Any, height: float) -> None:
        self.raw, self.height = raw, height
        self.count = max(0, pdfium_c.FPDFText_CountChars(raw))
        self._loose = pdfium_c.FS_RECTF()
        self._tight = tuple(ctypes.c_double() for _ in range(4))

    def codes(self) -> list[int]:
        """UTF-16 code units, one per PDFium character index."""
        buffer = (ctypes.c_ushort * (self.count + 1))()
        written = pdfium_c.FPDFText_GetText(self.raw, 0, self.count, buffer)
        return list(buffer[: max(0, written - 1)]) + [0] * (self.count - max(0, written - 1))

    def chars(self) -> list[_Char]:
        found: list[tuple[int, str, _Box]] = []
        loose, ref = self._loose, ctypes.byref(self._loose)
        for i, code in enumerate(self.codes()):
            if code <= 32 or code in (0xA0, 0xFFFE, 0xFFFF) or 0xD800 <= code < 0xE000:
                continue  # whitespace and generated breaks: gaps come from geometry
            if pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, ref):
                box = (loose.left, loose.right, self.height - loose.top, self.height - loose.bottom)
                found.append((i, chr(code), box))
            else:
                tight = self.tight(i)
                if tight is not None:
                    found.append((i, chr(code), tight))
        return self._choose_boxes(found)

    def tight(self, i: int) -> _Box | None:
        left, right, bottom, top = self._tight
        if not pdfium_c.FPDFText_GetCharBox(self.raw, i, *(ctypes.byref(v) for v in self._tight)):
            return None
        return (left.value, right.value, self.height - top.value, self.height - bottom.value)

    def _choose_boxes(self, found: list[tuple[int, str, _Box]]) -> list[_Char]:
        """Prefer the loose (font-height) box; fall back to the tight one when it is absurd.

        Loose boxes give every glyph of a line the same height, which keeps "、" and "." on
        the line of their neighbours. For glyphs of vertically set labels PDFium can return
        a loose box hundreds of points tall; those are recognised against the page's
        typical height and replaced by the glyph's tight box, centred, one line high.
        """
        heights = sorted(box[3] - box[2] for _, _, box in found)
        typical = heights[len(heights) // 2] if heights else 0.0
        out: list[_Char] = []
        for i, text, box in found:
            if box[3] - box[2] <= 3 * typical and box[1] - box[0] <= 3 * typical:
                out.append(_Char(text, *box))
                continue
            tight = self.tight(i) or box
            cy = (tight[2] + tight[3]) / 2
            half = max(typical, tight[1] - tight[0], tight[3] - tight[2]) / 2
            out.append(_Char(text, tight[0], tight[1], cy - half, cy + half))
        return out


# --- rules ----------------------------------------------------------------------------------

_HRule = tuple[float, float, float]  # y, x0, x1
_VRule = tuple[float, float, float]  # x, y0, y1


_Affine = tuple[float, float, float, float, float, float]  # PDF matrix a b c d e f
_IDENTITY: _Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 4


def _apply(m: _Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _compose(outer: _Affine, inner: _Affine) -> _Affine:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    return (
        outer[0] * a + outer[2] * b,
        outer[1] * a + outer[3] * b,
        outer[0] * c + outer[2] * d,
        outer[1] * c + outer[3] * d,
        *_apply(outer, e, f),
    )


def _matrix(raw: Any) -> _Affine | None:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(m)):
        return None
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _RuleCollector:
    """Ruling lines of a page in top-down page coordinates, form XObjects included.

    Objects inside a form XObject report bounds and points in the form's own space (some
    PDF printers wrap each page in one), so the form's matrix is applied on the way down.
    """

    def __init__(self, height: float) -> None:
        self.height = height
        self.hs: list[_HRule] = []
        self.vs: list[_VRule] = []
        self._box = tuple(ctypes.c_float() for _ in range(4))
        self._refs = tuple(ctypes.byref(v) for v in self._box)

    def page(self, page: pdfium.PdfPage) -> tuple[list[_HRule], list[_VRule]]:
        objects = (
            pdfium_c.FPDFPage_GetObject(page.raw, i)
            for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))
        )
        self._objects(objects, _IDENTITY, 0)
        return _merge_collinear(self.hs), _merge_collinear(self.vs)

    def _objects(self, objects: Iterable[Any], outer: _Affine, depth: int) -> None:
        for raw in objects:
            kind = pdfium_c.FPDFPageObj_GetType(raw)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(raw, outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                form = _matrix(raw)
                if form is not None:
                    children = (
                        pdfium_c.FPDFFormObj_GetObject(raw, i)
                        for i in range(pdfium_c.FPDFFormObj_CountObjects(raw))
                    )
                    self._objects(children, _compose(outer, form), depth + 1)

    def _path(self, raw: Any, outer: _Affine) -> None:
        fill, stroke = _draw_mode(raw)
        if not pdfium_c.FPDFPageObj_GetBounds(raw, *self._refs):
            return
        left, bottom, right, top = (v.value for v in self._box)
        corners = [_apply(outer, x, y) for x in (left, right) for y in (bottom, top)]
        x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
        y0 = self.height - max(p[1] for p in corners)
        y1 = self.height - min(p[1] for p in corners)
        w, h = x1 - x0, y1 - y0
        if (stroke or (fill and not _white_fill(raw))) and min(w, h) <= _THIN:
            if w >= h:
                self.hs.append(((y0 + y1) / 2, x0, x1))
            else:
                self.vs.append(((x0 + x1) / 2, y0, y1))
        elif stroke:
            own = _matrix(raw)
            if own is not None:
                self._edges(raw, _compose(outer, own))

    def _edges(self, raw: Any, m: _Affine) -> None:
        """Edges of a stroked path (a rectangle or polyline) that are horizontal or vertical."""
        points: list[tuple[float, float, bool]] = []
        x, y = ctypes.c_float(), ctypes.c_float()
        for i in range(min(pdfium_c.FPDFPath_CountSegments(raw), 2000)):
            seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            px, py = _apply(m, x.value, y.value)
            is_move = pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO
            points.append((px, self.height - py, is_move))
            if pdfium_c.FPDFPathSegment_GetClose(seg):
                start = next((p for p in reversed(points) if p[2]), points[0])
                points.append((start[0], start[1], False))
        for (ax, ay, _), (bx, by, move) in itertools.pairwise(points):
            if move:
                continue
            if abs(ay - by) <= _TOL / 2 and abs(ax - bx) > _TOL:
                self.hs.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
            elif abs(ax - bx) <= _TOL / 2 and abs(ay - by) > _TOL:
                self.vs.append(((ax + bx) / 2, min(ay, by), max(ay, by)))


def _draw_mode(raw: Any) -> tuple[bool, bool]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False, False
    return fill.value != 0, stroke.value != 0


def _white_fill(raw: Any) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    ok = pdfium_c.FPDFPageObj_GetFillColor(
        raw, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
    )
    return bool(ok) and (min(r.value, g.value, b.value) > 200 or a.value == 0)


def _merge_collinear(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Join rules on the same line whose extents touch (Word draws one segment per cell)."""
    clusters: list[list[tuple[float, float, float]]] = []
    for rule in sorted(rules):
        if clusters and rule[0] - clusters[-1][-1][0] <= _SAME_LINE:
            clusters[-1].append(rule)
        else:
            clusters.append([rule])
    out: list[tuple[float, float, float]] = []
    for cluster in clusters:
        pos = sum(r[0] for r in cluster) / len(cluster)
        merged: list[list[float]] = []
        for _, a, b in sorted(cluster, key=lambda r: r[1]):
            if merged and a <= merged[-1][1] + _TOL:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out.extend((pos, a, b) for a, b in merged)
    return out


# --- tables ---------------------------------------------------------------------------------


def _find_tables(hs: list[_HRule], vs: list[_VRule]) -> list[_PdfTable]:
    """Group touching rules into tables and build each table's merged-cell regions."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - _TOL <= x <= hx1 + _TOL and vy0 - _TOL <= y <= vy1 + _TOL:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[_HRule], list[_VRule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables = [_build_table(g_hs, g_vs) for g_hs, g_vs in groups.values()]
    return sorted((t for t in tables if t is not None), key=lambda t: t.top)


def _positions(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _TOL:
            continue
        out.append(v)
    return out


def _build_table(hs: list[_HRule], vs: list[_VRule]) -> _PdfTable | None:
    xs = _positions(v[0] for v in vs)
    if hs:  # an outer border may be missing; the horizontal rules still show the extent
        left, right = min(h[1] for h in hs), max(h[2] for h in hs)
        if left < xs[0] - 2 * _TOL:
            xs.insert(0, left)
        if right > xs[-1] + 2 * _TOL:
            xs.append(right)
    ys = _positions([h[0] for h in hs] + [min(v[1] for v in vs), max(v[2] for v in vs)])
    if len(xs) < 3 or len(ys) < 2:  # one column: a box around text, not a table
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    ids = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while ids[i] != i:
            ids[i] = ids[ids[i]]
            i = ids[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _covered(vs, xs[c + 1], ys[r], ys[r + 1]):
                ids[find(r * n_cols + c + 1)] = find(r * n_cols + c)
            if r + 1 < n_rows and not _covered(hs, ys[r + 1], xs[c], xs[c + 1]):
                ids[find((r + 1) * n_cols + c)] = find(r * n_cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = spans.setdefault(find(r * n_cols + c), [r, r, c, c])
            box[0], box[1] = min(box[0], r), max(box[1], r)
            box[2], box[3] = min(box[2], c), max(box[3], c)
    regions = [_Region(r0, r1 + 1, xs[c0], xs[c1 + 1]) for r0, r1, c0, c1 in spans.values()]
    index = {root: k for k, root in enumerate(spans)}
    owner = [index[find(i)] for i in range(n_rows * n_cols)]
    return _PdfTable(xs, ys, regions, owner)


def _covered(rules: Sequence[tuple[float, float, float]], pos: float, a: float, b: float) -> bool:
    """True when rules at ``pos`` cover at least half of the edge from ``a`` to ``b``."""
    total = 0.0
    for p, r0, r1 in rules:
        if abs(p - pos) <= _TOL:
            total += max(0.0, min(r1, b) - max(r0, a))
    return total >= _COVER * (b - a)


def _inside(ch: _Char, table: _PdfTable) -> bool:
    return table.left <= ch.cx <= table.right and table.top <= ch.cy <= table.bottom


def _fill_regions(table: _PdfTable, chars: list[_Char]) -> None:
    n_cols = len(table.xs) - 1
    buckets: dict[int, list[_Char]] = {}
    for ch in chars:
        col = min(max(bisect.bisect_right(table.xs, ch.cx) - 1, 0), n_cols - 1)
        row = min(max(bisect.bisect_right(table.ys, ch.cy) - 1, 0), table.n_rows - 1)
        buckets.setdefault(table.owner[row * n_cols + col], []).append(ch)
    for k, cell_chars in buckets.items():
        lines = _lines(cell_chars)
        text = clean("".join(line.text for line in lines if not is_page_marker(line.text)))
        table.regions[k].text = text


def _has_text(table: _PdfTable) -> bool:
    return any(reg.text for reg in table.regions)


# --- running text ---------------------------------------------------------------------------


def _join_chars(chars: list[_Char]) -> str:
    """Characters of one line in x order; a gap wider than half a glyph becomes a space."""
    parts: list[str] = []
    prev: _Char | None = None
    for ch in chars:
        if prev is not None and ch.x0 - prev.x1 > 0.5 * (prev.bottom - prev.top):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    return "".join(parts)


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group characters whose vertical centres are within half a glyph height into lines."""
    lines: list[_Line] = []
    current: list[_Char] = []
    total = 0.0
    for ch in sorted(chars, key=lambda c: c.cy):
        if current and abs(ch.cy - total / len(current)) > 0.5 * (ch.bottom - ch.top):
            lines.append(_Line(current).finish())
            current, total = [], 0.0
        current.append(ch)
        total += ch.cy
    if current:
        lines.append(_Line(current).finish())
    return lines


@dataclass(slots=True)
class _Margins:
    left: float
    right: float


def _margins(pages: list[_PageBlocks]) -> _Margins:
    """The text block's left and right edges over the whole document.

    Measured on all pages because a page may hold only short lines; where no line reaches
    the right edge the margins are taken as symmetric, as they are on A4 office documents.
    """
    lines = [item for page in pages for _, item in page.items if isinstance(item, _Line)]
    if not lines:
        return _Margins(0.0, 0.0)
    width = max(page.width for page in pages)
    left = min(ln.x0 for ln in lines)
    right = max(max(ln.x1 for ln in lines), width - left)
    return _Margins(left, right)


def _centred(ln: _Line, margins: _Margins, em: float) -> bool:
    left_gap, right_gap = ln.x0 - margins.left, margins.right - ln.x1
    return left_gap > 2 * em and abs(left_gap - right_gap) < 1.5 * em


def _starts_paragraph(prev: _Line, ln: _Line, margins: _Margins, same_page: bool) -> bool:
    em = max(ln.bottom - ln.top, 1.0)
    prev_em = max(prev.bottom - prev.top, 1.0)
    if same_page and _centred(prev, margins, em) and _centred(ln, margins, em):
        # a title set on two centred lines is one paragraph
        return abs(em - prev_em) > 0.15 * em or ln.top - prev.bottom > 1.2 * em
    return (
        abs(em - prev_em) > 0.15 * max(em, prev_em)  # another font size: title or heading
        or ln.indented
        or ln.x0 > margins.left + 1.2 * em  # first-line indent (two characters in Chinese)
        or prev.x1 < margins.right - 2.0 * em  # the previous line stopped short
        or (same_page and ln.top - prev.bottom > 1.2 * em)  # a blank line between
    )


# --- across pages ---------------------------------------------------------------------------


def _stitch(pages: list[_PageBlocks]) -> list[Block]:
    """Lines → paragraphs and tables → grids, joining both across page breaks."""
    stitcher = _Stitcher(_margins(pages))
    for number, page in enumerate(pages):
        for k, (_, item) in enumerate(page.items):
            if isinstance(item, _Line):
                stitcher.add_line(item, number)
            else:
                stitcher.add_table(item, first_on_page=k == 0)
    stitcher.flush()
    return stitcher.blocks


class _Stitcher:
    """Collects lines into paragraphs or whitespace tables, and ruled tables over pages."""

    def __init__(self, margins: _Margins) -> None:
        self.margins = margins
        self.blocks: list[Block] = []
        self.lines: list[_Line] = []
        self.rows: list[tuple[int, _Line, list[str]]] = []  # candidate whitespace-table rows
        self.table: _PdfTable | None = None
        self.page = -1

    def add_line(self, line: _Line, page: int) -> None:
        self._flush_table()
        cells = _gap_cells(line)
        if len(cells) >= 2 and any(_NUMBER_RE.match(c) for c in cells):
            self.rows.append((page, line, cells))
        else:
            self._flush_rows()
            self._add_text_line(line, page)
        self.page = page

    def _add_text_line(self, line: _Line, page: int) -> None:
        if self.lines and _starts_paragraph(self.lines[-1], line, self.margins, page == self.page):
            self._flush_lines()
        self.lines.append(line)

    def add_table(self, table: _PdfTable, *, first_on_page: bool) -> None:
        if self.table is not None and first_on_page and _same_frame(self.table, table):
            self.table = _concat(self.table, table)  # the table goes on over the page break
            return
        self.flush()
        self.table = table

    def flush(self) -> None:
        self._flush_rows()
        self._flush_lines()
        self._flush_table()

    def _flush_lines(self) -> None:
        if self.lines:
            text = clean("".join(ln.text for ln in self.lines))
            if text:
                self.blocks.append(Paragraph(text))
            self.lines.clear()

    def _flush_rows(self) -> None:
        """Two or more lines of number columns without rules: a table guessed from gaps."""
        rows, self.rows = self.rows, []
        if len(rows) < 2:
            for page, line, _ in rows:
                self._add_text_line(line, page)
            return
        header = _gap_cells(self.lines[-1]) if self.lines else []
        if len(header) >= 2:  # a header line of column labels directly above the numbers
            rows.insert(0, (rows[0][0], self.lines.pop(), header))
        self._flush_lines()
        width = max(len(cells) for _, _, cells in rows)
        grid = tuple(tuple(cells) + ("",) * (width - len(cells)) for _, _, cells in rows)
        self.blocks.append(Table(rows=grid, geometric=False))

    def _flush_table(self) -> None:
        if self.table is not None:
            self.blocks.append(Table(rows=_grid(self.table)))
            self.table = None


def _gap_cells(line: _Line) -> list[str]:
    """A line split where the gap between glyphs is wider than 1.5 glyph heights."""
    em = max(line.bottom - line.top, 1.0)
    cells: list[list[_Char]] = []
    prev: _Char | None = None
    for ch in line.chars:
        if ch.text == _IDEOGRAPHIC_SPACE:
            continue
        if prev is None or ch.x0 - prev.x1 > 1.5 * em:
            cells.append([])
        cells[-1].append(ch)
        prev = ch
    return [clean(_join_chars(chars)) for chars in cells]


def _same_frame(a: _PdfTable, b: _PdfTable) -> bool:
    return abs(a.left - b.left) <= 3 * _TOL and abs(a.right - b.right) <= 3 * _TOL


def _concat(a: _PdfTable, b: _PdfTable) -> _PdfTable:
    """``b`` continues ``a`` on the next page: unite the columns, carry cut label cells."""
    xs = _positions(a.xs + b.xs)
    shifted = [_Region(r.row0 + a.n_rows, r.row1 + a.n_rows, r.x0, r.x1, r.text) for r in b.regions]
    last_row = [r for r in a.regions if r.row1 == a.n_rows]
    for reg in shifted:
        if reg.row0 != a.n_rows or reg.text:
            continue
        above = next((r for r in last_row if _overlaps(r, reg)), None)
        if above is not None and above.row1 - above.row0 > 1 and not _NUMBER_RE.match(above.text):
            reg.text = above.text  # a merged label cell cut by the page break
    return _PdfTable(xs, a.ys + b.ys[1:], a.regions + shifted, [])


def _overlaps(a: _Region, b: _Region) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > _TOL


def _grid(table: _PdfTable) -> tuple[tuple[str, ...], ...]:
    n_cols = len(table.xs) - 1
    grid = [[""] * n_cols for _ in range(table.n_rows)]
    mids = [(table.xs[c] + table.xs[c + 1]) / 2 for c in range(n_cols)]
    for reg in table.regions:
        cols = [c for c, mid in enumerate(mids) if reg.x0 <= mid <= reg.x1]
        for r in range(reg.row0, reg.row1):
            for c in cols:
                grid[r][c] = reg.text
    return tuple(tuple(row) for row in grid)
