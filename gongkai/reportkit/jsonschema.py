"""The published JSON Schema of the report JSON (``report.schema.json``), built from ``schema``.

Regenerate after a schema change with ``python -m gongkai.reportkit.jsonschema``; a test
checks that the committed file equals ``build_schema()``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from gongkai.reportkit.jsonio import SCHEMA_ID, SCHEMA_VERSION
from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_DOC_FIELDS,
    T2_DOC_ROWS,
    T3_R36_AGGREGATE,
    T3_ROWS,
    T4_CELLS,
    FormatVersion,
    OwnerType,
    Provenance,
)

SCHEMA_PATH: Final = Path(__file__).with_name("report.schema.json")
_COUNT: Final = {"type": ["integer", "null"]}


def build_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``jsonio.report_to_dict`` output."""
    doc_row = {
        "type": "object",
        "properties": {f: _COUNT for f in T2_DOC_FIELDS},
        "required": list(T2_DOC_FIELDS),
        "additionalProperties": False,
    }
    t3_row = {"type": "array", "items": _COUNT, "minItems": 7, "maxItems": 7}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "政府信息公开工作年度报告 (2021 format)",
        "type": "object",
        "required": ["schema_version", "format_version", "table2", "table3", "table4"],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "title": {"type": ["string", "null"]},
            "org": {"type": ["string", "null"]},
            "year": {"type": ["integer", "null"]},
            "format_version": {"enum": [v.value for v in FormatVersion]},
            "owner_type": {"enum": [*(o.value for o in OwnerType), None]},
            "published_on": {"type": ["string", "null"], "format": "date"},
            "sections": {
                "type": "object",
                "properties": {s: {"type": "string"} for s in SECTION_IDS},
                "additionalProperties": False,
            },
            "table2": {
                "type": "object",
                "properties": {
                    **{r: doc_row for r in T2_DOC_ROWS},
                    "licensing": _COUNT,
                    "penalty": _COUNT,
                    "coercion": _COUNT,
                    "fee_wan_yuan": {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"},
                    "legacy": {"type": "object", "additionalProperties": {"type": "string"}},
                },
                "required": [*T2_DOC_ROWS, "licensing", "penalty", "coercion", "fee_wan_yuan"],
                "additionalProperties": False,
            },
            "table3": {
                "type": "object",
                "properties": {r: t3_row for r in (*T3_ROWS, T3_R36_AGGREGATE)},
                "additionalProperties": False,
            },
            "table4": {
                "type": "object",
                "properties": {k: _COUNT for k in T4_CELLS},
                "required": list(T4_CELLS),
                "additionalProperties": False,
            },
            "provenance": {
                "type": "object",
                "propertyNames": {"pattern": r"^(t2:[a-z_.]+|t3:R[0-9.]+:C[1-7]|t4:[ABC][1-5])$"},
                "additionalProperties": {"enum": [p.value for p in Provenance]},
            },
        },
    }


def schema_text() -> str:
    """The schema as the committed file's text."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
