"""Catalog benchmark: generate N published items, index them, then time search and list pages.

    .venv/bin/python bench/catalog/run.py --items 200000                  # SQLite (fresh file)
    .venv/bin/python bench/catalog/run.py --items 1000000 \\
        --database-url postgres://postgres@127.0.0.1:5432/gongkai_bench   # PostgreSQL (recreated)

Targets (issue 5): PostgreSQL with 1,000,000 items: search p95 <= 100 ms, list page p95 <= 50 ms;
SQLite with 200,000 items: search p95 <= 150 ms; indexing >= 2,000 items/s.
Search is timed through ``selectors.search_items`` (segmentation, query, facets, fetching the
page of items, highlighting); the list page through the real view with Django's test client.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SUBJECTS = [
    "城市生活垃圾分类",
    "农村饮水安全",
    "高标准农田建设",
    "养老服务补贴",
    "医疗救助",
    "安全生产",
    "食品安全",
    "政务服务",
    "重大行政决策",
    "生态保护",
    "景区管理",
    "河长制",
    "秸秆禁烧",
    "城市供热",
    "房屋征收",
    "住房公积金",
    "低保资金",
    "残疾人补贴",
    "就业创业",
    "人才引进",
    "营商环境",
    "招商引资",
    "政府采购",
    "电动自行车",
    "烟花爆竹",
    "建筑垃圾",
    "物业服务",
    "老旧小区改造",
    "林长制",
    "地质灾害",
    "公共资源交易",
    "政府信息公开",
    "乡村振兴",
    "学前教育",
    "疫情防控",
    "消防安全",
    "宅基地审批",
    "燃气安全",
    "文物保护",
    "全民健身",
    "防汛抗旱",
    "义务教育",
    "道路交通",
    "环境监测",
    "大气污染防治",
    "水污染防治",
    "耕地保护",
    "种粮补贴",
    "退役军人",
    "社会救助",
]
FORMS = [
    "通知",
    "实施意见",
    "管理办法",
    "工作方案",
    "公告",
    "通报",
    "工作要点",
    "实施细则",
    "工作报告",
    "统计公报",
]
SENTENCES = [
    "为深入贯彻落实党中央、国务院和省委、省政府关于{s}工作的决策部署，结合本地实际，制定本方案。",
    "各乡镇人民政府、街道办事处，市政府各部门要把{s}工作摆上重要位置，明确责任分工。",
    "坚持以人民为中心的发展思想，坚持依法行政、公开透明，统筹推进{s}各项工作。",
    "截至{y}年底，全市累计投入资金{n}万元，惠及群众{m}人次，{s}工作取得阶段性成效。",
    "对工作中发现的问题要建立台账，限期整改，整改情况及时向社会公开，接受群众监督。",
    "本办法自印发之日起施行，有效期五年，由市{d}负责解释。",
    "各单位要加强{s}政策宣传解读，及时回应社会关切，营造良好舆论氛围。",
    "建立健全{s}长效机制，定期开展督促检查，对工作不力的单位予以通报。",
    "本年度共办理相关事项{n}件，办结率达到百分之{p}，群众满意度持续提升。",
    "请各单位于{y}年{mo}月底前将工作开展情况书面报送市{d}。",
]
DEPARTMENTS = [
    "教育局",
    "公安局",
    "财政局",
    "自然资源局",
    "住建局",
    "卫健委",
    "市场监管局",
    "民政局",
    "人社局",
    "农业农村局",
]


def _segment(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    from gongkai.catalog import search

    return [search.index_tokens(**row) for row in rows]


def _pool_init() -> None:
    import django

    django.setup()


def setup_database(url: str, *, fresh: bool = True) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("GONGKAI_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not fresh:
        pass
    elif url.startswith("postgres"):
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


def make_orgs():  # type: ignore[no-untyped-def]
    from gongkai.accounts.models import User
    from gongkai.catalog.services import directory_ensure_default
    from gongkai.orgs.services import organisation_create

    gov = organisation_create(
        code="B000",
        name="基准市人民政府",
        kind="government",
        report_owner_type="government",
        parent=None,
        actor=None,
    )
    orgs = [gov] + [
        organisation_create(
            code=f"B{i:03d}",
            name=f"基准市{name}",
            kind="department",
            report_owner_type="department",
            parent=gov,
            actor=None,
        )
        for i, name in enumerate(DEPARTMENTS, start=1)
    ]
    for org in orgs:
        directory_ensure_default(organisation=org)
    user = User.objects.create_user(username="bench", password="x" * 12, full_name="bench")
    return orgs, user


def generate(n: int, workers: int, batch: int) -> dict[str, float]:
    from django.db import transaction

    from gongkai.catalog.models import DirectoryNode, Item, SearchEntry
    from gongkai.catalog.services import due_for

    orgs, user = make_orgs()
    nodes = {
        org.pk: list(DirectoryNode.objects.filter(organisation=org).select_related("parent"))
        for org in orgs
    }
    rng = random.Random(5)
    tz = dt.timezone(dt.timedelta(hours=8))
    pool = Pool(workers, initializer=_pool_init) if workers > 1 else None
    index_seconds = insert_seconds = 0.0
    started = time.perf_counter()
    seq = 0
    while seq < n:
        items = []
        for _ in range(min(batch, n - seq)):
            seq += 1
            org = orgs[seq % len(orgs)]
            node = rng.choice(nodes[org.pk])
            subject, form = rng.choice(SUBJECTS), rng.choice(FORMS)
            year = rng.randint(2012, 2025)
            formed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            published = dt.datetime.combine(
                formed + dt.timedelta(days=rng.randint(0, 30)), dt.time(10), tz
            )
            fill = {
                "s": subject,
                "y": year,
                "n": rng.randint(10, 9999),
                "m": rng.randint(100, 99999),
                "p": rng.randint(80, 100),
                "mo": rng.randint(1, 12),
                "d": rng.choice(DEPARTMENTS),
            }
            body = "".join(
                f"<p>{rng.choice(SENTENCES).format(**fill)}</p>" for _ in range(rng.randint(3, 6))
            )
            docno = (
                f"基政{rng.choice(['', '办', '规'])}〔{year}〕{rng.randint(1, 200)}号"
                if rng.random() < 0.4
                else ""
            )
            items.append(
                Item(
                    organisation=org,
                    index_number=f"{org.code}-{year}-{seq:07d}",
                    title=f"{org.name}关于{subject}的{form}",
                    document_number=docno,
                    issuing_organisation=org.name,
                    formed_on=formed,
                    publication_due=due_for(formed),
                    category=node,
                    topic="general",
                    doc_type=rng.choice(["notice", "policy", "work_news", "report", "other"]),
                    summary=f"{subject}{form}。",
                    body=body,
                    keywords=subject,
                    status="published",
                    published_at=published,
                    created_by=user,
                )
            )
        t0 = time.perf_counter()
        with transaction.atomic():
            Item.objects.bulk_create(items, batch_size=2000)
        t1 = time.perf_counter()
        rows = [
            {
                "title": i.title,
                "document_number": i.document_number,
                "summary": i.summary,
                "keywords": i.keywords,
                "body": i.body,
            }
            for i in items
        ]
        chunks = [rows[k : k + 250] for k in range(0, len(rows), 250)]
        segmented = [
            r
            for part in (pool.map(_segment, chunks) if pool else map(_segment, chunks))
            for r in part
        ]
        entries = [
            SearchEntry(
                item=item,
                organisation_id=item.organisation_id,
                category_code=item.category.root_code,
                doc_type=item.doc_type,
                year=item.published_at.year,
                published_at=item.published_at,
                title_tokens=t,
                docno_tokens=d,
                body_tokens=b,
            )
            for item, (t, d, b) in zip(items, segmented, strict=True)
        ]
        with transaction.atomic():
            SearchEntry.objects.bulk_create(entries, batch_size=2000)
        t2 = time.perf_counter()
        insert_seconds += t1 - t0
        index_seconds += t2 - t1
        print(
            f"  {seq:>9,} items  ({seq / (time.perf_counter() - started):,.0f}/s overall)",
            flush=True,
        )
    if pool:
        pool.close()
    return {
        "index_rate": n / index_seconds,
        "insert_rate": n / insert_seconds,
        "total": time.perf_counter() - started,
    }


QUERIES = [
    "信息公开",
    "政府信息公开",
    "垃圾分类",
    "农村饮水安全",
    "养老服务",
    "营商环境 通知",
    "安全生产",
    "基政〔2019〕15号",
    "基政[2021]3号",
    "基政办(2018)7号",
    "乡村振兴 工作方案",
    "疫情防控",
    "学前教育",
    "宅基地",
    "河长制 通报",
    "住房公积金 管理办法",
    "防汛抗旱",
    "统计公报",
    "人才引进 实施细则",
    "燃气安全",
]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] * 1000


class Timer:
    """Wall-clock and this process's CPU time of one call (CPU time is steadier on a shared
    machine; with PostgreSQL it leaves out the server's share, so wall time is the figure)."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def time_search(rounds: int) -> tuple[float, float]:
    from gongkai.catalog.search import Filters
    from gongkai.catalog.selectors import search_items

    rng = random.Random(7)
    for q in QUERIES:
        search_items(query=q, filters=Filters())
    walls, cpus = [], []
    for _ in range(rounds):
        for q in QUERIES:
            filters = Filters(year=rng.choice([None, 2020, 2023]))
            with Timer() as timer:
                search_items(query=q, filters=filters, page=rng.choice([1, 1, 1, 2, 5]))
            walls.append(timer.wall)
            cpus.append(timer.cpu)
    return p95(walls), statistics.median(walls) * 1000, p95(cpus)


def time_list(requests: int) -> tuple[float, float]:
    from django.test import Client
    from django.urls import reverse

    from gongkai.catalog.models import DirectoryNode

    client = Client(HTTP_HOST="localhost")
    nodes = list(DirectoryNode.objects.filter(parent=None).select_related("organisation")[:200])
    rng = random.Random(11)
    walls, cpus = [], []
    for i in range(requests + 20):
        node = rng.choice(nodes)
        url = reverse(
            "catalog:directory-node",
            kwargs={"code": node.organisation.code, "node_code": node.code},
        )
        with Timer() as timer:
            response = client.get(url, {"page": rng.randint(1, 20)})
        assert response.status_code == 200, response.status_code
        if i >= 20:  # warm-up
            walls.append(timer.wall)
            cpus.append(timer.cpu)
    return p95(walls), statistics.median(walls) * 1000, p95(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument(
        "--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench' / 'catalog.sqlite3'}"
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--reuse", action="store_true", help="time the existing data again")
    args = parser.parse_args()
    setup_database(args.database_url, fresh=not args.reuse)
    from django.db import connection

    from gongkai.catalog.models import SearchEntry

    if args.reuse:
        print(
            f"catalog bench: reusing {SearchEntry.objects.count():,} items on {connection.vendor}"
        )
        stats = {"total": 0.0, "insert_rate": 0.0, "index_rate": 0.0}
    else:
        print(
            f"catalog bench: {args.items:,} items on {connection.vendor}, {args.workers} worker(s)"
        )
        stats = generate(args.items, args.workers, args.batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute(
                "SELECT setting::bigint * 8192 / 1048576 FROM pg_settings "
                "WHERE name = 'shared_buffers'"
            )
            megabytes = cursor.fetchone()[0]
            advice = "" if megabytes >= 2048 else "; below the 2 GB+ of docs/operations.md"
            print(f"PostgreSQL shared_buffers = {megabytes} MB{advice}")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    search_p95, search_median, search_cpu = time_search(args.rounds)
    list_p95, list_median, list_cpu = time_list(200)
    load = os.getloadavg()[0]
    if not args.reuse:
        print(
            f"generated in {stats['total']:.0f} s; item insert {stats['insert_rate']:,.0f} items/s"
        )
        print(f"indexing (rjieba segmentation + index insert): {stats['index_rate']:,.0f} items/s")
    print(
        f"search: p95 {search_p95:.1f} ms, median {search_median:.1f} ms "
        f"(CPU p95 {search_cpu:.1f} ms; {len(QUERIES) * args.rounds} queries)"
    )
    print(
        f"list page: p95 {list_p95:.1f} ms, median {list_median:.1f} ms "
        f"(CPU p95 {list_cpu:.1f} ms; 200 requests)"
    )
    print(f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
