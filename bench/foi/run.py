"""Disclosure-on-request benchmark: N applications, then time the staff queue page and the
recomputation of open deadlines after a calendar load.

    .venv/bin/python bench/foi/run.py                                        # SQLite, 100,000
    .venv/bin/python bench/foi/run.py \\
        --database-url postgres://postgres@127.0.0.1:5432/gongkai_bench_foi   # PostgreSQL

Targets (issue 4): queue page median <= 150 ms with 100,000 applications on SQLite and on
PostgreSQL; recomputing open deadlines after a calendar load >= 5,000 applications/s.
The queue is timed through the real view with Django's test client (login, selector,
pagination, due badges, template); recomputation through the services that
``gongkai calendar load`` calls.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SYNTHETIC_2027 = ROOT / "gongkai/workdays/tests/fixtures/2027-synthetic.txt"


def setup_database(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("GONGKAI_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_org_and_user():  # type: ignore[no-untyped-def]
    from gongkai.core.testing import build_personas

    personas = build_personas()
    return personas.org_a, personas.handler_a


def generate(n: int, organisation, today: dt.date) -> float:  # type: ignore[no-untyped-def]
    """Bulk-insert ``n`` applications: 60% open (some with deadlines in the unknown 2027)."""
    from django.utils import timezone

    from gongkai.foi.choices import OPEN_STATUSES, ApplicantType, Channel, Outcome, Phase, Status
    from gongkai.foi.deadlines import reply_clock
    from gongkai.foi.models import Application
    from gongkai.foi.services import new_query_code
    from gongkai.workdays import WorkCalendar

    calendar = WorkCalendar.bundled()
    rng = random.Random(4)
    open_statuses = sorted(OPEN_STATUSES - {Status.AWAITING_CORRECTION})
    started = time.perf_counter()
    batch: list[Application] = []
    for i in range(n):
        is_open = rng.random() < 0.6
        receipt = today - dt.timedelta(days=rng.randint(0, 60 if is_open else 900))
        if is_open and rng.random() < 0.1:
            receipt = dt.date(2026, 12, rng.randint(1, 31))  # due in 2027: provisional (D5)
        app = Application(
            organisation=organisation, query_code=new_query_code(),
            status=rng.choice(open_statuses) if is_open else Status.REPLIED,
            applicant_type=rng.choice(ApplicantType.values), applicant_name=f"申请人{i}",
            id_type="resident_id", id_number=f"41078219900101{i:06d}", phone=f"138{i:08d}",
            applicant_key=f"{i % 30000:064d}", channel=Channel.IN_PERSON,
            arrived_at=timezone.now(), receipt_date=receipt,
            description=f"关于第{i}号文件及相关政府信息的申请", info_form="paper", delivery="post",
            pauses=[],
        )  # fmt: skip
        if is_open:
            clock = reply_clock(app, calendar)
            app.reply_due, app.reply_due_provisional = clock.due, clock.provisional
            app.deadline_explanation = clock.explanation
        else:
            app.phase = Phase.DONE
            app.outcome = rng.choice(Outcome.values)
            app.closed_on = receipt + dt.timedelta(days=15)
        batch.append(app)
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:  # statistics and visibility map, as autovacuum keeps
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started


def time_queue(organisation, user, runs: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("foi:queue", kwargs={"code": organisation.code})
    variants = {
        "queue (open, by due date)": {},
        "queue page 40": {"page": "40"},
        "queue overdue": {"due": "overdue"},
        "queue due soon": {"due": "soon"},
        "queue provisional": {"due": "provisional"},
        "queue one status": {"status": "consulting"},
        "queue closed": {"status": "done"},
        "queue search by query code": {"q": "ABCD-EFGH-JKLM-NPQR"},
    }
    results = {}
    for label, params in variants.items():
        client.get(url, params)  # warm up
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url, params)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        results[label] = statistics.median(samples)
    return results


def time_recompute(user) -> list[tuple[str, float, int, int]]:  # type: ignore[no-untyped-def]
    """(label, applications/s, recomputed, changed) for: loading 2027 (recomputes the
    provisional deadlines), recomputing every open deadline with nothing to change, and the
    worst case where every open deadline changes (each one written and given an event)."""
    from gongkai.calendars.services import calendar_year_load
    from gongkai.foi.choices import Phase
    from gongkai.foi.models import Application
    from gongkai.foi.recompute import application_deadlines_recompute

    results = []
    started = time.perf_counter()
    load = calendar_year_load(text=SYNTHETIC_2027.read_text("utf-8"), actor=user)
    seconds = time.perf_counter() - started
    results.append(("calendar load (provisional)", load.recomputed / seconds, load.recomputed,
                    load.changed))  # fmt: skip
    for label, stale in (("recompute all open, unchanged", False), ("recompute all open, all change", True)):  # fmt: skip # noqa: E501
        if stale:
            Application.objects.filter(phase=Phase.OPEN).update(reply_due=None)
        started = time.perf_counter()
        total, changed = application_deadlines_recompute(actor=user, reason="bench", all_open=True)
        results.append((label, total / (time.perf_counter() - started), total, changed))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default="sqlite:////tmp/gongkai-bench-foi.sqlite3")
    args = parser.parse_args()
    setup_database(args.database_url)
    from django.utils import timezone

    organisation, user = make_org_and_user()
    seconds = generate(args.applications, organisation, timezone.localdate())
    engine = args.database_url.split(":", 1)[0]
    print(f"{engine}: {args.applications:,} applications inserted in {seconds:.1f} s")
    ok = True
    for label, median in time_queue(organisation, user, args.runs).items():
        flag = "ok" if median <= 150 else "SLOW"
        ok &= median <= 150
        print(f"  {label:<30} median {median:7.1f} ms  (target <= 150 ms) {flag}")
    for label, rate, total, changed in time_recompute(user):
        flag = "ok" if rate >= 5000 else "SLOW"
        ok &= rate >= 5000
        print(
            f"  {label:<30} {rate:9,.0f} applications/s  ({total:,} recomputed, "
            f"{changed:,} changed; target >= 5,000/s) {flag}"
        )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
