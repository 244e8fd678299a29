"""Drafted text states the computed figures in the form the narrative rules check."""

from decimal import Decimal

from gongkai.reportkit import validate
from gongkai.reportkit.schema import empty_report
from gongkai.reports.narrative import (
    NarrativeFigures,
    draft_sections,
    fee_statement,
    has_placeholders,
)


def figures(**overrides):
    base = dict(
        org_name="测试市人民政府",
        year=2021,
        is_government=True,
        items_published=3200,
        normative_issued=24,
        messages=[("12345市长热线", 14287), ("市长信箱", 549)],
        received=75,
        carried_over=0,
        closed=66,
        carried_forward=9,
    )
    return NarrativeFigures(**{**base, **overrides})


def test_section_one_states_the_figures():
    text = draft_sections(figures())["S1"]
    assert "主动公开政府信息3200条" in text
    assert "12345市长热线14287件，市长信箱549件" in text
    assert "受理政府信息公开申请75件" in text
    assert "均在法定期限内予以答复" in text
    assert "未向申请人收取任何费用" in text
    for heading in [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]:
        assert heading in text


def test_overdue_replies_are_not_hidden():
    text = draft_sections(figures(overdue_replies=2))["S1"]
    assert "均在法定期限内" not in text
    assert "逾期答复2件" in text


def test_section_six_states_fees_even_when_nil():
    assert fee_statement(figures()) == "本年度未发出信息处理费收费通知，未收取信息处理费。"
    stated = fee_statement(
        figures(
            fee_notices=2, fee_notice_amount_yuan=Decimal("300"), fees_collected_yuan=Decimal("100")
        )
    )
    assert stated == "本年度发出信息处理费收费通知2件，金额300.00元；实际收取信息处理费100.00元。"


def test_problems_and_measures_are_left_for_staff():
    sections = draft_sections(figures())
    assert has_placeholders(sections) == ["S5"]


def test_the_draft_passes_the_narrative_rules_n01_n03_n08():
    report = empty_report(org="测试市人民政府", year=2021, fill_zero=True)
    from dataclasses import replace

    from gongkai.reportkit.schema import Cell

    report = report.with_t3("R1", "C1", Cell(75)).with_t3("R1", "C7", Cell(75))
    report = replace(report, sections=draft_sections(figures()))
    rules = {f.rule for f in validate(report)}
    assert not rules & {"N-01", "N-03", "N-08", "F-05"}
