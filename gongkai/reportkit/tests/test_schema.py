"""The schema: ids of ogi-spec §2.3–§2.5, JSON in and out, the published JSON Schema, and the
gold comparison helper."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from gongkai.reportkit import dump_json, load_json
from gongkai.reportkit.gold import compare_with_gold
from gongkai.reportkit.jsonio import ReportJsonError, report_to_dict
from gongkai.reportkit.jsonschema import SCHEMA_PATH, build_schema, schema_text
from gongkai.reportkit.schema import (
    T3_LEAVES,
    T3_ROWS,
    T4_CELLS,
    Cell,
    MoneyCell,
    Provenance,
)
from gongkai.reportkit.tests.builders import base_report


def test_table_three_has_the_25_rows_and_21_leaves_of_the_spec() -> None:
    assert len(T3_ROWS) == 25 and len(T3_LEAVES) == 21
    assert T3_ROWS[:4] == ("R1", "R2", "R3.1", "R3.2") and T3_ROWS[-2:] == ("R3.7", "R4")
    assert len(T4_CELLS) == 15


def test_json_round_trip_keeps_values_and_provenance() -> None:
    report = base_report().with_t3("R3.1", "C6", Cell(0, Provenance.IMPUTED))
    report = report.with_t3("R3.2", "C3", Cell(None, Provenance.AMBIGUOUS))
    report = report.with_t2("rules.issued", Cell(None, Provenance.NOT_APPLICABLE))
    assert load_json(dump_json(report)) == report


def test_json_is_keyed_by_the_spec_ids_and_the_fee_is_a_string_decimal() -> None:
    report = replace(
        base_report(),
        table2=replace(base_report().table2, fee_wan_yuan=MoneyCell(Decimal("12372.0506"))),
    )
    data = report_to_dict(report.with_t3("R3.1", "C6", Cell(0, Provenance.IMPUTED)))
    assert data["table3"]["R1"] == [20, 3, 0, 1, 0, 1, 25]
    assert data["table2"]["fee_wan_yuan"] == "12372.0506"
    assert data["table4"]["A5"] == 2
    assert data["provenance"] == {"t3:R3.1:C6": "imputed"}


def test_malformed_json_is_rejected_with_a_reason() -> None:
    with pytest.raises(ReportJsonError):
        load_json('{"table3": {"R1": [1, 2]}}')
    with pytest.raises(ReportJsonError):
        load_json("not json")


def test_the_published_json_schema_matches_the_schema() -> None:
    """report.schema.json is generated (python -m gongkai.reportkit.jsonschema) and current."""
    assert SCHEMA_PATH.read_text("utf-8") == schema_text()
    schema = build_schema()
    data = report_to_dict(base_report())
    assert set(data) <= set(schema["properties"])
    assert set(data["table3"]) <= set(schema["properties"]["table3"]["properties"])


def test_gold_comparison_tells_right_from_ambiguous_from_wrong() -> None:
    report = base_report()
    gold = json.loads(json.dumps(report_to_dict(report)))
    gold["table2"]["fee_wan_yuan"] = "12.5"
    assert compare_with_gold(report, gold).wrong == ()
    changed = report.with_t3("R1", "C1", Cell(21)).with_t3(
        "R1", "C2", Cell(None, Provenance.AMBIGUOUS)
    )
    result = compare_with_gold(changed, gold)
    assert [c.cell for c in result.wrong] == ["t3:R1:C1"]
    assert [c.cell for c in result.ambiguous] == ["t3:R1:C2"]
