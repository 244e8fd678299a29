"""Report differences: cells, sections, continuity rules for consecutive years."""

from __future__ import annotations

from gongkai.reportkit.diff import diff_reports
from gongkai.reportkit.schema import Cell
from gongkai.reportkit.tests.builders import base_previous, base_report, section


def test_consecutive_years_list_changes_and_apply_continuity_rules() -> None:
    old = base_previous().with_t3("R4", "C7", Cell(9))
    result = diff_reports(old, base_report())
    assert result.relation == "consecutive"
    assert ("t3:R4:C7", 9, 2) in {(c.cell, c.old, c.new) for c in result.cells}
    assert {f.rule for f in result.findings} == {"T3-04"}
    assert [s.section for s in result.sections] == ["S5"]


def test_two_versions_of_one_year_list_edits_without_continuity_rules() -> None:
    new = section(base_report(), "S6", "本年度未收取信息处理费。").with_t4("A3", Cell(1))
    result = diff_reports(base_report(), new)
    assert result.relation == "same-year"
    assert result.findings == ()
    assert [c.cell for c in result.cells] == ["t4:A3"]
    assert [s.section for s in result.sections] == ["S6"]
