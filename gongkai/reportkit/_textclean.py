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
_SPACE = r"[\s\u00a0\u3000]+"
_ZERO_WIDTH = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPACE_RE = re.compile(_SPACE)
_CJK_LEFT_RE = re.compile(f"(?<=[{_CJK}]) (?=\\S)")
_CJK_RIGHT_RE = re.compile(f"(?<=\\S) (?=[{_CJK}])")
_PAGE_MARKER_RE = re.compile(
    r"^(?:[-－—–_]\s*\d{1,4}\s*[-－—–_]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)


def clean(text: str) -> str:
    """Collapse whitespace, drop spaces that touch a CJK character, strip the ends."""
    if " " not in text and text.isprintable():  # fast path: no whitespace of any kind
        return text
    text = _SPACE_RE.sub(" ", text.translate(_ZERO_WIDTH)).strip()
    if " " not in text:
        return text
    text = _CJK_LEFT_RE.sub("", text)
    return _CJK_RIGHT_RE.sub("", text)


def is_page_marker(text: str) -> bool:
    """True for a printed page number such as "- 3 -", "— 12 —", "第 3 页 共 5 页"."""
    return len(text) <= 20 and _PAGE_MARKER_RE.match(text.strip()) is not None
