"""Turning live figures into the report engine's typed report (gongkai.reportkit schema)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from gongkai.reportkit.schema import (
    T2_COUNT_KEYS,
    T3_ROWS,
    T4_CELLS,
    Cell,
    FormatVersion,
    MoneyCell,
    OwnerType,
    Provenance,
    Report,
    Table2,
    Table3,
    Table4,
)
from gongkai.reports.sources import LiveFigures

FOUR_PLACES = Decimal("0.0001")


def report_title(*, org_name: str, year: int) -> str:
    return f"{org_name}{year}年政府信息公开工作年度报告"


def build_report(*, figures: LiveFigures, sections: Mapping[str, str]) -> Report:
    """The report of ``figures`` with the given running text; every cell is read from data."""
    organisation = figures.organisation
    fee = figures.fee_wan_yuan
    return Report(
        org=organisation.name,
        year=figures.year,
        format_version=FormatVersion.V2021,
        title=report_title(org_name=organisation.name, year=figures.year),
        owner_type=OwnerType(organisation.report_owner_type),
        table2=Table2(
            counts={key: Cell(figures.table2_counts[key]) for key in T2_COUNT_KEYS},
            fee_wan_yuan=MoneyCell(
                fee.quantize(FOUR_PLACES) if fee is not None else Decimal("0.0000"),
                Provenance.READ if fee is not None else Provenance.BLANK,
            ),
        ),
        table3=Table3({row: tuple(Cell(v) for v in figures.table3[row]) for row in T3_ROWS}),
        table4=Table4({key: Cell(figures.table4[key]) for key in T4_CELLS}),
        sections=dict(sections),
    )


def with_sections(report: Report, sections: Mapping[str, str]) -> Report:
    return replace(report, sections={**report.sections, **sections})
