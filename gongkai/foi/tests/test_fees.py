"""信息处理费 (条例第42条, 国办函〔2020〕109号; spec §1.5, D9): band edges hand-computed."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from gongkai.foi.fees import fee_main, fee_per_item, fee_per_item_total, fee_per_volume


@pytest.mark.parametrize(
    ("nth", "fee"),
    [
        (1, 0),
        (10, 0),  # 1–10 free
        (11, 100),
        (30, 100),  # 11–30: ¥100 each
        (31, 200),
        (40, 200),  # 31–40: ¥200 each
        (41, 300),
        (50, 300),  # 41–50: ¥300 each
        (51, 400),
        (60, 400),
        (61, 500),  # and ¥100 more per band of 10
    ],
)
def test_the_kth_application_of_a_month_costs_its_band_price(nth: int, fee: int) -> None:
    """109号第4条 (按件), D9."""
    assert fee_per_item(nth=nth) == Decimal(fee)


@pytest.mark.parametrize(
    ("count", "total"),
    [
        (0, 0),
        (10, 0),
        (11, 100),  # 1 × 100
        (30, 2000),  # 20 × 100
        (31, 2200),  # 2000 + 200
        (40, 4000),  # 2000 + 10 × 200
        (41, 4300),  # 4000 + 300
        (50, 7000),  # 4000 + 10 × 300
        (51, 7400),  # 7000 + 400
    ],
)
def test_the_monthly_total_is_progressive_on_the_excess(count: int, total: int) -> None:
    """109号第4条: each application pays its own band's price."""
    assert fee_per_item_total(count=count) == Decimal(total)


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (0, 0),
        (1, 0),
        (30, 0),  # 1–30 free
        (31, 10),  # 1 × 10
        (100, 700),  # 70 × 10
        (101, 720),  # 700 + 1 × 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 1 × 40
        (250, 4700),  # 2700 + 50 × 40
    ],
)
def test_the_page_fee_is_progressive_on_the_excess(pages: int, fee: int) -> None:
    """109号第5条 (按量): pages 31..100 at ¥10, 101..200 at ¥20, above 200 at ¥40."""
    assert fee_per_volume(pages=pages) == Decimal(fee)


def test_fees_are_decimals() -> None:
    assert isinstance(fee_per_item(nth=31), Decimal)
    assert isinstance(fee_per_volume(pages=31), Decimal)


@pytest.mark.parametrize("nth", [0, -1])
def test_it_rejects_an_application_number_below_1(nth: int) -> None:
    with pytest.raises(ValueError, match="不小于1"):
        fee_per_item(nth=nth)


def test_it_rejects_a_negative_count() -> None:
    with pytest.raises(ValueError, match="不能为负数"):
        fee_per_item_total(count=-1)


def test_it_rejects_negative_pages() -> None:
    with pytest.raises(ValueError, match="页数不能为负数"):
        fee_per_volume(pages=-1)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return fee_main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_command_prints_the_fee_in_yuan() -> None:
    assert run(["--per-item", "--nth", "31"])[:2] == (0, "200 元\n")
    assert run(["--per-volume", "--pages", "201"])[:2] == (0, "2740 元\n")
    assert run(["--per-item", "--count", "51"])[:2] == (0, "7400 元\n")


def test_the_command_prints_json() -> None:
    code, out, _ = run(["--per-volume", "--pages", "101", "--json"])
    assert code == 0
    assert json.loads(out) == {"method": "per_volume", "fee_yuan": "720"}


@pytest.mark.parametrize(
    "argv",
    [
        [],  # no method
        ["--per-item", "--per-volume", "--pages", "3"],  # D9: never both methods
        ["--per-item"],
        ["--per-item", "--nth", "3", "--count", "3"],
        ["--per-item", "--pages", "3"],
        ["--per-volume"],
        ["--per-volume", "--pages", "3", "--nth", "1"],
        ["--per-item", "--nth", "x"],
    ],
)
def test_the_command_returns_2_for_bad_arguments(argv: list[str]) -> None:
    code, out, err = run(argv)
    assert code == 2
    assert out == ""
    assert err.startswith("error:")


def test_the_command_shows_validation_errors_in_chinese() -> None:
    code, _, err = run(["--per-item", "--nth", "0"])
    assert code == 2
    assert "不小于1" in err
