"""Official labels of the 2021 format, their ids, and tolerant matching.

Real reports drift from the printed labels: half-/full-width brackets and digits, "，" for
"、", dropped words ("2.其他法律法规禁止公开"), OCR slips ("本年度止件数" for 本年废止件数,
ogi-spec §2.7). Matching therefore works on *folded* text (``fold``: full-width ASCII →
ASCII, one character for one character so positions survive) with whitespace removed
(``compact``), and each row is recognised by short distinctive keys rather than its full
label. Headers are matched exactly first, then with edit distance ≤ 1 (and a warning).
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Final

# --- folding ---------------------------------------------------------------------------------

_FOLD: Final[dict[int, int]] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20,  # ideographic space
    0x00A0: 0x20,  # no-break space (HTML &nbsp;)
    0x2212: ord("-"),  # minus sign
}
_FOLD_CHARS: Final = {chr(k): chr(v) for k, v in _FOLD.items()}
_FOLD_RE: Final = re.compile("[\uff01-\uff5e\u3000\u00a0\u2212]")

_WS_RE: Final = re.compile(r"\s+")
_NON_WS_RE: Final = re.compile(r"\S+")


def fold(text: str) -> str:
    """Full-width ASCII variants → ASCII, ideographic/no-break space → space; same length."""
    # One regex scan for the characters present, then one C-level replace per distinct
    # character: ~10x faster than str.translate, as most characters need no change.
    # Each search resumes where the last hit was: everything before it is already folded,
    # so the text is scanned about once instead of listing every hit with ``findall``.
    match = _FOLD_RE.search(text)
    while match is not None:
        char = match.group()
        text = text.replace(char, _FOLD_CHARS[char])
        match = _FOLD_RE.search(text, match.start())
    return text


def compact(text: str) -> str:
    """Folded text without whitespace: the form every label match runs on."""
    return "".join(fold(text).split())


def squeeze(folded: str) -> str:
    """Whitespace removed from already-folded text (``compact`` without the fold)."""
    # str.split() splits on exactly the characters regex ``\s`` matches (str.isspace).
    return "".join(folded.split())


def compact_with_map(text: str) -> tuple[str, list[int]]:
    """``compact(text)`` plus, for each character kept, its index in ``text``."""
    folded = fold(text)
    parts: list[str] = []
    keep: list[int] = []
    for match in _NON_WS_RE.finditer(folded):
        parts.append(match.group())
        keep.extend(range(match.start(), match.end()))
    return "".join(parts), keep


class CompactText:
    """``compact`` of a folded text with the way back to positions in that text.

    Equivalent to ``compact_with_map`` (``flat_index(i)`` is ``where[i]``, ``compact_index(x)``
    is ``bisect_left(where, x)``) but keeps one entry per whitespace-free piece instead of one
    per character.
    """

    __slots__ = ("_cstarts", "_fstarts", "text")

    def __init__(self, folded: str) -> None:
        pieces = folded.split()
        self.text = "".join(pieces)
        # Compact start of each piece, plus the total length (so piece k's length is
        # _cstarts[k + 1] - _cstarts[k]).
        self._cstarts: list[int] = list(itertools.accumulate(map(len, pieces), initial=0))
        # None: no whitespace at the ends and exactly one character between pieces (the
        # usual case), so piece k starts at _cstarts[k] + k in the folded text; no list needed.
        self._fstarts: list[int] | None = None
        if len(folded) == len(self.text) + len(pieces) - 1:
            return
        starts: list[int] = []
        pos, find = 0, folded.find
        for piece in pieces:  # only whitespace lies between pos and the piece
            pos = find(piece, pos)
            starts.append(pos)
            pos += len(piece)
        self._fstarts = starts

    def _fstart(self, k: int) -> int:
        """Position in the folded text of piece ``k``."""
        return self._cstarts[k] + k if self._fstarts is None else self._fstarts[k]

    def flat_index(self, index: int) -> int:
        """Position in the folded text of compact character ``index`` (0 <= index < len)."""
        k = bisect.bisect_right(self._cstarts, index, 0, len(self._cstarts) - 1) - 1
        return self._fstart(k) + index - self._cstarts[k]

    def compact_index(self, position: int) -> int:
        """Index of the first compact character at or after ``position`` of the folded text."""
        cstarts, pieces = self._cstarts, len(self._cstarts) - 1
        if self._fstarts is None:
            k = bisect.bisect_right(range(pieces), position, key=self._fstart) - 1
        else:
            k = bisect.bisect_right(self._fstarts, position) - 1
        if k >= 0 and position < self._fstart(k) + cstarts[k + 1] - cstarts[k]:
            return cstarts[k] + position - self._fstart(k)
        return cstarts[k + 1]


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def find_fuzzy(label: str, text: str) -> tuple[int, int, bool] | None:
    """Find ``label`` in ``text``: exact first, else within one edit (labels ≥ 4 chars).

    Returns ``(start, end, exact)`` or None. Both arguments should be compacted.
    """
    pos = text.find(label)
    if pos >= 0:
        return pos, pos + len(label), True
    if len(label) < 4:
        return None
    for size in (len(label), len(label) - 1, len(label) + 1):
        for start in range(0, len(text) - size + 1):
            window = text[start : start + size]
            # Cheap pre-filter: a one-edit match shares the first or the last character.
            if (window[0] == label[0] or window[-1] == label[-1]) and within_one_edit(
                window, label
            ):
                return start, start + size, False
    return None


# --- sections (ogi-spec §2.2, aliases §3.3) ---------------------------------------------------

SECTION_HEADINGS: Final = {
    "S1": "一、总体情况",
    "S2": "二、主动公开政府信息情况",
    "S3": "三、收到和处理政府信息公开申请情况",
    "S4": "四、政府信息公开行政复议、行政诉讼情况",
    "S5": "五、存在的主要问题及改进情况",
    "S6": "六、其他需要报告的事项",
}

SECTION_PATTERNS: Final = {
    "S1": re.compile(r"一[、.,]总体情况"),
    "S2": re.compile(r"二[、.,]主动公开政府信息(?:的)?情况"),
    "S3": re.compile(r"三[、.,]收到和处理政府信息公开申请(?:的)?情况"),
    "S4": re.compile(r"四[、.,][^。\n]{0,24}?复议[、,]?[^。\n]{0,8}?诉讼(?:的)?情况"),
    "S5": re.compile(r"五[、.,](?:政府信息公开工作)?存在的?主要问题(?:及|和)改进(?:情况|措施)?"),
    "S6": re.compile(r"六[、.,]其他需要报告的事项"),
}

# Reports under the 2007 Regulation (ogi-spec §3.3): 概述 / 主动公开 / 依申请公开 / 收费及减免 …
PRE2019_HEADINGS: Final = (
    re.compile(r"[一二三四五六七][、.,]?概述"),
    re.compile(r"[一二三四五六七][、.,](?:政府信息)?主动公开(?:政府信息)?(?:的)?情况"),
    re.compile(r"[一二三四五六七][、.,](?:政府信息)?依申请公开(?:政府信息)?(?:的)?情况"),
    re.compile(r"收费及减免"),
    re.compile(r"[一二三四五六七][、.,][^。]{0,12}复议[^。]{0,10}诉讼"),
    re.compile(r"[一二三四五六七][、.,][^。]{0,10}问题和改进"),
)

# --- table 二 (ogi-spec §2.3) -------------------------------------------------------------------

T2_ROW_KEYS: Final = {
    "rules": re.compile(r"规章"),
    "normative_documents": re.compile(r"规范性文件"),
    "licensing": re.compile(r"行政许可"),
    "other_services": re.compile(r"其他对外管理服务事项"),  # 2019 legacy row
    "penalty": re.compile(r"行政处罚"),
    "coercion": re.compile(r"行政强制"),
    "fee": re.compile(r"行政事业性收费"),
    "procurement": re.compile(r"政府集中采购"),  # 2019 legacy row, art 20(九)
}

T2_HEADERS_2021: Final = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量")
T2_HEADERS_2019: Final = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量")
T2_FEE_HEADERS: Final = ("本年收费金额(单位:万元)", "本年收费金额(单位:万元,保留4位小数)")

# --- table 三 (ogi-spec §2.4) -------------------------------------------------------------------

T3_LABELS: Final = {
    "R1": "一、本年新收政府信息公开申请数量",
    "R2": "二、上年结转政府信息公开申请数量",
    "R3.1": "（一）予以公开",
    "R3.2": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "R3.3.1": "1.属于国家秘密",
    "R3.3.2": "2.其他法律行政法规禁止公开",
    "R3.3.3": "3.危及“三安全一稳定”",
    "R3.3.4": "4.保护第三方合法权益",
    "R3.3.5": "5.属于三类内部事务信息",
    "R3.3.6": "6.属于四类过程性信息",
    "R3.3.7": "7.属于行政执法案卷",
    "R3.3.8": "8.属于行政查询事项",
    "R3.4.1": "1.本机关不掌握相关政府信息",
    "R3.4.2": "2.没有现成信息需要另行制作",
    "R3.4.3": "3.补正后申请内容仍不明确",
    "R3.5.1": "1.信访举报投诉类申请",
    "R3.5.2": "2.重复申请",
    "R3.5.3": "3.要求提供公开出版物",
    "R3.5.4": "4.无正当理由大量反复申请",
    "R3.5.5": "5.要求行政机关确认或重新出具已获取信息",
    "R3.6.1": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "R3.6.2": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "R3.6.3": "3.其他",
    "R3.7": "（七）总计",
    "R4": "四、结转下年度继续办理",
}
"""Leaf labels as printed; group labels are in ``T3_GROUPS``."""

T3_GROUPS: Final = {
    "R3": "三、本年度办理结果",
    "R3.3": "（三）不予公开",
    "R3.4": "（四）无法提供",
    "R3.5": "（五）不予处理",
    "R3.6": "（六）其他处理",
}

T3_COL_LABELS: Final = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)

# Distinctive keys on compact text. A text run is assigned the row whose key ends last in it,
# so group labels and stray header words before a row label do not win.
T3_ROW_KEYS: Final = {
    "R1": re.compile(r"本年新收"),
    "R2": re.compile(r"上年结转"),
    "R3.1": re.compile(r"予以公开"),
    "R3.2": re.compile(r"部分公开"),
    "R3.3.1": re.compile(r"国家秘密"),
    "R3.3.2": re.compile(r"禁止公开|其他法律"),
    "R3.3.3": re.compile(r"三安全一稳定|危及"),
    "R3.3.4": re.compile(r"第三方合法权益"),
    "R3.3.5": re.compile(r"内部事务"),
    "R3.3.6": re.compile(r"过程性信息"),
    "R3.3.7": re.compile(r"执法案卷"),
    "R3.3.8": re.compile(r"行政查询"),
    "R3.4.1": re.compile(r"不掌握"),
    "R3.4.2": re.compile(r"另行制作|没有现成"),
    "R3.4.3": re.compile(r"补正后"),
    "R3.5.1": re.compile(r"信访|举报投诉"),
    "R3.5.2": re.compile(r"重复申请"),
    "R3.5.3": re.compile(r"公开出版物"),
    "R3.5.4": re.compile(r"大量反复"),
    "R3.5.5": re.compile(r"重新出具"),
    "R3.6.1": re.compile(r"逾期不补正"),
    "R3.6.2": re.compile(r"收费通知|缴纳费用"),
    "R3.6.3": re.compile(r"3[.,、]?其他(?!处理|法律|对外)"),
    "R3.6": re.compile(r"\(六\)其他处理$"),  # one merged （六） row: 2019 format or a local variant
    "R3.7": re.compile(r"\(七\)(?:总计|合计)|七[、.]总计"),
    "R4": re.compile(r"结转下一?年度?"),
}

# --- table 四 (ogi-spec §2.5) -------------------------------------------------------------------

T4_LEAF_LABELS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_BLOCK_LABELS: Final = ("行政复议", "未经复议直接起诉", "复议后起诉")


_COMBINED: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def classify(text: str, keys: dict[str, re.Pattern[str]]) -> tuple[str, int] | None:
    """The id whose key ends last in compact ``text``, with that end offset; None if none.

    All keys of a table run as one alternation (one scan instead of one per row); the last
    match of the scan is the key that ends last.
    """
    memo = _CLASSIFIED.get(id(keys))
    if memo is None:
        memo = _CLASSIFIED[id(keys)] = {}
    if text in memo:
        return memo[text]
    if len(memo) > 4096:
        memo.clear()
    memo[text] = result = _classify(text, keys)
    return result


# Row labels repeat from report to report, so classifications are memoised per key table.
_CLASSIFIED: dict[int, dict[str, tuple[str, int] | None]] = {}


def _classify(text: str, keys: dict[str, re.Pattern[str]]) -> tuple[str, int] | None:
    combined = _COMBINED.get(id(keys))
    if combined is None:
        names = {f"k{i}": ident for i, ident in enumerate(keys)}
        alternation = "|".join(f"(?P<{n}>{keys[ident].pattern})" for n, ident in names.items())
        combined = (re.compile(alternation), names)
        _COMBINED[id(keys)] = combined
    pattern, names = combined
    best: tuple[str, int] | None = None
    for match in pattern.finditer(text):
        group = match.lastgroup
        if group is not None and (best is None or match.end() >= best[1]):
            best = (names[group], match.end())
    return best
