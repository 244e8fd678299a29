"""JSON in and out of the report schema, keyed by the spec's ids.

The layout mirrors the gold files (fixtures/real/gold): ``table2`` with ``rules`` /
``normative_documents`` objects and the fee as a *string* decimal, ``table3`` as row id → list
of 7 values, ``table4`` as cell id → value. Values are integers or null; a null or a rebuilt
value is explained in ``provenance`` (cell id → provenance), which lists only cells whose
provenance is not ``read``. ``report.schema.json`` publishes this layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final, cast

from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_COUNT_KEYS,
    T2_DOC_FIELDS,
    T2_DOC_ROWS,
    T2_FEE_KEY,
    T3_COLS,
    T3_R36_AGGREGATE,
    T3_ROWS,
    T4_CELLS,
    Cell,
    Finding,
    FormatVersion,
    MoneyCell,
    OwnerType,
    Provenance,
    Report,
    Table2,
    Table3,
    Table4,
    t2_id,
    t3_id,
    t4_id,
)

SCHEMA_ID: Final = "https://gongkai.invalid/schemas/reportkit/report-1.json"
SCHEMA_VERSION: Final = 1

JsonDict = dict[str, Any]


class ReportJsonError(ValueError):
    """The JSON does not describe a report in this schema."""


# --- out -------------------------------------------------------------------------------------


def report_to_dict(report: Report) -> JsonDict:
    """The report as a JSON-ready dict (see the module docstring for the layout)."""
    provenance: dict[str, str] = {}
    return {
        "schema_version": SCHEMA_VERSION,
        "title": report.title,
        "org": report.org,
        "year": report.year,
        "format_version": report.format_version.value,
        "owner_type": report.owner_type.value if report.owner_type else None,
        "published_on": report.published_on,
        "sections": {k: report.sections[k] for k in SECTION_IDS if k in report.sections},
        "table2": _table2_out(report.table2, provenance),
        "table3": _table3_out(report.table3, provenance),
        "table4": _table4_out(report.table4, provenance),
        "provenance": provenance,
    }


def _note(provenance: dict[str, str], cell_id: str, cell: Cell | MoneyCell) -> None:
    if cell.provenance is not Provenance.READ:
        provenance[cell_id] = cell.provenance.value


def _table2_out(t2: Table2, provenance: dict[str, str]) -> JsonDict:
    out: JsonDict = {}
    for row in T2_DOC_ROWS:
        out[row] = {}
        for fld in T2_DOC_FIELDS:
            cell = t2.count(f"{row}.{fld}")
            out[row][fld] = cell.value
            _note(provenance, t2_id(f"{row}.{fld}"), cell)
    for key in ("licensing", "penalty", "coercion"):
        out[key] = t2.count(key).value
        _note(provenance, t2_id(key), t2.count(key))
    fee = t2.fee_wan_yuan
    out[T2_FEE_KEY] = None if fee.value is None else str(fee.value)
    _note(provenance, t2_id(T2_FEE_KEY), fee)
    if t2.legacy:
        out["legacy"] = dict(t2.legacy)
    return out


def _table3_out(t3: Table3, provenance: dict[str, str]) -> JsonDict:
    out: JsonDict = {}
    for row in (*T3_ROWS, T3_R36_AGGREGATE):
        if row not in t3.rows:
            continue
        out[row] = [t3.cell(row, c).value for c in T3_COLS]
        for col in T3_COLS:
            _note(provenance, t3_id(row, col), t3.cell(row, col))
    return out


def _table4_out(t4: Table4, provenance: dict[str, str]) -> JsonDict:
    for key in T4_CELLS:
        _note(provenance, t4_id(key), t4.cell(key))
    return {key: t4.cell(key).value for key in T4_CELLS}


def finding_to_dict(finding: Finding) -> JsonDict:
    """A finding as a JSON-ready dict."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "cells": list(finding.cells),
        "evidence": dict(finding.evidence),
    }


# --- in --------------------------------------------------------------------------------------


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """Build a report from ``report_to_dict`` output; raises ``ReportJsonError`` when malformed."""
    if not isinstance(data, Mapping):
        raise ReportJsonError("report JSON must be an object")
    provenance = _mapping(data.get("provenance", {}), "provenance")
    try:
        version = FormatVersion(str(data.get("format_version", "2021")))
        owner = data.get("owner_type")
        return Report(
            title=_opt_str(data.get("title")),
            org=_opt_str(data.get("org")),
            year=_opt_int(data.get("year"), "year"),
            format_version=version,
            owner_type=OwnerType(owner) if owner else None,
            published_on=_opt_str(data.get("published_on")),
            sections={k: str(v) for k, v in _mapping(data.get("sections", {}), "sections").items()},
            table2=_table2_in(_mapping(data.get("table2", {}), "table2"), provenance),
            table3=_table3_in(_mapping(data.get("table3", {}), "table3"), provenance),
            table4=_table4_in(_mapping(data.get("table4", {}), "table4"), provenance),
        )
    except ValueError as exc:
        raise ReportJsonError(str(exc)) from exc


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ReportJsonError(f"{what} must be an object")
    return cast(Mapping[str, Any], value)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReportJsonError(f"{what} must be an integer or null, got {value!r}")
    return value


def _cell_in(value: object, cell_id: str, provenance: Mapping[str, Any]) -> Cell:
    prov = Provenance(provenance.get(cell_id, Provenance.READ.value))
    if value is None and prov is Provenance.READ:
        prov = Provenance.MISSING
    return Cell(_opt_int(value, cell_id), prov)


def _table2_in(data: Mapping[str, Any], provenance: Mapping[str, Any]) -> Table2:
    counts: dict[str, Cell] = {}
    for key in T2_COUNT_KEYS:
        row, _, fld = key.partition(".")
        value = _mapping(data.get(row, {}), row).get(fld) if fld else data.get(key)
        counts[key] = _cell_in(value, t2_id(key), provenance)
    legacy = {str(k): str(v) for k, v in _mapping(data.get("legacy", {}), "legacy").items()}
    return Table2(counts, _fee_in(data.get(T2_FEE_KEY), provenance), legacy)


def _fee_in(value: object, provenance: Mapping[str, Any]) -> MoneyCell:
    prov = Provenance(provenance.get(t2_id(T2_FEE_KEY), Provenance.READ.value))
    if value is None:
        return MoneyCell(None, Provenance.MISSING if prov is Provenance.READ else prov)
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ReportJsonError(f"fee_wan_yuan is not a decimal: {value!r}") from exc
    return MoneyCell(amount, prov, str(value))


def _table3_in(data: Mapping[str, Any], provenance: Mapping[str, Any]) -> Table3:
    rows: dict[str, tuple[Cell, ...]] = {}
    for row in (*T3_ROWS, T3_R36_AGGREGATE):
        if row not in data:
            continue
        values = data[row]
        if not isinstance(values, Sequence) or len(values) != len(T3_COLS):
            raise ReportJsonError(f"table3.{row} must be a list of 7 values")
        rows[row] = tuple(
            _cell_in(v, t3_id(row, c), provenance) for v, c in zip(values, T3_COLS, strict=True)
        )
    return Table3(rows)


def _table4_in(data: Mapping[str, Any], provenance: Mapping[str, Any]) -> Table4:
    return Table4({k: _cell_in(data.get(k), t4_id(k), provenance) for k in T4_CELLS})
