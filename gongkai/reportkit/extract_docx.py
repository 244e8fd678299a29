"""DOCX → ``Document``: Word and WPS files, read straight from ``word/document.xml``.

python-docx would work but builds a proxy per run; the report needs only paragraph text and
table grids, which lxml gives in a few milliseconds. Body order is kept: paragraphs and tables
as they appear, content controls (``w:sdt``) opened. Merged cells are expanded the Word way:
``w:gridSpan`` repeats a cell to the right, ``w:vMerge`` (without ``restart``) continues the
cell above, ``w:gridBefore``/``w:gridAfter`` leave grid columns empty. Deleted text
(``w:delText``) and the fallback copies of text boxes (``mc:Fallback``) are not read.
"""

from __future__ import annotations

import io
import zipfile
from typing import Final

from lxml import etree

from gongkai.reportkit._textclean import clean
from gongkai.reportkit.document import Block, Document, Paragraph, Table
from gongkai.reportkit.errors import ReportReadError

FORMAT = "docx"

_W_NAMESPACES: Final = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO strict
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "/officeDocument"
_MAX_PART_BYTES = 200 * 1024 * 1024  # refuse zip bombs before inflating them
_MAX_COLUMNS = 400
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract(data: bytes) -> Document:
    """Read a .docx file into paragraphs and table grids in body order."""
    xml = _main_part(data)
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ReportReadError(FORMAT, f"word/document.xml is not well-formed XML ({exc})") from exc
    ns = etree.QName(root).namespace
    if ns not in _W_NAMESPACES:
        raise ReportReadError(FORMAT, "the main part is not a WordprocessingML document")
    body = root.find(f"{{{ns}}}body")
    if body is None:
        raise ReportReadError(FORMAT, "the document has no body")
    reader = _Reader(ns)
    blocks = tuple(reader.blocks(body))
    if not blocks:
        raise ReportReadError(FORMAT, "the document contains no text")
    return Document(blocks=blocks, source_format=FORMAT, notes=tuple(reader.notes))


def _main_part(data: bytes) -> bytes:
    """The bytes of the main document part, with every failure turned into ReportReadError."""
    if not data:
        raise ReportReadError(FORMAT, "the file is empty")
    if data.startswith(_OLE_MAGIC):
        raise ReportReadError(
            FORMAT, "this is an old binary Word (.doc) or WPS (.wps) file; save it as .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            name = _main_part_name(archive)
            info = archive.getinfo(name)
            if info.file_size > _MAX_PART_BYTES:
                raise ReportReadError(FORMAT, f"{name} is implausibly large")
            return archive.read(name)
    except KeyError as exc:
        raise ReportReadError(FORMAT, "the archive has no word/document.xml part") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ReportReadError(FORMAT, f"not a .docx (ZIP) file ({exc})") from exc
    except NotImplementedError as exc:  # unsupported compression method
        raise ReportReadError(FORMAT, f"unsupported ZIP compression ({exc})") from exc


def _main_part_name(archive: zipfile.ZipFile) -> str:
    """Follow _rels/.rels to the officeDocument part; fall back to word/document.xml."""
    try:
        rels = etree.fromstring(
            archive.read("_rels/.rels"), parser=etree.XMLParser(resolve_entities=False)
        )
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
        if (rel.get("Type") or "").endswith(_OFFICE_DOC):
            target = (rel.get("Target") or "").lstrip("/")
            if target in archive.namelist():
                return target
    return "word/document.xml"


class _Reader:
    """Walks the body; ``ns`` is the WordprocessingML namespace of this file."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.p, self.tbl, self.tr, self.tc = f"{w}p", f"{w}tbl", f"{w}tr", f"{w}tc"
        self.sdt, self.sdt_content = f"{w}sdt", f"{w}sdtContent"
        self.custom_xml, self.t, self.tab = f"{w}customXml", f"{w}t", f"{w}tab"
        self.br, self.cr, self.val = f"{w}br", f"{w}cr", f"{w}val"
        self.txbx, self.fallback = f"{w}txbxContent", f"{{{_MC}}}Fallback"
        self.tc_pr, self.tr_pr = f"{w}tcPr", f"{w}trPr"
        self.grid_span, self.v_merge = f"{w}gridSpan", f"{w}vMerge"
        self.grid_before, self.grid_after = f"{w}gridBefore", f"{w}gridAfter"
        self.notes: list[str] = []

    # --- block level ---

    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == self.p:
                text = clean(self.paragraph_text(child))
                if text:
                    out.append(Paragraph(text))
            elif tag == self.tbl:
                out.extend(self.table(child))
            elif tag in (self.sdt, self.sdt_content, self.custom_xml):
                out.extend(self.blocks(child if tag != self.sdt else _content(child, self)))
        return out

    def paragraph_text(self, p: etree._Element) -> str:
        parts: list[str] = []
        for el in p.iter(self.t, self.tab, self.br, self.cr):
            if self._hidden(el, p):
                continue
            parts.append(el.text or "" if el.tag == self.t else " ")
        return "".join(parts)

    def _hidden(self, el: etree._Element, stop: etree._Element) -> bool:
        """True inside a text box or an mc:Fallback copy (text read elsewhere or decoration)."""
        parent = el.getparent()
        while parent is not None and parent is not stop:
            if parent.tag in (self.txbx, self.fallback):
                return True
            parent = parent.getparent()
        return False

    # --- tables ---

    def table(self, tbl: etree._Element) -> list[Block]:
        grid: list[list[str]] = []
        for tr in tbl.iter(self.tr):
            if _nearest(tr, self.tbl) is tbl:
                grid.append(self.row(tr, grid[-1] if grid else None))
        width = max((len(r) for r in grid), default=0)
        if width > _MAX_COLUMNS:
            raise ReportReadError(FORMAT, f"a table has {width} columns")
        rows = tuple(tuple(r) + ("",) * (width - len(r)) for r in grid if r)
        if width < 2:  # a one-column table is a box around running text
            return [Paragraph(r[0]) for r in rows if r and r[0]]
        return [Table(rows=rows)]

    def row(self, tr: etree._Element, above: list[str] | None) -> list[str]:
        cells: list[str] = [""] * self._grid_count(tr, self.grid_before)
        for tc in tr.iterchildren(self.tc, self.sdt, self.custom_xml):
            for cell in self._cells(tc):
                span = min(self._span(cell), _MAX_COLUMNS)
                if self._continues(cell) and above is not None and len(cells) < len(above):
                    text = above[len(cells)]
                else:
                    text = self.cell_text(cell)
                cells.extend([text] * span)
        cells.extend([""] * self._grid_count(tr, self.grid_after))
        return cells

    def _cells(self, el: etree._Element) -> list[etree._Element]:
        if el.tag == self.tc:
            return [el]
        return [tc for tc in el.iter(self.tc) if _nearest(tc, self.tr) is _nearest(el, self.tr)]

    def cell_text(self, tc: etree._Element) -> str:
        """All paragraph text of a cell, nested tables included, joined without breaks."""
        paragraphs = (p for p in tc.iter(self.p) if not self._hidden(p, tc))
        return clean("".join(self.paragraph_text(p) for p in paragraphs))

    def _span(self, tc: etree._Element) -> int:
        el = tc.find(f"{self.tc_pr}/{self.grid_span}")
        return _int(el.get(self.val) if el is not None else None, 1)

    def _continues(self, tc: etree._Element) -> bool:
        el = tc.find(f"{self.tc_pr}/{self.v_merge}")
        return el is not None and (el.get(self.val) or "continue") == "continue"

    def _grid_count(self, tr: etree._Element, tag: str) -> int:
        el = tr.find(f"{self.tr_pr}/{tag}")
        return min(_int(el.get(self.val) if el is not None else None, 0), _MAX_COLUMNS)


def _content(sdt: etree._Element, reader: _Reader) -> etree._Element:
    content = sdt.find(reader.sdt_content)
    return content if content is not None else etree.Element("empty")


def _nearest(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _int(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    try:
        return max(0, int(raw))
    except ValueError:
        return default
