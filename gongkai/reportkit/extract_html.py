"""HTML → ``Document``: government web pages, Word exports pasted into a CMS, our own render.

What real pages throw at us (see fixtures/real/SOURCES.md):

* Word exports with kilobytes of ``mso-*`` inline style per cell, ``<o:p>`` tags, values
  wrapped as ``<font>&nbsp;</font><font>5</font>``, headers split one character per ``<p>``;
* ``rowspan``/``colspan`` headers, a group cell repeated when Word split a table across pages;
* page chrome around the report (breadcrumbs, share buttons, QR-code labels).

Tables are expanded into rectangular grids (a merged cell repeated in every position it
covers). Text inside a cell is joined without separators, because the paragraphs and line
breaks inside a cell are layout ("商业<br>企业" is one word). Outside tables every block element
and ``<br>`` ends a paragraph. A table that contains another table, or has a single column,
is a layout box: its cells are walked as running text. Chrome paragraphs are kept; the
assembler finds the headings.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from gongkai.reportkit._textclean import clean
from gongkai.reportkit.document import Block, Document, Paragraph, Table
from gongkai.reportkit.errors import ReportReadError

FORMAT = "html"

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
     "svg", "math", "select", "option", "textarea", "button", "input", "map", "area", "audio",
     "video", "canvas"}
)  # fmt: skip
_BLOCK = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
     "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "address",
     "figure", "figcaption", "form", "fieldset", "legend", "hr", "main", "center", "table",
     "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "body", "html", "br"}
)  # fmt: skip
_MAX_COLSPAN = 100
_MAX_COLUMNS = 400
_MAX_ROWS = 5000
_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_XML_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_ROWS_XPATH = etree.XPath("tr|thead/tr|tbody/tr|tfoot/tr")
_HIDDEN_XPATH = etree.XPath(  # lower-cased, spaces removed (XPath 1.0 has no lower-case())
    "//*[@hidden or contains(translate(@style, 'ABCDEILNOPSY ', 'abcdeilnopsy'), 'display:none')]"
)
# Both start with a literal, which the regex engine finds with a fast substring search.
_DISPLAY_NONE_RE = re.compile(rb"display\s*:\s*none")
_HIDDEN_WORD_RE = re.compile(rb"hidden[\s=>]")
# Word exports carry 1-2 kB of inline CSS per cell; dropping it before parsing halves the time.
_STYLE_ATTR_RE = re.compile(rb"""\s[Ss][Tt][Yy][Ll][Ee]\s?=\s?(?:"[^"]*"|'[^']*')""")
# The usual spelling (space, lower case) starts with a literal, which the regex engine finds
# with a fast substring search; ``_STYLE_ATTR_RE`` (a test at every whitespace byte) then only
# runs when some other spelling is left.
_STYLE_ATTR_FAST_RE = re.compile(rb""" style\s?=\s?(?:"[^"]*"|'[^']*')""")
_STYLE_WORD_RE = re.compile(rb"style")


def extract(data: bytes) -> Document:
    """Read an HTML page into paragraphs and table grids in reading order."""
    hidden = _has_hidden(data)
    if not hidden:  # inline CSS matters only for hiding; without any, it is dead weight
        data = _strip_style(data)
    encoding = _encoding(data)
    parser = etree.HTMLParser(
        encoding=encoding, remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, LookupError) as exc:
        raise ReportReadError(FORMAT, f"not parseable as HTML ({exc})") from exc
    if root is None:
        raise ReportReadError(FORMAT, "the page contains no markup or text")
    if hidden:
        _drop_hidden(root)
    walker = _Walker()
    blocks = tuple(walker.walk(root))
    if not blocks:
        raise ReportReadError(FORMAT, "the page contains no text")
    return Document(blocks=blocks, source_format=FORMAT, notes=tuple(walker.notes))


def _has_hidden(data: bytes) -> bool:
    """Cheap test for hidden content: ``display: none``, or ``hidden`` after whitespace."""
    lowered = data.lower()
    if _DISPLAY_NONE_RE.search(lowered) is not None:
        return True
    # ``\shidden[\s=>]`` tried at every whitespace byte is 12× slower than this.
    return any(
        lowered[m.start() - 1 : m.start()].isspace() for m in _HIDDEN_WORD_RE.finditer(lowered)
    )


def _strip_style(data: bytes) -> bytes:
    """``data`` without inline ``style`` attributes (their text is never shown).

    Word's empty ``<o:p></o:p>`` paragraph marks (one per cell) go too: they hold no text,
    and a third fewer elements makes parsing and walking the tree cheaper.
    """
    data = _STYLE_ATTR_FAST_RE.sub(b"", data).replace(b"<o:p></o:p>", b"")
    lowered = data.lower()
    # Some other spelling is left when a "style" is not part of "<style" or "</style" (the
    # same test as comparing the three counts, in one search instead of three scans).
    if any(
        lowered[m.start() - 1 : m.start()] != b"<" and lowered[m.start() - 2 : m.start()] != b"</"
        for m in _STYLE_WORD_RE.finditer(lowered)
    ):
        data = _STYLE_ATTR_RE.sub(b"", data)
    return data


def _drop_hidden(root: etree._Element) -> None:
    """Remove elements a browser does not show (``display:none``, ``hidden``), keeping tails."""
    for el in _HIDDEN_XPATH(root):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


# --- decoding ---------------------------------------------------------------------------------


def _encoding(data: bytes) -> str:
    """The page's encoding: BOM, then <meta charset>/XML declaration, then UTF-8 or GB18030."""
    if not data.strip():
        raise ReportReadError(FORMAT, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if len(head) - len(head.translate(None, _CONTROL)) > max(2, len(head) // 100):
        raise ReportReadError(FORMAT, "the file is binary, not an HTML page")
    declared = _declared_encoding(head)
    if declared is not None:
        return declared
    if data.isascii():
        return "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _declared_encoding(head: bytes) -> str | None:
    match = _CHARSET_RE.search(head) or _XML_ENC_RE.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn"}:
        return "gb18030"  # superset; pages labelled GB2312 routinely contain GBK characters
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# --- walking ----------------------------------------------------------------------------------


class _Walker:
    """Turns the element tree into blocks; keeps the text of the paragraph being built."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.notes: list[str] = []

    def walk(self, root: etree._Element) -> list[Block]:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):
                tag = ""
            if event == "start":
                if self._start(tag, el):
                    walker.skip_subtree()
            else:
                if tag in _BLOCK:
                    self._flush()
                if el.tail and el is not root:
                    self.parts.append(el.tail)
        self._flush()
        return self.blocks

    def _start(self, tag: str, el: etree._Element) -> bool:
        """Handle an opening tag; True when its subtree was consumed (or must be skipped)."""
        if tag in _SKIP or not tag:
            return True
        if tag in _BLOCK:
            self._flush()
        if tag == "table":
            grid = _grid(el, self.notes)
            if grid is not None:
                self._emit_caption(el)
                self.blocks.append(Table(rows=grid))
                return True
        if el.text:
            self.parts.append(el.text)
        return False

    def _emit_caption(self, table: etree._Element) -> None:
        for child in table.iterchildren("caption"):
            text = _cell_text(child)
            if text:
                self.blocks.append(Paragraph(text))

    def _flush(self) -> None:
        if self.parts:
            text = clean("".join(self.parts))
            self.parts.clear()
            if text:
                self.blocks.append(Paragraph(text))


# --- tables -----------------------------------------------------------------------------------


_NUMBER_RE = re.compile(r"^[0-9０-９][0-9０-９.,，]*$")
_SPAN_RE = re.compile(r"\s*(\d+)")


def _span(raw: str, limit: int) -> int:
    if raw.isdigit() and raw.isascii():
        value = int(raw)
    else:
        digits = _SPAN_RE.match(raw)
        if digits is None:
            return 1
        value = int(digits.group(1))
    return limit if value == 0 else max(1, min(value, limit))  # rowspan=0: to the end


def _cell_text(td: etree._Element) -> str:
    """The text a reader sees in a cell (libxml2's own text serialisation: one C call is
    cheaper than reading ``.text``/``.tail`` of even a single child)."""
    return clean(etree.tostring(td, method="text", encoding=str, with_tail=False))


def _is_number(text: str) -> bool:
    return text[:1] in _DIGITS and _NUMBER_RE.match(text) is not None


class _Grid:
    """The HTML table model: expands spans and remembers where each cell starts."""

    def __init__(self, n_rows: int) -> None:
        self.cells: list[list[str | None]] = [[] for _ in range(n_rows)]
        self.starts: list[set[int]] = [set() for _ in range(n_rows)]
        self.numeric: list[bool] = [False] * n_rows  # a number was placed in the row

    def add_row(self, r: int, tr: etree._Element) -> None:
        row, n_rows, col = self.cells[r], len(self.cells), 0
        starts, numeric, get_text = self.starts[r], self.numeric, _cell_text
        for td in tr:  # plain iteration and a set test: ~3× cheaper than iterchildren(tags)
            if td.tag not in _CELL_TAGS:
                continue
            while col < len(row) and row[col] is not None:
                col += 1
            colspan = rowspan = 1
            names = td.keys()  # one call instead of two ``get``s for the usual cell
            if "colspan" in names:
                colspan = _span(td.get("colspan", ""), _MAX_COLSPAN)
            if "rowspan" in names:
                rowspan = _span(td.get("rowspan", ""), n_rows - r)
            if col + colspan > _MAX_COLUMNS:
                return
            starts.add(col)
            text = get_text(td)
            if colspan == rowspan == 1 and col == len(row):
                row.append(text)
                if not numeric[r] and text[:1] in _DIGITS and _NUMBER_RE.match(text):
                    numeric[r] = True
            else:
                self._fill(r, col, rowspan, colspan, text, _is_number(text))
            col += colspan

    def _fill(self, r: int, col: int, rowspan: int, colspan: int, text: str, number: bool) -> None:
        for rr in range(r, min(r + rowspan, len(self.cells))):
            target = self.cells[rr]
            if len(target) < col + colspan:
                target.extend([None] * (col + colspan - len(target)))
            for cc in range(col, col + colspan):
                if target[cc] is None:
                    target[cc] = text
                    if number:
                        self.numeric[rr] = True

    def rows(self) -> tuple[list[list[str]], list[bool]]:
        """The non-empty rows padded to one width, and which of them hold a number."""
        width = max((len(row) for row in self.cells), default=0)
        rows: list[list[str]] = []
        numeric: list[bool] = []
        for row, number in zip(self.cells, self.numeric, strict=True):
            if row:
                rows.append([c or "" for c in row] + [""] * (width - len(row)))
                numeric.append(number)
        return rows, numeric

    def unused_boundaries(self, rows: list[list[str]], numeric: list[bool]) -> list[int]:
        """Column boundaries no data row uses (a header span drawn wider than its data).

        Word sometimes exports a header cell one grid column too wide, with the data cells
        below spanning two columns to match (pingtan-2021 table 三). No value is told apart by
        such a boundary, so the two columns are one column of the real table.
        """
        data = [r for r, number in enumerate(numeric) if number]
        if not data:
            return []
        width = len(rows[0])
        used = set().union(*(self.starts[r] for r in data))
        return [b for b in range(1, width) if b not in used]


_DIGITS = frozenset("0123456789０１２３４５６７８９")
_CELL_TAGS = frozenset({"td", "th"})


def _collapse(rows: list[list[str]], boundary: int) -> None:
    """Merge column ``boundary`` into the one on its left, keeping the distinct label."""
    b = boundary
    for row in rows:
        left, right = row[b - 1], row[b]
        if b >= 2 and left == row[b - 2] and right != left:
            row[b - 1] = right
        del row[b]


def _grid(table: etree._Element, notes: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """Expand rowspan/colspan into a rectangular grid; None for a layout table."""
    if table.find(".//table") is not None:
        return None
    trs = _ROWS_XPATH(table)[:_MAX_ROWS]
    grid = _Grid(len(trs))
    for r, tr in enumerate(trs):
        grid.add_row(r, tr)
    rows, numeric = grid.rows()
    if not rows or len(rows[0]) < 2:
        return None
    unused = grid.unused_boundaries(rows, numeric)
    for boundary in reversed(unused):
        _collapse(rows, boundary)
    if unused:
        notes.append(
            f"table with header {rows[0][-1]!r}: merged {len(unused)} grid column(s) that"
            " only a header cell spans"
        )
    return tuple(tuple(row) for row in rows)
