#!/usr/bin/env python3
"""Throughput of reportkit's parse + validate, per input format, on one CPU core.

Inputs are the real fixtures of ../shared/fixtures/real (or $GONGKAI_SHARED) when present:
text (the seed, the Pingtan and Shuyang exports), HTML (the four Pingtan pages) and PDF
(Hongze). Without them, synthetic reports are rendered to each format first. Each format's
files are parsed and validated in turn until ``--seconds`` have passed; the figure printed
is reports per second. Targets: text and HTML >= 300/s, PDF >= 5/s.

    .venv/bin/python bench/reportkit/run.py [--seconds 3] [--synthetic]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gongkai.reportkit.api import parse_bytes  # noqa: E402
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


def measure(
    files: list[tuple[str, bytes]], seconds: float
) -> tuple[float, float, dict[str, float]]:
    """Reports per wall-clock second and per CPU second, and CPU milliseconds per file.

    The CPU-time figure is the one to compare between runs on a busy machine: other
    processes on the same core lengthen the wall clock but not this process's CPU time.
    """
    per_file: dict[str, list[float]] = {name: [] for name, _ in files}
    for name, data in files:  # warm-up: imports, caches, font lookups
        validate(parse_bytes(data, name).report)
    count, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for name, data in files:
            t0 = time.process_time()
            validate(parse_bytes(data, name).report)
            per_file[name].append(time.process_time() - t0)
            count += 1
    wall = time.perf_counter() - start
    cpu = max(time.process_time() - cpu_start, 1e-9)
    return count / wall, count / cpu, {n: 1000 * sum(v) / len(v) for n, v in per_file.items()}


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
    args = parser.parse_args()
    real = None if args.synthetic else shared_fixtures()
    inputs = real_inputs(real) if real else synthetic_inputs()
    print(f"reportkit parse+validate, one core ({pin_one_core()}); inputs: "
          f"{'real fixtures in ' + str(real) if real else 'synthetic renders'}")  # fmt: skip
    below = False
    for fmt, files in inputs.items():
        if not files:
            print(f"{fmt:5} no inputs")
            continue
        wall, cpu, per_file = measure(files, args.seconds)
        mark = "ok" if cpu >= TARGETS[fmt] else "BELOW TARGET"
        below |= cpu < TARGETS[fmt]
        detail = ", ".join(f"{name} {ms:.1f} ms" for name, ms in per_file.items())
        print(
            f"{fmt:5} {cpu:8.1f} reports/CPU-s  {wall:8.1f} reports/s wall  "
            f"(target {TARGETS[fmt]:g}/s: {mark})  [CPU per file: {detail}]"
        )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
