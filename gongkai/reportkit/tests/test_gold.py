"""Real reports against their gold values (fixtures/real/gold): the seed exactly, the degraded
text exports with zero wrong values (every cell is the gold value or explicitly ambiguous)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.reportkit import parse_file, validate
from gongkai.reportkit.gold import compare_with_gold
from gongkai.reportkit.schema import FormatVersion, Provenance, Severity
from gongkai.reportkit.tests.builders import shared_dir


def _gold(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (shared_dir() / "fixtures" / "real" / "gold" / f"{name}.json").read_text("utf-8")
    )
    return data


def _seed() -> Path:
    return shared_dir() / "seeds" / "000_80982073e3dd5082.txt"


def test_the_seed_parses_to_exactly_the_gold_values() -> None:
    result = parse_file(_seed())
    comparison = compare_with_gold(result.report, _gold("huixian-2021"))
    assert comparison.wrong == () and comparison.ambiguous == ()
    assert result.report.org == "辉县市人民政府" and result.report.year == 2021
    assert result.format_version is FormatVersion.V2021


def test_the_seed_has_no_error_level_finding() -> None:
    result = parse_file(_seed())
    findings = [*result.findings, *validate(result.report)]
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_the_seed_lists_the_rebuilt_cells_as_imputed() -> None:
    """§2.7: table 三 lost one column in 23 rows; rebuilt cells are imputed and reported (P-02)."""
    result = parse_file(_seed())
    gold_cells = set(_gold("huixian-2021")["imputed_cells"][0]["cells"])  # type: ignore[index]
    imputed = {
        f"t3:{row}:C{i}"
        for row, cells in result.report.table3.rows.items()
        for i, cell in enumerate(cells, 1)
        if cell.provenance is Provenance.IMPUTED
    }
    assert imputed == gold_cells
    (p02,) = [f for f in result.findings if f.rule == "P-02"]
    assert set(p02.cells) == gold_cells


def test_the_seed_flags_the_misspelt_table_two_header() -> None:
    """§2.7: 本年度止件数 is within one edit of 本年废止件数: read, with a warning (P-01)."""
    result = parse_file(_seed())
    (p01,) = [f for f in result.findings if f.rule == "P-01"]
    assert p01.severity is Severity.WARNING
    assert p01.evidence["printed"] == "本年度止件数"
    assert result.report.table2.count("normative_documents.abolished").value == 0


@pytest.mark.parametrize("name", ["pingtan-2021", "pingtan-2022", "pingtan-2023", "shuyang-2025"])
def test_degraded_text_has_no_wrong_value(name: str) -> None:
    """Merged digit runs and markdown tables: every cell is gold or reported ambiguous."""
    result = parse_file(shared_dir() / "fixtures" / "real" / f"{name}.txt")
    comparison = compare_with_gold(result.report, _gold(name))
    assert comparison.wrong == ()
    reported = {c for f in result.findings if f.rule == "P-03" for c in f.cells}
    for cell in comparison.ambiguous:
        assert cell.provenance is Provenance.AMBIGUOUS
        assert cell.cell in reported, f"{cell.cell} is None without a P-03 finding"
    assert len(comparison.right) >= 190


def test_pingtan_2021_digit_runs_split_by_the_column_identities() -> None:
    """R3.1 "270020130" has two row-local splits; only 27/0/0/2/0/1/30 fits T3-01/T3-03."""
    report = parse_file(shared_dir() / "fixtures" / "real" / "pingtan-2021.txt").report
    assert [c.value for c in report.table3.rows["R3.1"]] == [27, 0, 0, 2, 0, 1, 30]
    assert [c.value for c in report.table3.rows["R3.4.1"]] == [22, 0, 0, 0, 0, 3, 25]
    assert [report.table4.cell(k).value for k in ("B1", "B5")] == [12, 12]


def test_pingtan_2019_is_detected_as_the_2019_format_and_mapped() -> None:
    """§3.2/§3.3: 2019 trial format; （六）其他处理 is one aggregate row, sub-rows NA."""
    result = parse_file(shared_dir() / "fixtures" / "real" / "pingtan-2019.txt")
    report = result.report
    assert report.format_version is FormatVersion.V2019
    assert "P-08" in {f.rule for f in result.findings}
    assert [c.value for c in report.table3.rows["R3.6"]] == [0] * 7
    assert report.t3("R3.6.1", "C1").provenance is Provenance.NOT_APPLICABLE
    assert report.t3("R1", "C7").value == 23 and report.t3("R3.4.3", "C1").value == 5
    assert (
        report.table2.count("normative_documents.abolished").provenance is Provenance.NOT_APPLICABLE
    )
    rules = {f.rule for f in validate(report) if f.severity is Severity.ERROR}
    assert not rules & {"T3-01", "T3-02", "T3-03", "F-03"}
