#!/usr/bin/env python3
"""Throughput of reportkit's parse + validate, per input format, on one CPU core.

Inputs are the real fixtures of ../shared/fixtures/real (or $GONGKAI_SHARED) when present:
text (the seed, the Pingtan and Shuyang exports), HTML (the four Pingtan pages) and PDF
(Hongze). Without them, synthetic reports are rendered to each format first. Each format's
files are parsed and validated in turn until ``--seconds`` have passed; the figure printed
is reports per CPU second (``time.process_time``: other processes on a busy machine lengthen
the wall clock, not this process's CPU time), with the wall-clock rate beside it. A second
pass times the stages separately (CPU ms per report): extraction (file → Document),
assembly (version detection, label matching, solving → Report) and validation.
Targets: text and HTML >= 300/s, PDF >= 5/s.

``--cold`` empties the engine's memo tables (cleaned cell texts, cell tokens, row
classifications, row readings) before every report, so nothing is reused from the previous
run of the same file: the figure for reports never seen before.

    .venv/bin/python bench/reportkit/run.py [--seconds 3] [--synthetic] [--cold]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gongkai.reportkit import _textclean, assemble, labels, solve, tokens  # noqa: E402
from gongkai.reportkit.api import _EXTRACTORS, _extractor, parse_bytes  # noqa: E402
from gongkai.reportkit.document import Document  # noqa: E402
from gongkai.reportkit.extract_text import decode, extract_str  # noqa: E402
from gongkai.reportkit.validate import validate  # noqa: E402

TARGETS = {"txt": 300.0, "html": 300.0, "pdf": 5.0}


def shared_fixtures() -> Path | None:
    env = os.environ.get("GONGKAI_SHARED")
    base = Path(env) if env else ROOT.parent / "shared"
    real = base / "fixtures" / "real"
    return real if real.is_dir() else None


def real_inputs(real: Path) -> dict[str, list[tuple[str, bytes]]]:
    seed = real.parent.parent / "seeds" / "000_80982073e3dd5082.txt"
    texts = sorted(real.glob("*.txt")) + ([seed] if seed.is_file() else [])
    return {
        "txt": [(p.name, p.read_bytes()) for p in texts],
        "html": [(p.name, p.read_bytes()) for p in sorted(real.glob("*.html"))],
        "pdf": [(p.name, p.read_bytes()) for p in sorted(real.glob("*.pdf"))],
    }


def synthetic_inputs() -> dict[str, list[tuple[str, bytes]]]:
    from gongkai.reportkit.render_html import render_html
    from gongkai.reportkit.render_pdf import render_pdf
    from gongkai.reportkit.render_text import render_text
    from gongkai.reportkit.tests.render_support import sample_report

    reports = [sample_report(year=2021 + i) for i in range(3)]
    return {
        "txt": [(f"synthetic-{i}.txt", render_text(r).encode()) for i, r in enumerate(reports)],
        "html": [(f"synthetic-{i}.html", render_html(r).encode()) for i, r in enumerate(reports)],
        "pdf": [(f"synthetic-{i}.pdf", render_pdf(r)) for i, r in enumerate(reports)],
    }


def clear_memos() -> None:
    """Forget everything memoised across reports (``--cold``)."""
    _textclean._MEMO.clear()
    tokens._CELL_TOKENS.clear()
    tokens._NUMBER_TOKENS.clear()
    assemble._CELLS.clear()
    labels._CLASSIFIED.clear()
    solve._cached_candidates.cache_clear()


def measure(
    files: list[tuple[str, bytes]], seconds: float, cold: bool = False
) -> tuple[float, float, dict[str, float]]:
    """Reports per wall-clock second and per CPU second, and CPU milliseconds per file.

    The CPU-time figure is the one to compare between runs on a busy machine: other
    processes on the same core lengthen the wall clock but not this process's CPU time.
    """
    per_file: dict[str, list[float]] = {name: [] for name, _ in files}
    for name, data in files:  # warm-up: imports, caches, font lookups
        validate(parse_bytes(data, name).report)
    count, start, cpu, spent = 0, time.perf_counter(), 0.0, 0.0
    while time.perf_counter() - start < seconds:
        for name, data in files:
            if cold:
                clear_memos()
            t0 = time.process_time()
            validate(parse_bytes(data, name).report)
            spent = time.process_time() - t0
            per_file[name].append(spent)
            cpu += spent
            count += 1
    wall = time.perf_counter() - start
    return (
        count / wall,
        count / max(cpu, 1e-9),
        {n: 1000 * sum(v) / len(v) for n, v in per_file.items()},
    )


def _extract(name: str, data: bytes) -> Document:
    suffix = Path(name).suffix.lower()
    if suffix == ".txt":
        return extract_str(decode(data))
    return _extractor(_EXTRACTORS[suffix], name)(data)


def stages(files: list[tuple[str, bytes]], seconds: float, cold: bool = False) -> dict[str, float]:
    """Mean CPU milliseconds per report of extraction, assembly and validation."""
    totals = {"extract": 0.0, "assemble": 0.0, "validate": 0.0}
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, data in files:
            if cold:
                clear_memos()
            t0 = time.process_time()
            doc = _extract(name, data)
            t1 = time.process_time()
            report = assemble.assemble(doc).report
            t2 = time.process_time()
            validate(report)
            t3 = time.process_time()
            totals["extract"] += t1 - t0
            totals["assemble"] += t2 - t1
            totals["validate"] += t3 - t2
            count += 1
    return {k: 1000 * v / max(count, 1) for k, v in totals.items()}


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per format")
    parser.add_argument("--synthetic", action="store_true", help="ignore the real fixtures")
    parser.add_argument("--cold", action="store_true", help="empty the memo tables per report")
    args = parser.parse_args()
    real = None if args.synthetic else shared_fixtures()
    inputs = real_inputs(real) if real else synthetic_inputs()
    print(f"reportkit parse+validate, one core ({pin_one_core()}), CPU time"
          f"{', cold memo tables' if args.cold else ''}; inputs: "
          f"{'real fixtures in ' + str(real) if real else 'synthetic renders'}")  # fmt: skip
    below = False
    for fmt, files in inputs.items():
        if not files:
            print(f"{fmt:5} no inputs")
            continue
        wall, cpu, per_file = measure(files, args.seconds, args.cold)
        mark = "ok" if cpu >= TARGETS[fmt] else "BELOW TARGET"
        below |= cpu < TARGETS[fmt]
        detail = ", ".join(f"{name} {ms:.2f}" for name, ms in per_file.items())
        split = stages(files, args.seconds / 2, args.cold)
        print(
            f"{fmt:5} {cpu:8.1f} reports/CPU-s  {wall:8.1f} reports/s wall  "
            f"(target {TARGETS[fmt]:g}/s: {mark})\n"
            f"      CPU ms per report: extract {split['extract']:.2f}, assemble "
            f"{split['assemble']:.2f}, validate {split['validate']:.2f}\n"
            f"      CPU ms per file: {detail}"
        )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
