"""parse(render(report)) == report for every output format (conventions C16).

Reports are random but valid (identities hold). What a format cannot carry is excluded from
the comparison on purpose and said here: running text inside the table sections 二–四 is not
read back (the assembler keeps only table cells there), and in plain text a blank cell is
indistinguishable from a dropped one, so blank cells are only generated for the structured
formats.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings

from gongkai.reportkit.api import parse_bytes
from gongkai.reportkit.errors import CJKFontNotFoundError
from gongkai.reportkit.fonts import find_cjk_font
from gongkai.reportkit.render_docx import render_docx
from gongkai.reportkit.render_html import render_html
from gongkai.reportkit.render_pdf import render_pdf
from gongkai.reportkit.render_text import render_text
from gongkai.reportkit.schema import Cell, Provenance, Report
from gongkai.reportkit.tests.render_support import reports, sample_report

Renderer = Callable[[Report], str | bytes]
FORMATS: dict[str, Renderer] = {
    "txt": render_text,
    "html": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
}


def _has_cjk_font() -> bool:
    try:
        find_cjk_font()
    except CJKFontNotFoundError:
        return False
    return True


needs_font = pytest.mark.skipif(
    not _has_cjk_font(), reason="no CJK font (apt-get install fonts-arphic-uming)"
)


def roundtrip(report: Report, fmt: str) -> Report:
    rendered = FORMATS[fmt](report)
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    return parse_bytes(data, f"report.{fmt}").report


def assert_same(parsed: Report, report: Report) -> None:
    for name in ("title", "org", "year", "format_version", "sections"):
        assert getattr(parsed, name) == getattr(report, name), name
    assert parsed.table2 == report.table2
    assert parsed.table3 == report.table3
    assert parsed.table4 == report.table4


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", pytest.param("pdf", marks=needs_font)])
def test_sample_report_survives_each_format(fmt: str) -> None:
    report = sample_report()
    assert_same(roundtrip(report, fmt), report)


@pytest.mark.parametrize("fmt", ["html", "docx", pytest.param("pdf", marks=needs_font)])
def test_blank_cells_stay_blank_in_structured_formats(fmt: str) -> None:
    report = sample_report().with_t3("R3.3.2", "C4", Cell(0, Provenance.BLANK))
    assert_same(roundtrip(report, fmt), report)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


@_settings(40)
@given(report=reports())
def test_text_roundtrip(report: Report) -> None:
    assert_same(roundtrip(report, "txt"), report)


@_settings(40)
@given(report=reports())
def test_html_roundtrip(report: Report) -> None:
    assert_same(roundtrip(report, "html"), report)


@_settings(20)
@given(report=reports())
def test_docx_roundtrip(report: Report) -> None:
    assert_same(roundtrip(report, "docx"), report)


@needs_font
@_settings(10)
@given(report=reports())
def test_pdf_roundtrip(report: Report) -> None:
    assert_same(roundtrip(report, "pdf"), report)
