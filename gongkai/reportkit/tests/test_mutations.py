"""Generated mutation suite: for every rule of ogi-spec §2.6, a report that breaks exactly that
rule yields findings of exactly that rule id (and the unbroken base yields none)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from gongkai.reportkit.schema import Cell, MoneyCell, Provenance, Report, Severity, Table3
from gongkai.reportkit.tests.builders import (
    S1,
    S5,
    base_context,
    base_previous,
    base_report,
    move,
    section,
    shift,
)
from gongkai.reportkit.validate import RULES, OpenCase, ValidationContext, validate


@dataclass(frozen=True)
class Case:
    """One mutation: report, previous year and context after breaking one rule."""

    report: Report
    previous: Report
    context: ValidationContext


def _case(
    report: Report | None = None,
    previous: Report | None = None,
    context: ValidationContext | None = None,
) -> Case:
    return Case(report or base_report(), previous or base_previous(), context or base_context())


def _t3_02() -> Case:
    # Row sums broken in two rows; column sums unchanged.
    return _case(shift(shift(base_report(), "R3.1", "C1", 1), "R3.2", "C1", -1))


def _t3_03() -> Case:
    r = shift(shift(base_report(), "R3.7", "C1", 1), "R3.7", "C7", 1)
    return _case(shift(shift(r, "R4", "C1", -1), "R4", "C7", -1))


def _t3_05() -> Case:
    # A 2x2 swap keeps every identity but leaves two negative cells.
    r = shift(shift(base_report(), "R3.1", "C1", -9), "R3.1", "C2", 9)
    return _case(shift(shift(r, "R3.2", "C1", 9), "R3.2", "C2", -9))


def _t3_06() -> Case:
    # R3.6.2 > 0 while section 六 is silent about fee notices (and 一 makes no fee claim).
    r = move(base_report(), "R3.6.3", "R3.6.2")
    r = section(r, "S1", S1.replace("，未向申请人收取任何费用", ""))
    return _case(section(r, "S6", "本年度信息处理费实际收取0元。"))


def _no_room_rule(key: str, value: int) -> Report:
    return base_report().with_t2(key, Cell(value))


def _t2_04() -> Case:
    r = base_report().with_t2("rules.issued", Cell(1)).with_t2("rules.in_force", Cell(1))
    return _case(r)


def _t4_02() -> Case:
    return _case(base_report().with_t4("A1", Cell(-1)).with_t4("A2", Cell(3)))


def _without_row(row: str) -> Report:
    report = base_report()
    rows = {r: c for r, c in report.table3.rows.items() if r != row}
    return replace(report, table3=Table3(rows))


MUTATIONS: dict[str, Callable[[], Case]] = {
    "T3-01": lambda: _case(shift(shift(base_report(), "R4", "C1", 1), "R4", "C7", 1)),
    "T3-02": _t3_02,
    "T3-03": _t3_03,
    "T3-04": lambda: _case(previous=shift(shift(base_previous(), "R4", "C1", 1), "R4", "C7", 1)),
    "T3-05": _t3_05,
    "T3-06": _t3_06,
    "T3-07": lambda: _case(move(base_report(), "R3.6.3", "R3.6.1")),
    "T3-08": lambda: _case(move(base_report(), "R3.6.3", "R3.5.4")),
    "T3-09": lambda: _case(
        context=replace(
            base_context(),
            open_cases=(*(base_context().open_cases or ()), OpenCase("2024-003", 50)),
        )
    ),
    "T2-01": lambda: _case(
        replace(
            base_report(),
            table2=replace(base_report().table2, fee_wan_yuan=MoneyCell(Decimal("1.23456"))),
        )
    ),
    "T2-02": lambda: _case(_no_room_rule("normative_documents.in_force", 60)),
    "T2-03": lambda: _case(
        base_report()
        .with_t2("normative_documents.abolished", Cell(60))
        .with_t2("normative_documents.in_force", Cell(0))
    ),
    "T2-04": _t2_04,
    "T2-05": lambda: _case(
        replace(
            base_report(),
            table2=replace(base_report().table2, fee_wan_yuan=MoneyCell(Decimal(2_000_000))),
        )
    ),
    "T4-01": lambda: _case(base_report().with_t4("A1", Cell(2))),
    "T4-02": _t4_02,
    "T4-03": lambda: _case(previous=base_previous().with_t4("A4", Cell(3)).with_t4("A5", Cell(5))),
    "T4-04": lambda: _case(base_report().with_t4("B1", Cell(1)).with_t4("B5", Cell(1))),
    "N-01": lambda: _case(section(base_report(), "S1", S1.replace("申请25件", "申请30件"))),
    "N-02": lambda: _case(context=base_context(overdue_replies=2)),
    "N-03": lambda: _case(context=base_context(fees_collected_yuan=Decimal(300))),
    "N-04": lambda: _case(section(base_report(), "S1", S1.replace("复议案件2件", "复议案件三件"))),
    "N-05": lambda: _case(
        section(base_report(), "S1", S1.replace("规范性文件5件", "规范性文件6件"))
    ),
    "N-06": lambda: _case(section(base_report(), "S1", S1.replace("2024年，", "2023年，", 1))),
    "N-07": lambda: _case(previous=section(base_previous(), "S5", S5)),
    "N-08": lambda: _case(section(base_report(), "S1", S1.replace("社会评议", "座谈"))),
    "F-01": lambda: _case(section(base_report(), "S6", None)),
    "F-02": lambda: _case(base_report().with_t2("licensing", Cell(None, Provenance.MISSING))),
    "F-03": lambda: _case(_without_row("R3.3.8")),
    "F-04": lambda: _case(base_report().with_t4("B2", Cell(None, Provenance.MISSING))),
    "F-05": lambda: _case(section(base_report(), "S6", "无。")),
    "F-06": lambda: _case(context=base_context(published_on=date(2025, 4, 15))),
    "F-07": lambda: _case(section(base_report(), "S1", S1.replace("监督保障情况", "其他工作情况"))),
}


def test_every_rule_of_the_spec_has_a_mutation() -> None:
    """§2.6 lists T3-01..09, T2-01..05, T4-01..04, N-01..08, F-01..07: all are covered."""
    assert set(MUTATIONS) == set(RULES)
    assert len(RULES) == 9 + 5 + 4 + 8 + 7


def test_the_unbroken_base_report_passes_every_rule() -> None:
    assert validate(base_report(), base_previous(), base_context()) == []


@pytest.mark.parametrize("rule_id", sorted(MUTATIONS))
def test_breaking_one_rule_yields_exactly_that_rule(rule_id: str) -> None:
    case = MUTATIONS[rule_id]()
    findings = validate(case.report, case.previous, case.context)
    assert findings, f"{rule_id}: no finding"
    assert {f.rule for f in findings} == {rule_id}
    for f in findings:
        assert f.message and f.severity in Severity
        assert f.cells, f"{rule_id}: a finding must name the cells or items involved"


@pytest.mark.parametrize("rule_id", ["T3-07", "T3-08", "T3-09", "N-02", "F-06", "T2-04"])
def test_context_rules_are_skipped_without_context(rule_id: str) -> None:
    """Case-level rules need platform data; without it they stay silent instead of guessing."""
    case = MUTATIONS[rule_id]()
    assert rule_id not in {f.rule for f in validate(case.report, case.previous, None)}


@pytest.mark.parametrize("rule_id", ["T3-04", "T2-02", "T2-03", "T4-03", "N-07"])
def test_continuity_rules_need_the_previous_report(rule_id: str) -> None:
    case = MUTATIONS[rule_id]()
    assert rule_id not in {f.rule for f in validate(case.report, None, case.context)}
