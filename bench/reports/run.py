#!/usr/bin/env python3
"""Benchmark: building annual reports from live data (issue: 年度报告 from live data).

Targets: with 1,000,000 applications over 50 organisations on PostgreSQL, one
organisation-year report ≤ 1 s and the whole subtree's aggregate ≤ 5 s; with 100,000
applications on SQLite, one report ≤ 1 s.

    .venv/bin/python bench/reports/run.py --applications 100000 --orgs 1
    .venv/bin/python bench/reports/run.py --applications 1000000 --orgs 50 \\
        --database-url postgres://postgres@127.0.0.1:5432/gongkai_bench

The database is created (PostgreSQL) or the file replaced (SQLite, default
var/bench-reports.sqlite3) and filled with synthetic applications; the figures printed are
medians of repeated runs, in wall-clock milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHANGHAI = ZoneInfo("Asia/Shanghai")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-reports.sqlite3'}"
    )
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--orgs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep an already filled database")
    args = parser.parse_args()
    prepare_database(args.database_url, reuse=args.reuse)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("GONGKAI_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    root, bodies = organisations(args.orgs)
    if not args.reuse:
        fill(bodies, args.applications)
    measure(root, bodies, args)


def prepare_database(url: str, *, reuse: bool) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        if not reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not reuse:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def organisations(count: int):  # type: ignore[no-untyped-def]
    from gongkai.orgs.models import Organisation
    from gongkai.orgs.services import organisation_create

    root = Organisation.objects.filter(code="BENCH").first() or organisation_create(
        code="BENCH",
        name="基准测试市人民政府",
        kind="government",
        report_owner_type="government",
        parent=None,
        actor=None,
    )
    bodies = [root]
    for n in range(1, count):
        code = f"BENCH-{n:03d}"
        body = Organisation.objects.filter(code=code).first() or organisation_create(
            code=code,
            name=f"基准测试市第{n}局",
            kind="department",
            report_owner_type="department",
            parent=root,
            actor=None,
        )
        bodies.append(body)
    return root, bodies


def fill(bodies, total: int) -> None:  # type: ignore[no-untyped-def]
    from gongkai.foi.choices import (
        ApplicantType,
        Channel,
        Delivery,
        IdType,
        InfoForm,
        Outcome,
        Phase,
        Status,
    )
    from gongkai.foi.models import Application

    rng = random.Random(20211231)
    types, outcomes = list(ApplicantType.values), list(Outcome.values)
    start = time.perf_counter()
    batch: list[Application] = []
    for n in range(total):
        received = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        closed = received + dt.timedelta(days=rng.randrange(5, 60)) if rng.random() < 0.95 else None
        batch.append(
            Application(
                organisation=bodies[n % len(bodies)],
                query_code=f"B{n:011d}",
                status=Status.REPLIED if closed else Status.IN_PROGRESS,
                phase=Phase.DONE if closed else Phase.OPEN,
                applicant_type=rng.choice(types),
                applicant_name="申请人",
                id_type=IdType.RESIDENT_ID,
                id_number="0",
                phone="13800000000",
                applicant_key=f"k{n % 50000}",
                channel=Channel.ONLINE,
                arrived_at=dt.datetime.combine(received, dt.time(10), tzinfo=SHANGHAI),
                receipt_date=received,
                description="基准测试申请",
                info_form=InfoForm.ELECTRONIC,
                delivery=Delivery.ONLINE,
                outcome=rng.choice(outcomes) if closed else "",
                closed_on=closed,
                replied_on=closed,
                reply_due=received + dt.timedelta(days=28),
            )
        )
        if len(batch) == 10_000:
            Application.objects.bulk_create(batch)
            batch.clear()
    Application.objects.bulk_create(batch)
    print(
        f"filled {total:,} applications over {len(bodies)} organisations "
        f"in {time.perf_counter() - start:.1f} s"
    )


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def measure(root, bodies, args) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    from gongkai.reportkit import validate
    from gongkai.reports.compute import build_report
    from gongkai.reports.narrative import draft_sections
    from gongkai.reports.selectors import aggregated_table3
    from gongkai.reports.sources import live_figures

    def one_report() -> None:
        figures = live_figures(organisation=bodies[-1], year=2021)
        validate(build_report(figures=figures, sections=draft_sections(figures.narrative)))

    vendor = connection.vendor
    one = timed(one_report, args.repeat)
    print(
        f"{vendor}: one organisation-year report (live figures + build + validate): {one:.0f} ms "
        f"(target ≤ 1000 ms)"
    )
    if len(bodies) > 1:
        subtree = timed(lambda: aggregated_table3(organisation=root, year=2021), args.repeat)
        print(
            f"{vendor}: subtree aggregate of table 三 over {len(bodies)} organisations: "
            f"{subtree:.0f} ms (target ≤ 5000 ms)"
        )


if __name__ == "__main__":
    main()
