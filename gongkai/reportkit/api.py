"""Entry points: read a file (any supported type) into a report, JSON in and out.

File types dispatch on the suffix: ``.txt`` (``extract_text``), ``.html``/``.htm``
(``extract_html``), ``.docx`` (``extract_docx``), ``.pdf`` (``extract_pdf``), ``.json`` (our
own schema JSON). The HTML/DOCX/PDF extractors are imported lazily so that a missing optional
module makes that one type unsupported instead of breaking the package.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, cast

from gongkai.reportkit.assemble import assemble
from gongkai.reportkit.document import Document
from gongkai.reportkit.errors import ReportReadError
from gongkai.reportkit.extract_text import decode, extract_str
from gongkai.reportkit.jsonio import ReportJsonError, report_from_dict, report_to_dict
from gongkai.reportkit.schema import Finding, FormatVersion, Report

_EXTRACTORS: Final = {".html": "extract_html", ".htm": "extract_html", ".docx": "extract_docx",
                      ".pdf": "extract_pdf"}  # fmt: skip
SUPPORTED_SUFFIXES: Final = (".txt", ".json", *_EXTRACTORS)


class UnsupportedFileError(ValueError):
    """The file cannot be read as a report at all (CLI exit code 2)."""


@dataclass(frozen=True, slots=True)
class ParseResult:
    """A parsed report with the findings raised while reading it."""

    report: Report
    findings: tuple[Finding, ...]
    source_format: str

    @property
    def format_version(self) -> FormatVersion:
        return self.report.format_version


def parse_file(path: str | Path) -> ParseResult:
    """Read a report file; raises ``UnsupportedFileError`` when it is not a readable report."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnsupportedFileError(f"cannot read file ({exc.strerror or exc})") from exc
    return parse_bytes(data, p.name)


def parse_bytes(data: bytes, filename: str) -> ParseResult:
    """Read report bytes, dispatching on the file name's suffix."""
    suffix = Path(filename).suffix.lower()
    if not data.strip():
        raise UnsupportedFileError("empty file")
    if suffix == ".json":
        return ParseResult(_json_report(data, filename), (), "json")
    if suffix == ".txt":
        return _from_document(extract_str(decode(data)), filename)
    if suffix not in _EXTRACTORS:
        raise UnsupportedFileError(f"unsupported file type {suffix or '(none)'}")
    extract = _extractor(_EXTRACTORS[suffix], filename)
    try:
        doc = extract(data)
    except ReportReadError as exc:
        raise UnsupportedFileError(f"{exc}") from exc
    return _from_document(doc, filename)


def parse_text(text: str, filename: str = "report.txt") -> ParseResult:
    """Read already-decoded plain text."""
    if not text.strip():
        raise UnsupportedFileError("empty text")
    return _from_document(extract_str(text), filename)


def _extractor(module: str, filename: str) -> Callable[[bytes], Document]:
    try:
        mod = importlib.import_module(f"gongkai.reportkit.{module}")
    except ImportError as exc:
        raise UnsupportedFileError(f"no reader for this file type yet ({exc})") from exc
    fn = getattr(mod, "extract", None)
    if not callable(fn):
        raise UnsupportedFileError(f"reader {module} has no extract()")
    return cast(Callable[[bytes], Document], fn)


def _from_document(doc: Document, filename: str) -> ParseResult:
    assembly = assemble(doc)
    if not assembly.recognised:
        raise UnsupportedFileError("not a government information disclosure annual report")
    return ParseResult(assembly.report, assembly.findings, doc.source_format)


def _json_report(data: bytes, filename: str) -> Report:
    try:
        return report_from_dict(json.loads(decode(data)))
    except (ValueError, ReportJsonError) as exc:
        raise UnsupportedFileError(f"not a report JSON ({exc})") from exc


def load_json(text: str) -> Report:
    """A report from its schema JSON text; raises ``ReportJsonError`` when malformed."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportJsonError(f"invalid JSON: {exc}") from exc
    return report_from_dict(data)


def dump_json(report: Report, *, indent: int | None = 2) -> str:
    """The report's schema JSON text (UTF-8, Chinese kept readable)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)
