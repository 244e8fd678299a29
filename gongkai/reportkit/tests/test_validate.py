"""Validation details beyond the mutation suite: numbers in the narrative (Chinese numerals),
severities, NA handling, never raising on a broken report."""

from __future__ import annotations

import re
from dataclasses import replace

from gongkai.reportkit import validate
from gongkai.reportkit.narrative import counts_near, parse_cn_number, parse_number
from gongkai.reportkit.schema import Cell, Provenance, Severity, Table3, Table4, empty_report
from gongkai.reportkit.tests.builders import S1, base_context, base_previous, base_report, section


def test_chinese_numerals_are_read() -> None:
    assert parse_cn_number("七十五") == 75
    assert parse_cn_number("十二") == 12
    assert parse_cn_number("一百零三") == 103
    assert parse_cn_number("两万三千") == 23000
    assert parse_number("７５") == 75 and parse_number("1,234") == 1234


def test_counts_are_taken_only_after_their_keyword() -> None:
    text = "全年共办理12345市长热线14287件，受理依申请公开75件。"
    assert list(counts_near(text, re.compile("依申请"))) == [75]


def test_n01_accepts_a_count_that_includes_the_carry_over() -> None:
    """pingtan-2022/shuyang: 收到/受理 = R1 + R2 is accepted as well as R1."""
    report = section(base_report(), "S1", S1.replace("申请25件", "申请27件"))
    assert "N-01" not in {f.rule for f in validate(report, base_previous(), base_context())}


def test_n04_reads_combined_reconsideration_and_litigation_counts() -> None:
    report = section(
        base_report(),
        "S1",
        S1.replace("全年发生行政复议案件2件", "全年发生行政复议、行政诉讼案件2件"),
    )
    assert "N-04" not in {f.rule for f in validate(report, base_previous(), base_context())}


def test_t3_04_is_an_error_for_the_same_body_and_a_warning_otherwise() -> None:
    previous = base_previous().with_t3("R4", "C7", Cell(5))
    (same,) = [f for f in validate(base_report(), previous) if f.rule == "T3-04"]
    assert same.severity is Severity.ERROR
    other = replace(previous, org="另一个机关")
    (diff,) = [f for f in validate(base_report(), other) if f.rule == "T3-04"]
    assert diff.severity is Severity.WARNING


def test_not_applicable_cells_count_as_zero_in_sums() -> None:
    report = base_report().with_t3("R3.3.1", "C3", Cell(None, Provenance.NOT_APPLICABLE))
    assert validate(report, base_previous(), base_context()) == []


def test_ambiguous_cells_are_left_out_of_identities() -> None:
    report = base_report().with_t3("R3.1", "C1", Cell(None, Provenance.AMBIGUOUS))
    rules = {f.rule for f in validate(report, base_previous(), base_context())}
    assert not rules & {"T3-01", "T3-02", "T3-03"}


def test_findings_carry_cells_and_values() -> None:
    report = base_report().with_t4("A1", Cell(2))
    (f,) = [f for f in validate(report) if f.rule == "T4-01"]
    assert f.evidence["t4:A1"] == 2 and "t4:A5" in f.cells
    assert "行政复议" in f.message


def test_a_broken_report_never_raises() -> None:
    broken = replace(
        empty_report(), table3=Table3({"R1": (Cell(1),)}), table4=Table4({}), sections={}
    )
    findings = validate(broken)
    assert {"F-01", "F-02", "F-03", "F-04"} <= {f.rule for f in findings}


def test_fee_in_yuan_is_suspected_t2_05_not_confused_with_section_six() -> None:
    """Table 二 行政事业性收费 (万元) is not the 信息处理费 of section 六."""
    report = section(base_report(), "S6", "本年度收取信息处理费0元。")
    assert validate(report, base_previous(), base_context()) == []
