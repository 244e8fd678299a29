"""Renderers: official layout, escaping, fonts, A4, and the missing-font error."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from gongkai.reportkit import fonts
from gongkai.reportkit._layout import T3_NOTE
from gongkai.reportkit.errors import CJKFontNotFoundError
from gongkai.reportkit.render_docx import render_docx
from gongkai.reportkit.render_html import render_html
from gongkai.reportkit.render_text import render_text
from gongkai.reportkit.schema import Cell, Provenance
from gongkai.reportkit.tests.render_support import sample_report


def test_html_puts_the_check_note_in_table_3s_merged_corner_cell() -> None:
    page = lxml_html.fromstring(render_html(sample_report()))
    t3 = page.xpath("//table[@class='t3']")[0]
    corner = t3.xpath(".//tr[1]/th[1]")[0]
    assert corner.text_content() == T3_NOTE
    assert (corner.get("rowspan"), corner.get("colspan")) == ("3", "3")
    t4_head = [th.text_content() for th in page.xpath("//table[@class='t4']//tr[1]/th")]
    assert t4_head == ["行政复议", "行政诉讼"]


def test_html_escapes_everything_and_loads_nothing_external() -> None:
    report = replace(
        sample_report(org='<script>alert("x")</script>'),
        sections={"S1": "a < b & c > d", "S5": "", "S6": ""},
    )
    out = render_html(report)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "a &lt; b &amp; c &gt; d" in out
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", out)


def test_html_prints_na_as_slash_and_blank_as_empty() -> None:
    report = sample_report().with_t2("rules.issued", Cell(None, Provenance.NOT_APPLICABLE))
    report = report.with_t3("R3.1", "C3", Cell(0, Provenance.BLANK))
    page = lxml_html.fromstring(render_html(report))
    rules_row = page.xpath("//table[@class='t2']//tr[3]/td")
    assert [td.text_content() for td in rules_row] == ["规章", "/", "0", "0"]
    r31 = [td.text_content() for td in page.xpath("//table[@class='t3']//tr[6]/td")]
    assert r31[:3] == ["三、本年度办理结果", "（一）予以公开", "0"] and r31[4] == ""


def test_text_rows_carry_every_cell_of_the_grid() -> None:
    report = sample_report()
    out = render_text(report)
    rows = [line for line in out.splitlines() if "\t" in line]
    t3_rows = [r for r in rows if len(r.split("\t")) == 10]
    assert len(t3_rows) == 28
    assert t3_rows[0].startswith(T3_NOTE)
    r1 = next(r for r in rows if r.startswith("一、本年新收")).split("\t")
    assert r1[1:3] == ["", ""]
    assert r1[3:] == [str(report.t3("R1", f"C{i}").value) for i in range(1, 8)]
    t4_data = [r for r in rows if len(r.split("\t")) == 15][-1].split("\t")
    assert t4_data == ["1", "0", "2", "0", "3", "3", "0", "1", "0", "4", "0", "0", "0", "0", "0"]


def _docx_xml(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_docx_is_a4_with_east_asian_fonts_and_merged_headers() -> None:
    data = render_docx(sample_report())
    document = docx.Document(io.BytesIO(data))  # reopens cleanly
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    xml = _docx_xml(data)
    assert 'w:eastAsia="仿宋"' in xml and 'w:eastAsia="宋体"' in xml
    assert "<w:gridSpan " in xml and '<w:vMerge w:val="restart"/>' in xml
    t3 = document.tables[1]
    assert t3.cell(0, 0).text == T3_NOTE
    assert len(t3.rows) == 28 and len(t3.columns) == 10
    assert document.core_properties.title == "示例市人民政府2023年政府信息公开工作年度报告"


def test_pdf_embeds_a_cjk_font_and_is_text_extractable() -> None:
    try:
        fonts.find_cjk_font()
    except CJKFontNotFoundError:
        pytest.skip("no CJK font installed (apt-get install fonts-arphic-uming)")
    import pypdfium2 as pdfium

    from gongkai.reportkit.render_pdf import render_pdf

    data = render_pdf(sample_report())
    assert data.startswith(b"%PDF")
    assert b"/FontFile" in data  # embedded (FontFile2 for TrueType, FontFile3 for CFF)
    pdf = pdfium.PdfDocument(data)
    first = pdf[0].get_textpage().get_text_range()
    assert "示例市人民政府2023年政府信息公开工作年度报告" in first
    assert abs(pdf[0].get_width() - 595.28) < 1 and abs(pdf[0].get_height() - 841.89) < 1


def test_missing_cjk_font_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "_CANDIDATES", ())
    monkeypatch.setattr(fonts, "_fc_list", list)
    fonts._find_cached.cache_clear()
    try:
        with pytest.raises(CJKFontNotFoundError, match="fonts-arphic-uming"):
            fonts.find_cjk_font()
    finally:
        fonts._find_cached.cache_clear()


def test_font_override_must_name_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "missing.ttc"))
    with pytest.raises(CJKFontNotFoundError, match="does not name a font file"):
        fonts.find_cjk_font()


def test_pdf_text_is_readable_by_pdfminer_with_a_truetype_font() -> None:
    try:
        font = fonts.find_cjk_font()
    except CJKFontNotFoundError:
        pytest.skip("no CJK font installed (apt-get install fonts-arphic-uming)")
    from fontTools.ttLib import TTFont

    if "glyf" not in TTFont(str(font.path), fontNumber=font.index, lazy=True):
        pytest.skip(f"{font.path.name} has CFF outlines, which pdfminer cannot map to text")
    from pdfminer.high_level import extract_text

    from gongkai.reportkit.render_pdf import render_pdf

    text = extract_text(io.BytesIO(render_pdf(sample_report())))
    assert "示例市人民政府2023年政府信息公开工作年度报告" in text
