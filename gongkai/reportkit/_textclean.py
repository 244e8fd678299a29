"""Whitespace clean-up shared by the HTML, DOCX and PDF extractors.

Sources pad Chinese text with spaces for layout: ``&nbsp;`` runs in HTML cells, justified
PDF lines that come out as "2023 年" or "号 ， 邮 编", Word runs split mid-word. A reader
sees none of that, so spaces next to a CJK character are dropped and other runs collapse to
one space. Latin text ("Times New Roman", e-mail addresses) keeps its single spaces.
"""

from __future__ import annotations

import re

# CJK ideographs, CJK punctuation, full-width forms, CJK compatibility ideographs.
_CJK = r"\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’"
_CJK_QUOTES = frozenset("“”‘’")
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_PAGE_MARKER_RE = re.compile(
    r"^(?:[-－—–_]\s*\d{1,4}\s*[-－—–_]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_MEMO: dict[str, str] = {}  # short texts (table cells) repeat within and across pages


def clean(text: str) -> str:
    """Collapse whitespace, drop spaces that touch a CJK character, strip the ends."""
    if " " not in text and text.isprintable():  # fast path: no whitespace of any kind
        return text
    if len(text) > 64:
        return _clean(text)
    cleaned = _MEMO.get(text)
    if cleaned is None:
        if len(_MEMO) >= 8192:
            _MEMO.clear()
        cleaned = _MEMO[text] = _clean(text)
    return cleaned


def _clean(text: str) -> str:
    for mark in _ZERO_WIDTH:
        if mark in text:
            text = text.replace(mark, "")
    # str.split() splits on exactly the characters regex ``\s`` matches (str.isspace).
    text = " ".join(text.split())
    if " " not in text:
        return text
    # Every space is now single and between two non-space characters; it goes when either
    # neighbour is CJK (same as removing "(?<=[CJK]) " and then " (?=[CJK])", but without a
    # regex lookbehind tried at every character of a long paragraph).
    pieces = text.split(" ")
    out = [pieces[0]]
    for i in range(1, len(pieces)):
        if not (_is_cjk(pieces[i - 1][-1]) or _is_cjk(pieces[i][0])):
            out.append(" ")
        out.append(pieces[i])
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or ch in _CJK_QUOTES
    )


def is_page_marker(text: str) -> bool:
    """True for a printed page number such as "- 3 -", "— 12 —", "第 3 页 共 5 页"."""
    return len(text) <= 20 and _PAGE_MARKER_RE.match(text.strip()) is not None
