"""PDF extractor: the real WPS export, tables over page breaks, page markers, bad input."""

from __future__ import annotations

import contextlib
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.reportkit.api import parse_file
from gongkai.reportkit.document import Paragraph, Table
from gongkai.reportkit.errors import CJKFontNotFoundError, ReportReadError
from gongkai.reportkit.extract_pdf import extract
from gongkai.reportkit.fonts import find_cjk_font
from gongkai.reportkit.schema import T3_COLS, T3_ROWS
from gongkai.reportkit.tests.render_support import SENTENCES, real_fixture, sample_report


def _font_missing() -> bool:
    try:
        find_cjk_font()
    except CJKFontNotFoundError:
        return True
    return False


needs_font = pytest.mark.skipif(
    _font_missing(), reason="no CJK font (apt-get install fonts-arphic-uming)"
)


def test_hongze_parses_to_its_gold_values_cell_for_cell() -> None:
    path = real_fixture("hongze-2023.pdf")
    gold = json.loads((path.parent / "gold" / "hongze-2023.json").read_text("utf-8"))
    report = parse_file(path).report
    for row in T3_ROWS:
        assert [report.t3(row, c).value for c in T3_COLS] == gold["table3"][row], row
    for key, value in gold["table4"].items():
        assert report.table4.cell(key).value == value, key
    t2 = gold["table2"]
    for key in ("licensing", "penalty", "coercion"):
        assert report.table2.count(key).value == t2[key]
    assert report.table2.count("normative_documents.abolished").value == 5
    assert report.table2.fee_wan_yuan.raw == t2["fee_wan_yuan"]
    assert (report.org, report.year) == ("洪泽区人民政府", 2023)


def test_hongze_tables_continue_over_page_breaks_without_page_markers() -> None:
    doc = extract(real_fixture("hongze-2023.pdf").read_bytes())
    grids = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(len(t.rows), len(t.rows[0])) for t in grids] == [(14, 4), (26, 10), (4, 15)]
    t3 = grids[1]
    # the vertically set group label is read in order, in every row it spans, also on page 4
    assert {row[0] for row in t3.rows[5:24]} == {"三、本年度办理结果"}
    assert t3.rows[17][2] == "3.补正后申请内容仍不明确"  # first row on page 4
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not any(t.startswith("-") and t.endswith("-") for t in texts)
    assert "洪泽区人民政府2023年政府信息公开工作年度报告" in texts  # two centred lines, one title


@needs_font
def test_a_rendered_table_split_over_pages_comes_back_as_one_table() -> None:
    from gongkai.reportkit.render_pdf import render_pdf

    long_text = "\n".join(SENTENCES * 6)
    report = replace(sample_report(), sections={"S1": long_text, "S5": "", "S6": ""})
    doc = extract(render_pdf(report))
    grids = [b for b in doc.blocks if isinstance(b, Table)]
    assert [len(t.rows) for t in grids] == [14, 28, 4]
    assert all(len(set(map(len, t.rows))) == 1 for t in grids)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"hello world", "not a PDF"),
        (b"%PDF-1.7\n" + b"garbage" * 50, "damaged"),
    ],
)
def test_unreadable_files_raise_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(ReportReadError, match=message):
        extract(data)


def test_a_pdf_without_a_text_layer_is_reported_as_such() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # drawing only, like a scan's image
    with pytest.raises(ReportReadError, match="no text layer"):
        extract(bytes(pdf.output()))


def test_a_truncated_pdf_does_not_crash() -> None:
    data = real_fixture("hongze-2023.pdf").read_bytes()
    for cut in (100, len(data) // 3, len(data) - 200):
        with contextlib.suppress(ReportReadError):
            extract(data[:cut])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b))
def test_it_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(ReportReadError):
        extract(data)


@needs_font
def test_number_columns_without_rules_become_a_whitespace_table() -> None:
    from fpdf import FPDF

    font = find_cjk_font()
    pdf = FPDF()
    pdf.add_font("cjk", "", str(font.path), collection_font_number=font.index)
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    pdf.text(20, 20, "四、结转情况如下（无表格线）")
    rows = [("自然人", "法人", "总计"), ("新收", "73", "75"), ("结转", "9", "9")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            pdf.text(20 + 45 * c, 32 + 8 * r, text)
    doc = extract(bytes(pdf.output()))
    assert doc.blocks[0] == Paragraph("四、结转情况如下（无表格线）")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert not table.geometric
    assert table.rows == (("自然人", "法人", "总计"), ("新收", "73", "75"), ("结转", "9", "9"))


@needs_font
def test_rules_inside_form_xobjects_are_found_in_page_coordinates() -> None:
    import io

    import pypdfium2 as pdfium

    from gongkai.reportkit.render_pdf import render_pdf

    report = sample_report()
    source = pdfium.PdfDocument(render_pdf(report))
    wrapped = pdfium.PdfDocument.new()  # each page drawn as a scaled, shifted form XObject
    for i in range(len(source)):
        form = source.page_as_xobject(i, wrapped).as_pageobject()
        form.transform(pdfium.PdfMatrix().scale(0.9, 0.9).translate(20, 30))
        page = wrapped.new_page(595.28, 841.89)
        page.insert_obj(form)
        page.gen_content()
    out = io.BytesIO()
    wrapped.save(out)
    grids = [b for b in extract(out.getvalue()).blocks if isinstance(b, Table)]
    assert [(len(t.rows), len(t.rows[0]), t.geometric) for t in grids] == [
        (14, 4, True),
        (28, 10, True),
        (4, 15, True),
    ]
