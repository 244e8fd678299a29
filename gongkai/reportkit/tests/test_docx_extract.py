"""DOCX extractor: body order, gridSpan/vMerge merged cells, unreadable files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.reportkit.document import Paragraph, Table
from gongkai.reportkit.errors import ReportReadError
from gongkai.reportkit.extract_docx import extract


def _save(document: object) -> bytes:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def test_it_keeps_paragraphs_and_tables_in_body_order_with_merges_expanded() -> None:
    d = docx.Document()
    d.add_paragraph("某单位2023年政府信息公开工作年度报告")
    d.add_paragraph("")  # empty paragraphs are not blocks
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "组"  # vMerge
    table.cell(0, 1).merge(table.cell(0, 2)).text = "头"  # gridSpan
    for c, text in ((1, "甲"), (2, "乙")):
        table.cell(1, c).text = text
    for c, text in enumerate(("行", "1", "2")):
        table.cell(2, c).text = text
    d.add_paragraph("六、其他需要报告的事项")
    doc = extract(_save(d))
    assert doc.source_format == "docx"
    assert doc.blocks == (
        Paragraph("某单位2023年政府信息公开工作年度报告"),
        Table((("组", "头", "头"), ("组", "甲", "乙"), ("行", "1", "2"))),
        Paragraph("六、其他需要报告的事项"),
    )


def test_runs_split_mid_word_are_joined() -> None:
    d = docx.Document()
    para = d.add_paragraph()
    for piece in ("一、总", "体", "情况"):
        para.add_run(piece)
    assert extract(_save(d)).blocks == (Paragraph("一、总体情况"),)


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"not a zip at all", "not a .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".doc"),
        (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
        (_zip({"word/document.xml": b"<w:document"}), "not well-formed"),
        (_zip({"word/document.xml": b"<html/>"}), "not a WordprocessingML"),
    ],
    # ids from the expected message: the zip bytes carry a timestamp, and pytest-xdist needs
    # every worker to collect the same test ids
    ids=["empty", "not-zip", "old-doc", "no-document", "not-well-formed", "not-wordml"],
)
def test_unreadable_files_raise_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ReportReadError, match=message):
        extract(data)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_it_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    with pytest.raises(ReportReadError):
        extract(data)


def test_a_truncated_docx_is_unreadable() -> None:
    d = docx.Document()
    d.add_paragraph("正文")
    data = _save(d)
    with pytest.raises(ReportReadError):
        extract(data[: len(data) // 2])


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def _document(body: str) -> bytes:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:mc="{_MC}" xmlns:wps="{_WPS}"><w:body>{body}'
        "</w:body></w:document>"
    )
    return _zip({"word/document.xml": xml.encode("utf-8")})


def test_wps_style_markup_is_read_like_word_shows_it() -> None:
    textbox = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent>"
        f"{_p('框内')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
        f"<w:pict>{_p('框内')}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>正</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>文</w:t></w:r></w:ins></w:p>"
    )
    restart, cont, span2 = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{_tc('组', restart)}{_tc('头', span2)}</w:tr>"
        f"<w:tr>{_tc('', cont)}{_tc('甲')}{_tc('乙')}</w:tr>"
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{_tc("1")}{_tc("2")}</w:tr>'
        "<w:tr><w:sdt><w:sdtContent>"
        f"{_tc('行')}{_tc('3')}{_tc('4')}</w:sdtContent></w:sdt></w:tr></w:tbl>"
    )
    body = f"<w:sdt><w:sdtContent>{_p('一、总体情况')}</w:sdtContent></w:sdt>{textbox}{table}"
    doc = extract(_document(body))
    assert doc.blocks == (
        Paragraph("一、总体情况"),
        Paragraph("正文"),
        Table((("组", "头", "头"), ("组", "甲", "乙"), ("", "1", "2"), ("行", "3", "4"))),
    )


def test_a_one_column_box_table_is_read_as_paragraphs() -> None:
    body = f"<w:tbl><w:tr>{_tc('报告正文第一段')}</w:tr><w:tr>{_tc('第二段')}</w:tr></w:tbl>"
    assert extract(_document(body)).blocks == (Paragraph("报告正文第一段"), Paragraph("第二段"))
