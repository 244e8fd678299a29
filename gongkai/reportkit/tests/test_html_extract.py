"""HTML extractor: merged cells, Word-export junk, page chrome, encodings, bad input."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.reportkit.api import parse_file
from gongkai.reportkit.document import Paragraph, Table
from gongkai.reportkit.errors import ReportReadError
from gongkai.reportkit.extract_html import extract
from gongkai.reportkit.schema import T3_COLS, T3_ROWS
from gongkai.reportkit.tests.render_support import real_fixture


def tables(html: str) -> list[Table]:
    return [b for b in extract(html.encode()).blocks if isinstance(b, Table)]


def test_it_expands_rowspan_and_colspan_into_a_full_grid() -> None:
    (table,) = tables(
        "<table><tr><td rowspan=2>组</td><td colspan=2>头</td></tr>"
        "<tr><td>甲</td><td>乙</td></tr><tr><td>行</td><td>1</td><td>2</td></tr></table>"
    )
    assert table.rows == (("组", "头", "头"), ("组", "甲", "乙"), ("行", "1", "2"))
    assert table.geometric


def test_it_reads_word_export_cells_as_the_reader_sees_them() -> None:
    cell = (
        '<td style="border:solid windowtext 1.0pt;mso-border-alt:solid"><p class="MsoNormal">'
        '<span style="font-family:仿宋_GB2312"><font face="Calibri">&nbsp;</font>'
        '<font face="仿宋_GB2312">5</font><o:p></o:p></span></p></td>'
    )
    header = "<td><p>结</p><p>果<br>维持</p></td>"
    (table,) = tables(f"<table><tr>{header}<td>x</td></tr><tr>{cell}<td>y</td></tr></table>")
    assert table.rows == (("结果维持", "x"), ("5", "y"))


def test_it_keeps_chrome_and_body_paragraphs_in_reading_order() -> None:
    doc = extract(
        "<html><head><title>页面</title><script>var a=1;</script></head><body>"
        "<div class=nav>首页 &gt; 政务公开</div><h1>某单位2023年报告</h1><p>一、总体情况</p>"
        "<p>正文<b>加粗</b>内容<br>第二行</p><table><tr><td>a</td><td>1</td></tr></table>"
        "<div>扫一扫</div></body></html>".encode()
    )
    texts = [b.text if isinstance(b, Paragraph) else "TABLE" for b in doc.blocks]
    assert texts == ["首页>政务公开", "某单位2023年报告", "一、总体情况", "正文加粗内容",
                     "第二行", "TABLE", "扫一扫"]  # fmt: skip


def test_a_layout_table_around_the_report_is_walked_as_text() -> None:
    doc = extract(
        "<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "</td></tr></table>".encode()
    )
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "一、总体情况"
    assert isinstance(doc.blocks[1], Table) and doc.blocks[1].rows == (("规章", "0"),)


def test_a_header_cell_wider_than_its_data_does_not_add_a_column() -> None:
    # Word export of pingtan-2021 (synthetic copy of the layout): 自然人 spans two grid
    # columns, the data cells under 商业企业 span two as well.
    html = (
        "<table><tr><td rowspan=2>项</td><td colspan=2>自然人</td><td>法人</td></tr>"
        "<tr><td></td><td colspan=2>商业企业</td></tr>"
        "<tr><td>新收</td><td>64</td><td colspan=2>3</td></tr></table>"
    )
    (table,) = tables(html)
    assert table.rows == (("项", "自然人", "法人"), ("项", "", "商业企业"), ("新收", "64", "3"))


def test_it_decodes_gbk_pages_by_their_meta_charset() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>政府信息公开</p></body></html>'
    doc = extract(page.encode("gbk"))
    assert doc.blocks == (Paragraph("政府信息公开"),)


def test_it_guesses_gb18030_when_undeclared_bytes_are_not_utf8() -> None:
    doc = extract("<p>年度报告</p>".encode("gb18030"))
    assert doc.blocks == (Paragraph("年度报告"),)


@pytest.mark.parametrize(
    "data", [b"", b"   \n", bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"<html></html>"]
)
def test_unreadable_input_raises_report_read_error(data: bytes) -> None:
    with pytest.raises(ReportReadError):
        extract(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(str.encode))
def test_it_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(ReportReadError):
        extract(data)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<table>", "</table>", "<tr>", "<td rowspan=0>", "<td colspan=999>",
                         "<td rowspan=x>", "</td>", "<th>", "1", "甲", "<p>", "<br>", "&nbsp;"]),
        max_size=60,
    ).map("".join)
)  # fmt: skip
def test_malformed_tables_give_rectangular_grids(html: str) -> None:
    try:
        doc = extract(html.encode())
    except ReportReadError:
        return
    for block in doc.blocks:
        if isinstance(block, Table):
            assert len({len(row) for row in block.rows}) == 1


@pytest.mark.parametrize("name", ["pingtan-2021", "pingtan-2022", "pingtan-2023"])
def test_real_pages_parse_to_their_gold_values(name: str) -> None:
    path = real_fixture(f"{name}.html")
    gold = json.loads((path.parent / "gold" / f"{name}.json").read_text("utf-8"))
    report = parse_file(path).report
    for row in T3_ROWS:
        assert [report.t3(row, c).value for c in T3_COLS] == gold["table3"][row], row
    for key, value in gold["table4"].items():
        assert report.table4.cell(key).value == value, key
    t2 = gold["table2"]
    for key in ("rules", "normative_documents"):
        for field in ("issued", "abolished", "in_force"):
            assert report.table2.count(f"{key}.{field}").value == t2[key][field]
    for key in ("licensing", "penalty", "coercion"):
        assert report.table2.count(key).value == t2[key]
    assert report.table2.fee_wan_yuan.raw == t2["fee_wan_yuan"]
    assert report.year == gold["year"]


def test_the_2019_page_keeps_its_duplicated_group_cell_rows() -> None:
    doc = extract(real_fixture("pingtan-2019.html").read_bytes())
    t3 = [b for b in doc.blocks if isinstance(b, Table)][1]
    assert len(t3.rows) == 26 and all(len(r) == 10 for r in t3.rows)
    assert t3.rows[-1][-1] == "0" and t3.rows[3][3:] == ("23", "0", "0", "0", "0", "0", "23")


def test_content_hidden_from_readers_is_not_read() -> None:
    doc = extract(
        '<div style="DISPLAY: none">旧版正文</div><p hidden>隐藏</p>'
        '<p>一、总体情况<span style="display:none">x</span>尾</p>'.encode()
    )
    assert doc.blocks == (Paragraph("一、总体情况尾"),)
