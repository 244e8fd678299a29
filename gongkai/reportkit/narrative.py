"""Numbers in the running text (for the narrative-vs-table checks N-01 … N-06).

Reports write counts in Arabic digits ("受理75件", "受理 749 件"), full-width digits or Chinese
numerals ("七十五件", "两件"). ``counts_near`` finds "<number>件" whose preceding few
characters contain a keyword, so "全年共受理依申请公开75件" yields 75 for 受理 while "12345市长
热线14287件" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from gongkai.reportkit.labels import fold

_CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                     "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER: Final = "零〇一二两三四五六七八九十百千万"
_COUNT_RE: Final = re.compile(rf"(\d[\d,]*|[{_CN_NUMBER}]+)\s*(件|宗|个)")
_YEAR_RE: Final = re.compile(r"(\d{4})\s*年")


def parse_cn_number(text: str) -> int | None:
    """Chinese numeral → int ("七十五" → 75, "十二" → 12, "一百零三" → 103); None if not one."""
    if not text or any(ch not in _CN_NUMBER for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> int | None:
    """Arabic (half- or full-width, with thousands separators) or Chinese numeral → int."""
    folded = fold(text).replace(",", "").strip()
    if folded.isdigit():
        return int(folded)
    return parse_cn_number(folded)


def counts_near(text: str, keywords: re.Pattern[str], window: int = 14) -> Iterator[int]:
    """Counts "<n>件" whose preceding ``window`` characters (same clause) match ``keywords``."""
    folded = fold(text)
    for match in _COUNT_RE.finditer(folded):
        start = match.start()
        before = folded[max(0, start - window) : start]
        before = re.split(r"[。；;！!？?\n]", before)[-1]
        if keywords.search(before):
            value = parse_number(match.group(1))
            if value is not None:
                yield value


def years_in(text: str) -> list[int]:
    """Four-digit years followed by 年."""
    return [int(y) for y in _YEAR_RE.findall(fold(text))]
