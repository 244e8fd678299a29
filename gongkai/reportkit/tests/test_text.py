"""Plain-text reading (extract_text + assemble): tabs, markdown, flattened lines, label drift,
full-width digits, thousands separators, "/" for not applicable."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.reportkit import parse_text
from gongkai.reportkit.document import Paragraph, Table
from gongkai.reportkit.extract_text import extract_str
from gongkai.reportkit.labels import compact, find_fuzzy, fold, within_one_edit
from gongkai.reportkit.schema import Provenance

FIXTURES = Path(__file__).with_name("fixtures")


def synthetic() -> str:
    return (FIXTURES / "synthetic-2023.txt").read_text("utf-8")


def test_tab_lines_become_guessed_tables_and_markdown_rows_real_ones() -> None:
    doc = extract_str("标题\n\na\t1\t2\n----------\n| x | 1 |  |\n|---|---|---|\n正文")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Table", "Paragraph"]
    tab, md = doc.blocks[1], doc.blocks[2]
    assert isinstance(tab, Table) and not tab.geometric
    assert isinstance(md, Table) and md.geometric and md.rows == (("x", "1", ""),)
    assert isinstance(doc.blocks[0], Paragraph)
    assert any("ruler" in n for n in doc.notes)


def test_folding_keeps_positions_and_maps_full_width() -> None:
    assert fold("（一）１２，３") == "(一)12,3"
    assert len(fold("（一）１２")) == len("（一）１２")
    assert compact("本年 废止\t件数") == "本年废止件数"


def test_label_matching_tolerates_one_edit_only() -> None:
    assert within_one_edit("本年度止件数", "本年废止件数")
    assert not within_one_edit("本年度件数", "本年废止件数x")
    assert find_fuzzy("本年废止件数", "内容本年度止件数现行") == (2, 8, False)


def test_the_synthetic_report_reads_completely() -> None:
    result = parse_text(synthetic())
    report = result.report
    assert report.org == "示例县交通运输局" and report.year == 2023
    assert [c.value for c in report.table3.rows["R1"]] == [12, 1, 0, 0, 0, 0, 13]
    assert report.table2.count("licensing").value == 1234  # "1,234"
    assert report.table2.count("rules.issued").provenance is Provenance.NOT_APPLICABLE
    assert str(report.table2.fee_wan_yuan.value) == "0.1500"
    assert report.table4.cell("B3").value == 1
    assert set(report.sections) == {"S1", "S2", "S3", "S4", "S5", "S6"}


def test_full_width_digits_and_brackets_read_like_ascii() -> None:
    text = synthetic().replace("12\t1\t0\t0\t0\t0\t13", "１２\t１\t０\t０\t０\t０\t１３")
    assert [c.value for c in parse_text(text).report.table3.rows["R1"]] == [12, 1, 0, 0, 0, 0, 13]


def test_flattened_text_without_separators_is_split_by_the_identities() -> None:
    flat = "".join(line.replace("\t", "") for line in synthetic().splitlines())
    result = parse_text(flat)
    assert [c.value for c in result.report.table3.rows["R1"]] == [12, 1, 0, 0, 0, 0, 13]
    assert [c.value for c in result.report.table3.rows["R3.7"]] == [11, 1, 0, 0, 0, 0, 12]


def test_a_missing_row_is_reported_not_invented() -> None:
    text = "\n".join(ln for ln in synthetic().splitlines() if "行政查询事项" not in ln)
    result = parse_text(text)
    assert result.report.t3("R3.3.8", "C1").provenance is Provenance.MISSING
    assert "P-04" in {f.rule for f in result.findings}


@pytest.mark.parametrize("mark", ["/", "—", "－"])
def test_not_applicable_marks(mark: str) -> None:
    text = synthetic().replace("规章\t/\t/\t/", f"规章\t{mark}\t{mark}\t{mark}")
    cell = parse_text(text).report.table2.count("rules.in_force")
    assert cell.value is None and cell.provenance is Provenance.NOT_APPLICABLE
