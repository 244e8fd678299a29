"""Format version detection (ogi-spec §3.3) and the 2019 → 2021 mapping (§3.2)."""

from __future__ import annotations

import pytest

from gongkai.reportkit import parse_text, validate
from gongkai.reportkit.detect import MAPPING_2019, detect_version
from gongkai.reportkit.schema import FormatVersion, Severity


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("信息内容 本年制发件数 本年废止件数 现行有效件数", FormatVersion.V2021),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理", FormatVersion.V2021),
        ("信息内容　本年新制作数量　本年新公开数量　对外公开总数量", FormatVersion.V2019),
        ("第二十条第（九）项 政府集中采购", FormatVersion.V2019),
        (
            "某市2015年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息的情况\n"
            "三、依申请公开政府信息情况\n四、政府信息公开的收费及减免情况",
            FormatVersion.PRE2019,
        ),
    ],
)
def test_version_marks(text: str, version: FormatVersion) -> None:
    assert detect_version(text).version is version


def test_text_that_is_no_report_is_not_recognised() -> None:
    assert detect_version("今天天气很好。").version is None


def test_pre2019_reports_are_recognised_not_validated() -> None:
    text = (
        "某县人民政府2016年政府信息公开工作年度报告\n一、概述\n本年度工作平稳。\n"
        "二、主动公开政府信息情况\n共公开信息100条。\n三、依申请公开政府信息情况\n无。\n"
        "四、政府信息公开的收费及减免情况\n未收费。"
    )
    result = parse_text(text)
    assert result.report.format_version is FormatVersion.PRE2019
    assert "P-07" in {f.rule for f in result.findings}
    findings = validate(result.report)
    assert [f.severity for f in findings] == [Severity.INFO]


def test_the_2019_mapping_keeps_unmappable_columns_apart() -> None:
    assert MAPPING_2019["本年新制作数量"][0] == "issued"
    assert MAPPING_2019["对外公开总数量"][0].startswith("legacy:")
    assert MAPPING_2019["行政事业性收费"][0].startswith("legacy:")
