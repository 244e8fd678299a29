"""Annual-report engine (年度报告, national 2021 format). Pure Python: no Django import.

Stages (conventions C16): a file is extracted into a format-neutral ``Document``
(``extract_text`` / ``extract_html`` / ``extract_docx`` / ``extract_pdf``), assembled onto the
typed ``schema.Report`` (``assemble``, with ``solve`` rebuilding dropped blanks and merged digit
runs), checked by ``validate`` (findings with spec rule ids) and rendered back.

Public API::

    parse_file(path) -> ParseResult          # report + parse findings + detected format
    parse_bytes(data, filename) -> ParseResult
    validate(report, previous=None, context=None) -> list[Finding]
    load_json(text) -> Report / dump_json(report) -> str
"""

from __future__ import annotations

from gongkai.reportkit.api import (
    ParseResult,
    UnsupportedFileError,
    dump_json,
    load_json,
    parse_bytes,
    parse_file,
    parse_text,
)
from gongkai.reportkit.schema import (
    Cell,
    Finding,
    FormatVersion,
    MoneyCell,
    Provenance,
    Report,
    Severity,
)
from gongkai.reportkit.validate import ValidationContext, validate

__all__ = [
    "Cell",
    "Finding",
    "FormatVersion",
    "MoneyCell",
    "ParseResult",
    "Provenance",
    "Report",
    "Severity",
    "UnsupportedFileError",
    "ValidationContext",
    "dump_json",
    "load_json",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "validate",
]
