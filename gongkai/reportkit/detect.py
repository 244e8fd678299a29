"""Which template a report follows (ogi-spec §3.3), and the 2019 → 2021 mapping (§3.2).

* 2021 (国办公开办函〔2021〕30号): table 二 has 本年制发件数 / 本年废止件数, or table 三 has
  （六）2.申请人逾期未按收费通知要求缴纳费用.
* 2019 trial format (60号): 本年新制作数量, 对外公开总数量, 上一年项目数量 or 第二十条第（九）项.
* pre2019 (2007 Regulation): no article-20 tables; headings such as 概述 / 依申请公开 /
  收费及减免. Such reports are recognised and reported, never validated with 2021 rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gongkai.reportkit.labels import PRE2019_HEADINGS, compact
from gongkai.reportkit.schema import FormatVersion

_MARKS_2021: Final = ("本年制发件数", "本年废止件数", "逾期未按收费通知要求缴纳费用")
_MARKS_2019: Final = ("本年新制作数量", "对外公开总数量", "上一年项目数量", "第二十条第(九)项")
_ARTICLE_20: Final = ("第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项")
_REPORT_WORDS: Final = ("政府信息公开", "年度报告", "依申请公开", "主动公开")


@dataclass(frozen=True, slots=True)
class Detection:
    """Detected version with the marks that decided it (for the human output)."""

    version: FormatVersion | None  # None: not recognisable as an annual report at all
    evidence: tuple[str, ...]


def detect_version(text: str, *, compacted: bool = False) -> Detection:
    """Classify the report text (any form; it is compacted here unless ``compacted``)."""
    flat = text if compacted else compact(text)
    marks21 = tuple(m for m in _MARKS_2021 if m in flat)
    marks19 = tuple(m for m in _MARKS_2019 if m in flat)
    if marks21 and len(marks21) >= len(marks19):
        return Detection(FormatVersion.V2021, marks21)
    if marks19:
        return Detection(FormatVersion.V2019, marks19)
    if any(a in flat for a in _ARTICLE_20) or "勾稽关系" in flat:
        return Detection(FormatVersion.V2021, ("第二十条 tables without version marks",))
    pre = tuple(p.pattern for p in PRE2019_HEADINGS if p.search(flat))
    if len(pre) >= 2 and any(w in flat for w in _REPORT_WORDS):
        return Detection(FormatVersion.PRE2019, pre)
    if "年度报告" in flat and "政府信息公开" in flat:
        return Detection(FormatVersion.V2021, ("report title only",))
    return Detection(None, ())


# --- 2019 → 2021 mapping (ogi-spec §3.2) ------------------------------------------------------

MAPPING_2019: Final = {
    "本年新制作数量": ("issued", "approximate: 新制作 → 本年制发件数"),
    "本年新公开数量": ("legacy:newly_published", "no 2021 column"),
    "对外公开总数量": ("legacy:published_total", "对外公开总数量 ≠ 现行有效件数; kept apart"),
    "规范性文件": ("normative_documents", "规范性文件 → 行政规范性文件"),
    "处理决定数量": ("decisions", "处理决定数量 → 本年处理决定数量"),
    "上一年项目数量": ("legacy:items_last_year", "no 2021 column"),
    "本年增/减": ("legacy:items_change", "no 2021 column"),
    "其他对外管理服务事项": ("legacy:other_services", "row dropped in 2021"),
    "行政事业性收费": ("legacy:fee_items", "2019 counts fee items, 2021 the amount: no mapping"),
    "政府集中采购": ("legacy:procurement", "第二十条第（九）项 removed in 2021"),
    "（六）其他处理": ("R3.6", "one aggregate row; R3.6.1..3 not applicable; T3-03 uses it"),
}
"""2019 label → (2021 target, note). ``legacy:`` targets land in ``Table2.legacy``."""
