"""Command line: ``check``, ``convert`` and ``diff`` (``python -m gongkai.reportkit …``).

``main(argv) -> int`` is pure apart from reading/writing the named files and printing, so the
Django command ``gongkai report …`` can delegate to it. Exit codes (conventions C15):

* 0: every file read, no error-level finding;
* 1: some file has an error-level finding;
* 2: some file cannot be read as a report at all (missing, empty, not a report, unsupported
  type), with a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TextIO

from gongkai.reportkit.api import ParseResult, UnsupportedFileError, dump_json, parse_file
from gongkai.reportkit.diff import ReportDiff, diff_reports
from gongkai.reportkit.jsonio import finding_to_dict, report_to_dict
from gongkai.reportkit.schema import Finding, Report, Severity
from gongkai.reportkit.validate import validate

OK, FAILED, UNREADABLE = 0, 1, 2
_SEVERITY_WORD: Final = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_RENDERERS: Final = {
    "html": ("render_html", "render_html"),
    "docx": ("render_docx", "render_docx"),
    "pdf": ("render_pdf", "render_pdf"),
    "txt": ("render_text", "render_text"),
}


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one subcommand and return the exit code."""
    stdout, stderr = out or sys.stdout, err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code or 0) and UNREADABLE
    if args.command == "check":
        return _check(args.files, args.previous, args.json, stdout, stderr)
    if args.command == "convert":
        return _convert(args.file, args.to, args.output, stderr)
    return _diff(args.old, args.new, args.json, stdout, stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai report", description="政府信息公开工作年度报告工具"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="parse and validate report files")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--previous", metavar="FILE", help="last year's report (continuity rules)")
    check.add_argument("--json", action="store_true", help="one JSON object per file and line")
    convert = sub.add_parser("convert", help="convert a report to another format")
    convert.add_argument("file", metavar="FILE")
    convert.add_argument("--to", required=True, choices=("json", *_RENDERERS))
    convert.add_argument("-o", "--output", required=True, metavar="OUT")
    diff = sub.add_parser("diff", help="differences between two reports")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--json", action="store_true")
    return parser


def _read(path: str, stderr: TextIO) -> ParseResult | None:
    try:
        return parse_file(path)
    except UnsupportedFileError as exc:
        print(f"{path}: {str(exc).splitlines()[0]}", file=stderr)
        return None


# --- check -----------------------------------------------------------------------------------


def _check(
    files: Sequence[str], previous: str | None, as_json: bool, stdout: TextIO, stderr: TextIO
) -> int:
    prev_report: Report | None = None
    code = OK
    if previous is not None:
        prev = _read(previous, stderr)
        if prev is None:
            return UNREADABLE
        prev_report = prev.report
    for path in files:
        result = _read(path, stderr)
        if result is None:
            code = UNREADABLE
            continue
        findings = [*result.findings, *validate(result.report, previous=prev_report)]
        if as_json:
            print(json.dumps(_check_json(path, result, findings), ensure_ascii=False), file=stdout)
        else:
            _print_check(path, result, findings, stdout)
        if code == OK and any(f.severity is Severity.ERROR for f in findings):
            code = FAILED
    return code


def _check_json(path: str, result: ParseResult, findings: Sequence[Finding]) -> dict[str, Any]:
    return {
        "file": path,
        "format_version": result.format_version.value,
        "report": report_to_dict(result.report),
        "findings": [finding_to_dict(f) for f in findings],
    }


def _print_check(path: str, result: ParseResult, findings: Sequence[Finding], out: TextIO) -> None:
    report = result.report
    print(f"{path}", file=out)
    print(
        f"  格式：{result.format_version.value}（{result.source_format}）"
        f"  机关：{report.org or '未识别'}  年度：{report.year or '未识别'}",
        file=out,
    )
    if not findings:
        print("  未发现问题。", file=out)
    for f in findings:
        where = f"  [{'、'.join(f.cells[:4])}{'…' if len(f.cells) > 4 else ''}]" if f.cells else ""
        print(f"  {_SEVERITY_WORD[f.severity]} {f.rule} {f.message}{where}", file=out)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    print(
        f"  共{counts[Severity.ERROR]}个错误、{counts[Severity.WARNING]}个警告、"
        f"{counts[Severity.INFO]}个提示。",
        file=out,
    )


# --- convert ---------------------------------------------------------------------------------


def _convert(path: str, target: str, output: str, stderr: TextIO) -> int:
    result = _read(path, stderr)
    if result is None:
        return UNREADABLE
    try:
        payload = _render(result.report, target)
    except ImportError as exc:
        print(f"{path}: cannot render {target}: {exc}", file=stderr)
        return UNREADABLE
    try:
        if isinstance(payload, bytes):
            Path(output).write_bytes(payload)
        else:
            Path(output).write_text(payload, encoding="utf-8")
    except OSError as exc:
        print(f"{output}: cannot write ({exc.strerror or exc})", file=stderr)
        return UNREADABLE
    return OK


def _render(report: Report, target: str) -> str | bytes:
    if target == "json":
        return dump_json(report) + "\n"
    module, func = _RENDERERS[target]
    renderer = getattr(importlib.import_module(f"gongkai.reportkit.{module}"), func)
    rendered: str | bytes = renderer(report)
    return rendered


# --- diff ------------------------------------------------------------------------------------


def _diff(old: str, new: str, as_json: bool, stdout: TextIO, stderr: TextIO) -> int:
    a, b = _read(old, stderr), _read(new, stderr)
    if a is None or b is None:
        return UNREADABLE
    result = diff_reports(a.report, b.report)
    if as_json:
        print(json.dumps(_diff_json(old, new, result), ensure_ascii=False), file=stdout)
    else:
        _print_diff(old, new, result, stdout)
    return FAILED if any(f.severity is Severity.ERROR for f in result.findings) else OK


def _diff_json(old: str, new: str, result: ReportDiff) -> dict[str, Any]:
    return {
        "old": old,
        "new": new,
        "relation": result.relation,
        "cells": [{"cell": c.cell, "old": c.old, "new": c.new} for c in result.cells],
        "sections": [
            {
                "section": s.section,
                "similarity": s.similarity,
                "old_length": s.old_length,
                "new_length": s.new_length,
            }
            for s in result.sections
        ],
        "findings": [finding_to_dict(f) for f in result.findings],
    }


def _print_diff(old: str, new: str, result: ReportDiff, out: TextIO) -> None:
    relation = {
        "consecutive": "相邻年度",
        "same-year": "同一年度的两个版本",
        "unrelated": "年度不相邻",
    }
    print(f"{old} → {new}（{relation[result.relation]}）", file=out)
    print(f"  表格变化 {len(result.cells)} 处：", file=out)
    for c in result.cells:
        print(f"    {c.cell}: {c.old} → {c.new}", file=out)
    for s in result.sections:
        print(f"  第{s.section[1]}部分文字变化（相似度 {s.similarity:.0%}）", file=out)
    for f in result.findings:
        print(f"  {_SEVERITY_WORD[f.severity]} {f.rule} {f.message}", file=out)
