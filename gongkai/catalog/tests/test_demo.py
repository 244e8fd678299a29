"""The demo data reproduces the seed report's table 二 and loads idempotently."""

from __future__ import annotations

from gongkai.catalog import demo
from gongkai.catalog.models import Item
from gongkai.catalog.search import Filters
from gongkai.catalog.selectors import search_items
from gongkai.catalog.services import normative_counts
from gongkai.orgs import demo as orgs_demo
from gongkai.orgs.models import Organisation


def test_demo_matches_the_seed_table_two_and_is_idempotent(db):
    orgs_demo.load()
    summary = demo.load()
    assert "行政规范性文件" in summary
    government = Organisation.objects.get(code="410782")
    counts = normative_counts(organisation=government, year=2021)
    assert counts["行政规范性文件"] == {"issued": 24, "abolished": 0, "in_force": 67}
    assert counts["规章"] == {"issued": 0, "abolished": 0, "in_force": 0}
    total = Item.objects.count()
    published_2021 = Item.objects.filter(
        status="published", published_at__year=2021, organisation__path__startswith="/"
    ).count()
    assert published_2021 == demo.PUBLISHED_2021  # the seed's 全年主动公开各类政府信息3200条
    assert demo.load().startswith("已存在")
    assert Item.objects.count() == total
    found = search_items(query="辉政(2021)3号", filters=Filters())
    assert [hit.item.document_number for hit in found.hits] == ["辉政〔2021〕3号"]
    report = search_items(query="信息公开 年度报告", filters=Filters())
    titles = [hit.item.title for hit in report.hits]
    assert "辉县市人民政府2021年政府信息公开工作年度报告" in titles
