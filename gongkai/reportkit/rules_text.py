"""Narrative-vs-table rules N-01 … N-08 and format rules F-01 … F-07 (ogi-spec §2.6).

Narrative checks read numbers out of the running text (``narrative``) and compare them with
the tables. They are warnings: a sentence can legitimately count differently, and the
reviewer decides. Only the clearest phrasings are read, so silence beats a false alarm.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final

from gongkai.reportkit.labels import SECTION_HEADINGS, fold
from gongkai.reportkit.narrative import parse_number, years_in
from gongkai.reportkit.schema import (
    SECTION_IDS,
    T2_COUNT_KEYS,
    T3_COLS,
    T3_ROWS,
    T4_CELLS,
    Finding,
    FormatVersion,
    OwnerType,
    Provenance,
    Severity,
    t2_id,
    t3_id,
    t4_id,
)
from gongkai.reportkit.validate import Inputs, finding, owner_type, rule, val

E, W, INF = Severity.ERROR, Severity.WARNING, Severity.INFO
_NUM: Final = r"(\d[\d,]*|[零〇一二两三四五六七八九十百千万]+)"


def _text(inp: Inputs, *sections: str) -> str:
    """Folded text of the sections, joined by line breaks (each section folded once)."""
    return "\n".join(_section(inp, s) for s in sections)


def _section(inp: Inputs, sid: str) -> str:
    key = "text:" + sid
    cached = inp.memo.get(key)
    if not isinstance(cached, str):
        cached = fold(inp.report.sections.get(sid, ""))
        inp.memo[key] = cached
    return cached


def _finditer(
    pattern: re.Pattern[str], text: str, starts: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches begin with one of ``starts``.

    The regex engine tries the pattern at every character; trying it only where one of the
    leading words occurs (found by substring search) gives the same matches, in the same
    order, for a fraction of the cost on long sections.
    """
    positions: set[int] = set()
    for word in starts:
        at = text.find(word)
        while at >= 0:
            positions.add(at)
            at = text.find(word, at + 1)
    end = 0
    for at in sorted(positions):
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            end = max(match.end(), at + 1)
            yield match


# --- N: narrative vs tables ------------------------------------------------------------------

_RECEIVED_STARTS: Final = ("受理", "收到", "新收")
_RECEIVED_RES: Final = (
    re.compile(rf"(?:受理|收到|新收)[^，。；,;]{{0,14}}?申请[^，。；,;\d]{{0,4}}?{_NUM}\s*件"),
    re.compile(rf"(?:受理|收到|新收)[^，。；,;\d]{{0,6}}?{_NUM}\s*件[^，。；,;]{{0,8}}申请"),
)


@rule("N-01")
def n_01(inp: Inputs) -> Iterable[Finding]:
    """An application count in 一 equals R1.C7 (or R1 + R2 when it includes carry-over)."""
    r1, r2 = val(inp.report.t3("R1", "C7")), val(inp.report.t3("R2", "C7"))
    if r1 is None:
        return
    allowed = {r1, r1 + (r2 or 0)}
    text = _text(inp, "S1")
    for pattern in _RECEIVED_RES:
        for match in _finditer(pattern, text, _RECEIVED_STARTS):
            stated = parse_number(match.group(1))
            if stated is not None and stated not in allowed:
                yield finding(
                    "N-01",
                    W,
                    f"总体情况称收到/受理申请{stated}件，与表三新收{r1}件"
                    f"（含上年结转为{r1 + (r2 or 0)}件）不符。",
                    {t3_id("R1", "C7"): r1, t3_id("R2", "C7"): r2, "text": match.group(0)},
                )
                return


_ON_TIME_RE: Final = re.compile(r"均在法定期限内|均按时|按期答复率100|均在规定时限内|全部按时")


@rule("N-02")
def n_02(inp: Inputs) -> Iterable[Finding]:
    """A claim that all replies were on time agrees with the case data."""
    ctx = inp.context
    if ctx is None or not ctx.overdue_replies:
        return
    match = _ON_TIME_RE.search(_text(inp, "S1"))
    if match:
        yield finding(
            "N-02",
            W,
            f"总体情况称“{match.group(0)}”，但案件数据中有{ctx.overdue_replies}件逾期答复。",
            {"case:overdue_replies": ctx.overdue_replies, "text": match.group(0)},
        )


_NO_FEE_RE: Final = re.compile(
    r"未收取[^。；]{0,8}费|未向申请人收取任何费用|无收取信息处理费|未产生信息处理费|没有收取[^。；]{0,8}费"
    r"|不收取[^。；]{0,8}费|未收费"
)
# Where a branch of _NO_FEE_RE can begin (for ``_finditer``).
_NO_FEE_STARTS: Final = ("未收", "未向", "未产生", "无收取", "没有收取", "不收取")
_FEE_AMOUNT_RE: Final = re.compile(
    r"(?:收取|收缴)[^。；]{0,12}?信息处理费[^。；]{0,6}?(\d[\d,.]*)\s*万?元"
)


@rule("N-03")
def n_03(inp: Inputs) -> Iterable[Finding]:
    """Fee statements agree: "no fee" needs R3.6.2 = 0 and a zero ledger; no contradiction."""
    text = _text(inp, "S1", "S6")
    no_fee = next(_finditer(_NO_FEE_RE, text, _NO_FEE_STARTS), None)  # = _NO_FEE_RE.search
    amount = _FEE_AMOUNT_RE.search(text)
    r362 = val(inp.report.t3("R3.6.2", "C7"))
    ledger = inp.context.fees_collected_yuan if inp.context else None
    collected = _amount(amount.group(1)) if amount else None
    if no_fee and amount and collected:
        yield finding(
            "N-03",
            W,
            f"关于信息处理费的表述前后矛盾：“{no_fee.group(0)}”与“{amount.group(0)}”。",
            {"text": no_fee.group(0), "text2": amount.group(0)},
        )
    elif no_fee and r362:
        yield finding(
            "N-03",
            W,
            f"报告称“{no_fee.group(0)}”，但表三有{r362}件因逾期未缴费终止处理，说明曾发出收费通知。",
            {t3_id("R3.6.2", "C7"): r362, "text": no_fee.group(0)},
        )
    elif no_fee and ledger:
        yield finding(
            "N-03",
            W,
            f"报告称“{no_fee.group(0)}”，但收费台账显示本年收取信息处理费{ledger}元。",
            {"ledger:fees_collected_yuan": str(ledger), "text": no_fee.group(0)},
        )


def _amount(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("."))
    except InvalidOperation:
        return None


# A count of cases within a short clause after 复议 or 诉讼 (the clause is checked below).
_DISPUTE_COUNT_RE: Final = re.compile(rf"(?:复议|诉讼)[^。；;\n\d]{{0,14}}?{_NUM}\s*(?:件|起)")


def _dispute_kinds(before: str) -> set[str]:
    """Which of 复议/诉讼 the clause just before a count talks about ("复议、诉讼案件" → both)."""
    clause = re.split(r"[，,。；;：:\n]", before)[-1]
    parts = clause.split("、")
    kinds = {k for k in ("复议", "诉讼") if k in parts[-1]}
    if kinds and len(parts) > 1 and not re.search(r"\d", parts[-2]):
        kinds |= {k for k in ("复议", "诉讼") if k in parts[-2]}
    return kinds


@rule("N-04")
def n_04(inp: Inputs) -> Iterable[Finding]:
    """Reconsideration / litigation counts in 一 or 五 equal A5 / B5 + C5."""
    a5, b5, c5 = (val(inp.report.table4.cell(k)) for k in ("A5", "B5", "C5"))
    if a5 is None or b5 is None or c5 is None:
        return
    expected = {frozenset({"复议"}): a5, frozenset({"诉讼"}): b5 + c5}
    expected[frozenset({"复议", "诉讼"})] = a5 + b5 + c5
    text = _text(inp, "S1", "S5")
    for match in _finditer(_DISPUTE_COUNT_RE, text, ("复议", "诉讼")):
        start = match.start(1)
        kinds = frozenset(_dispute_kinds(text[max(0, start - 16) : start]))
        stated = parse_number(match.group(1))
        if not kinds or stated is None or stated == expected[kinds]:
            continue
        yield finding(
            "N-04",
            W,
            f"文中“{match.group(0)}”（{'、'.join(sorted(kinds))}）与表四的{expected[kinds]}件不符。",
            {t4_id("A5"): a5, t4_id("B5"): b5, t4_id("C5"): c5, "text": match.group(0)},
        )


_NORMATIVE_STARTS: Final = ("现行有效", "制发", "出台", "印发", "制定")
_NORMATIVE_RE: Final = re.compile(
    rf"(现行有效|制发|出台|印发|制定)[^，。；,;\d]{{0,10}}?规范性文件[^，。；,;\d]{{0,3}}?{_NUM}\s*件"
)


@rule("N-05")
def n_05(inp: Inputs) -> Iterable[Finding]:
    """Normative-document counts in 一 equal table 二 (制发 → issued, 现行有效 → in force)."""
    issued = val(inp.report.table2.count("normative_documents.issued"))
    in_force = val(inp.report.table2.count("normative_documents.in_force"))
    for match in _finditer(_NORMATIVE_RE, _text(inp, "S1"), _NORMATIVE_STARTS):
        stated = parse_number(match.group(2))
        key, table = ("in_force", in_force) if match.group(1) == "现行有效" else ("issued", issued)
        if stated is None or table is None or stated == table:
            continue
        yield finding(
            "N-05",
            W,
            f"总体情况称“{match.group(0)}”，与表二行政规范性文件{table}件不符。",
            {t2_id(f"normative_documents.{key}"): table, "text": match.group(0)},
        )


_PERIOD_RE: Final = re.compile(
    r"(\d{4})\s*年\s*1\s*月\s*1\s*日[^。]{0,8}?(\d{4})\s*年\s*12\s*月\s*31\s*日"
)


def _period_matches(text: str) -> Iterator[re.Match[str]]:
    """``_PERIOD_RE.finditer(text)``, trying the pattern only where a match can begin.

    A match starts with four digits, optional whitespace and "年", so it can only start four
    characters before the whitespace run that precedes a "年" (digits are never whitespace).
    Trying just those positions, in order and after the previous match, gives the same
    matches as the regex engine trying every position, for a fraction of the cost.
    """
    end = 0
    at = text.find("年")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1].isspace():  # str.isspace is regex ``\s``
            start -= 1
        start -= 4
        if start >= end:  # also >= 0
            match = _PERIOD_RE.match(text, start)
            if match is not None:
                end = match.end()
                yield match
        at = text.find("年", at + 1)


@rule("N-06")
def n_06(inp: Inputs) -> Iterable[Finding]:
    """Title year, data year and statistics period agree; 一 does not open with a stale year."""
    year = inp.report.year
    if year is None:
        return
    title_years = years_in(inp.report.title or "")
    if title_years and title_years[0] != year:
        yield finding(
            "N-06", W, f"标题年份{title_years[0]}与报告年度{year}不一致。", {"year": year}
        )
    text = _text(inp, "S1")
    for match in _period_matches(text) if "31" in text else ():  # "…12月31日"
        if {int(match.group(1)), int(match.group(2))} != {year}:
            yield finding(
                "N-06", W, f"统计期限“{match.group(0)}”与报告年度{year}不一致。", {"year": year}
            )
    opening = years_in(inp.report.sections.get("S1", "")[:40])
    if opening and opening[0] < year:
        yield finding(
            "N-06",
            W,
            f"总体情况开头写的是{opening[0]}年，报告年度为{year}年，疑似沿用旧稿。",
            {"year": year, "text": str(opening[0])},
        )


SIMILARITY_LIMIT: Final = 0.8


@rule("N-07")
def n_07(inp: Inputs) -> Iterable[Finding]:
    """五 is not a copy of last year's 五 (30号: 雷同 reports lead to accountability)."""
    if inp.previous is None:
        return
    now = inp.report.sections.get("S5", "")[:3000]
    before = inp.previous.sections.get("S5", "")[:3000]
    if len(now) < 20 or len(before) < 20:
        return
    ratio = difflib.SequenceMatcher(None, now, before, autojunk=False).ratio()
    if ratio >= SIMILARITY_LIMIT:
        yield finding(
            "N-07",
            W,
            f"第五部分与上一年度报告的相似度为{ratio:.0%}，疑似照抄上年内容。",
            {"similarity": f"{ratio:.2f}"},
        )


_ART50_WORDS: Final = {"工作考核": r"考核", "社会评议": r"评议", "责任追究": r"责任追究|问责"}


@rule("N-08")
def n_08(inp: Inputs) -> Iterable[Finding]:
    """Governments report 考核、评议、责任追究 results in 一 (art 50(四))."""
    kind, _ = owner_type(inp)
    if kind is not OwnerType.GOVERNMENT or "S1" not in inp.report.sections:
        return
    text = inp.report.sections["S1"]
    missing = [name for name, pat in _ART50_WORDS.items() if not re.search(pat, text)]
    if missing:
        yield finding(
            "N-08",
            W,
            f"人民政府年度报告的总体情况未提及{'、'.join(missing)}的结果（条例第50条第（四）项）。",
            {"missing": "、".join(missing)},
        )


# --- F: format -------------------------------------------------------------------------------


@rule("F-01")
def f_01(inp: Inputs) -> Iterable[Finding]:
    """All six headings are present."""
    for sid in SECTION_IDS:
        if sid not in inp.report.sections:
            yield finding(
                "F-01", E, f"缺少第{sid[1]}部分“{SECTION_HEADINGS[sid]}”。", {"section": sid}
            )


@rule("F-02")
def f_02(inp: Inputs) -> Iterable[Finding]:
    """Table 二 complete, in the 2021 template (not the 2019 one) from report year 2021."""
    report = inp.report
    if report.format_version is FormatVersion.V2019:
        if report.year is not None and report.year >= 2021:
            yield finding(
                "F-02",
                E,
                f"{report.year}年度报告仍使用2019年试行格式的表二。",
                {"year": report.year},
            )
        return
    missing = [k for k in T2_COUNT_KEYS if report.table2.count(k).provenance is Provenance.MISSING]
    if report.table2.fee_wan_yuan.provenance is Provenance.MISSING:
        missing.append("fee_wan_yuan")
    if missing:
        yield finding(
            "F-02",
            E,
            f"表二缺少{len(missing)}项：{'、'.join(missing)}。",
            {t2_id(k): None for k in missing},
        )


@rule("F-03")
def f_03(inp: Inputs) -> Iterable[Finding]:
    """Table 三 has all 25 rows (with the three R3.6 sub-rows) and 7 columns."""
    if inp.report.format_version is FormatVersion.V2019:
        rows = [r for r in T3_ROWS if not r.startswith("R3.6.")]
    else:
        rows = list(T3_ROWS)
    table = inp.report.table3.rows
    missing = [
        r
        for r in rows
        if r not in table
        or len(table[r]) != len(T3_COLS)
        or table[r][6].provenance is Provenance.MISSING  # C7, the row has all 7 cells here
    ]
    if missing:
        yield finding(
            "F-03",
            E,
            f"表三缺少{len(missing)}行：{'、'.join(missing)}。",
            {t3_id(r, "C7"): None for r in missing},
        )


@rule("F-04")
def f_04(inp: Inputs) -> Iterable[Finding]:
    """Table 四 has its 15 columns."""
    missing = [k for k in T4_CELLS if inp.report.table4.cell(k).provenance is Provenance.MISSING]
    if missing:
        yield finding(
            "F-04",
            E,
            f"表四缺少{len(missing)}列：{'、'.join(missing)}。",
            {t4_id(k): None for k in missing},
        )


_FEE_WORDS_RE: Final = re.compile(r"信息处理费|收费|费用")


@rule("F-05")
def f_05(inp: Inputs) -> Iterable[Finding]:
    """Section 六 states the 信息处理费 position, even when nil (109号)."""
    text = inp.report.sections.get("S6")
    if text is None:
        return
    if _FEE_WORDS_RE.search(text):
        return
    bare = re.sub(r"[\s。.]", "", text)
    if bare in ("", "无", "无其他需要报告的事项", "本年度无其他需要报告的事项"):
        yield finding("F-05", W, "第六部分只写“无”，未说明信息处理费收取情况。", {"section": "S6"})
    else:
        yield finding("F-05", E, "第六部分没有信息处理费收取情况的说明。", {"section": "S6"})


@rule("F-06")
def f_06(inp: Inputs) -> Iterable[Finding]:
    """Published by the art-49 deadline: 31 Jan (departments), 31 Mar (a government's report)."""
    ctx = inp.context
    kind, _ = owner_type(inp)
    year = inp.report.year
    if ctx is None or ctx.published_on is None or kind is None or year is None:
        return
    deadline = date(year + 1, 1, 31) if kind is OwnerType.DEPARTMENT else date(year + 1, 3, 31)
    if ctx.published_on > deadline:
        yield finding(
            "F-06",
            E,
            f"报告于{ctx.published_on.isoformat()}公布，晚于条例第49条规定的{deadline.isoformat()}。",
            {"published_on": ctx.published_on.isoformat(), "deadline": deadline.isoformat()},
        )


@rule("F-07")
def f_07(inp: Inputs) -> Iterable[Finding]:
    """A government's 一 includes 监督保障 (art 50(四))."""
    kind, declared = owner_type(inp)
    text = inp.report.sections.get("S1")
    if kind is not OwnerType.GOVERNMENT or text is None or "监督保障" in text:
        return
    yield finding(
        "F-07",
        E if declared else W,
        "人民政府年度报告的总体情况缺少“监督保障”部分（条例第50条第（四）项）。",
        {"section": "S1"},
    )
