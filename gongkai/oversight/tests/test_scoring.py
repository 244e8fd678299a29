"""The §5 scoring rules at every threshold (pure: no database)."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.oversight import scoring
from gongkai.oversight.scoring import Recorded, SheetError, score, sheet_from_dict

SHEETS = Path(__file__).resolve().parent.parent / "sheets"


def load(name):
    return sheet_from_dict(json.loads((SHEETS / name).read_text("utf-8")))


WEBSITE = load("gb2019_website.json")
NEW_MEDIA = load("gb2019_new_media.json")


def deductions_totalling(total: str) -> dict[str, Decimal]:
    """Spread ``total`` points of deductions over indicators, each within its cap."""
    left = Decimal(total)
    out = {}
    for item in WEBSITE.deductions:
        take = min(left, item.points)
        if take:
            out[item.code] = take
        left -= take
    assert left == 0
    return out


FULL_BONUS = {item.code: item.points for item in WEBSITE.bonuses}


def test_the_bundled_sheets_are_valid_and_deductions_sum_to_100():
    for sheet in (WEBSITE, NEW_MEDIA):
        assert sum(i.points for i in sheet.deductions) == Decimal(100)
    assert sum(i.points for i in WEBSITE.bonuses) == Decimal(30)
    assert NEW_MEDIA.bonuses == ()
    assert set(WEBSITE.groups) == {"发布解读", "办事服务", "互动交流", "功能设计"}
    assert {i.label for i in WEBSITE.vetoes} >= {"站点无法访问", "首页不更新", "栏目不更新"}


def test_any_veto_fails_and_stops_scoring_even_with_full_marks():
    result = score(WEBSITE, Recorded(vetoes=frozenset({"unreachable"})), is_portal=True)
    assert result.verdict == "fail"
    assert result.part2 is None and result.total is None
    assert "站点无法访问" in result.reasons[0]


def test_a_new_media_veto_fails():
    result = score(NEW_MEDIA, Recorded(vetoes=frozenset({"content_stale"})), is_portal=False)
    assert not result.passed


@pytest.mark.parametrize(
    ("part2", "portal", "verdict", "total", "bonus"),
    [
        ("59.5", True, "fail", "59.5", None),
        ("60", True, "pass", "60", None),
        ("60", False, "pass", "60", None),
        ("80", True, "pass", "80", None),  # bonus only strictly above 80
        ("80.5", True, "pass", "110.5", "30"),
        ("80.5", False, "pass", "80.5", None),  # bonus only for portals
        ("100", True, "pass", "130", "30"),
    ],
)
def test_thresholds_with_and_without_bonus(part2, portal, verdict, total, bonus):
    deducted = str(Decimal(100) - Decimal(part2))
    recorded = Recorded(deductions=deductions_totalling(deducted), bonuses=FULL_BONUS)
    result = score(WEBSITE, recorded, is_portal=portal)
    assert result.verdict == verdict
    assert result.part2 == Decimal(part2)
    assert result.total == Decimal(total)
    assert result.bonus == (Decimal(bonus) if bonus else None)


def test_80_5_without_recorded_bonus_counts_zero_bonus():
    recorded = Recorded(deductions=deductions_totalling("19.5"))
    result = score(WEBSITE, recorded, is_portal=True)
    assert result.total == Decimal("80.5") and result.bonus == Decimal(0)


def test_deductions_within_one_indicator_are_capped_at_its_points():
    # pub_disclosure is worth 12: recording 30 deducts only 12.
    result = score(WEBSITE, Recorded(deductions={"pub_disclosure": Decimal(30)}), is_portal=False)
    assert result.part2 == Decimal(88)


def test_bonus_items_are_capped_at_their_points():
    recorded = Recorded(bonuses={"bonus_innovation": Decimal(50)})
    result = score(WEBSITE, recorded, is_portal=True)
    assert result.bonus == Decimal(10)


def test_unknown_item_codes_are_refused():
    with pytest.raises(SheetError, match="没有这些指标"):
        score(WEBSITE, Recorded(deductions={"nope": Decimal(1)}), is_portal=False)
    with pytest.raises(SheetError):  # a veto code recorded as a deduction
        score(WEBSITE, Recorded(deductions={"security": Decimal(1)}), is_portal=False)


@given(
    st.dictionaries(
        st.sampled_from([i.code for i in WEBSITE.deductions]),
        st.decimals(min_value=0, max_value=200, places=1),
    )
)
def test_part2_is_always_between_0_and_100(deductions):
    result = score(WEBSITE, Recorded(deductions=deductions), is_portal=False)
    assert result.part2 is not None and Decimal(0) <= result.part2 <= Decimal(100)
    assert result.passed == (result.part2 >= 60)


def test_a_sheet_roundtrips_through_its_json_form():
    assert sheet_from_dict(scoring.sheet_to_dict(WEBSITE)) == WEBSITE


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("code"), "缺少 code"),
        (lambda d: d.update(variant="paper"), "variant 必须是"),
        (lambda d: d["deductions"][0].update(points="abc"), "不是数字"),
        (lambda d: d["deductions"][0].update(points="6"), "合计 101"),
        (lambda d: d["bonuses"][0].update(points="11"), "加分指标分值合计 31"),
        (lambda d: d["vetoes"].append(dict(d["vetoes"][0])), "重复"),
        (lambda d: d.update(vetoes=[]), "vetoes 必须是非空的列表"),
        (lambda d: d["deductions"][2].pop("group"), "deductions 第 3 项：缺少 group"),
    ],
)
def test_invalid_sheets_are_refused_with_a_clear_message(mutate, message):
    data = json.loads((SHEETS / "gb2019_website.json").read_text("utf-8"))
    mutate(data)
    with pytest.raises(SheetError, match=message):
        sheet_from_dict(data)


def test_assessment_deduction_score_never_goes_below_zero():
    assert scoring.deduction_score(points=Decimal(20), per_item=Decimal(2), count=3) == 14
    assert scoring.deduction_score(points=Decimal(20), per_item=Decimal(2), count=30) == 0


def test_ranking_shares_places_and_leaves_incomplete_unranked():
    ranks = scoring.rank({"a": Decimal(90), "b": Decimal(95), "c": Decimal(90), "d": None})
    assert ranks == {"b": 1, "a": 2, "c": 2, "d": None}


def test_assessment_indicators_are_validated():
    with pytest.raises(SheetError, match="per_item"):
        scoring.assessment_indicators_from_list(
            [{"code": "x", "label": "X", "points": 10, "provider": "foi_late_replies"}]
        )
