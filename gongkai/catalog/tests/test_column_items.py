"""A directory column lists its own items and its sub-columns' items, newest first: merged
per column for the first pages, sorted by the database beyond (selectors.ColumnItems)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.paginator import Paginator

from gongkai.catalog import selectors
from gongkai.catalog.selectors import ColumnItems
from gongkai.catalog.tests.conftest import draft, node, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def column(p):  # type: ignore[no-untyped-def]
    """法规文件 (20-01) with items in itself and in two of its sub-columns, dates interleaved."""
    parent = node(p.org_a, "20-01")
    children = list(parent.children.order_by("code"))
    targets = [parent, children[0], children[1]]
    for day in range(1, 13):
        target = targets[day % 3]
        item = draft(p, title=f"第{day:02d}日文件", category_code=target.code)
        publish(p, item, now=dt.datetime(2021, 5, day, 9, tzinfo=dt.UTC))
    publish(p, draft(p, title="其他栏目的文件"), now=dt.datetime(2021, 5, 20, tzinfo=dt.UTC))
    return parent


def titles(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.title for item in items]


def test_items_of_the_column_and_its_sub_columns_come_newest_first(column):
    items = selectors.directory_node_items(node=column)
    assert items.count() == 12
    assert titles(items[0:12]) == [f"第{day:02d}日文件" for day in range(12, 0, -1)]


def test_pages_follow_on_from_each_other(column):
    paginator = Paginator(selectors.directory_node_items(node=column), 5)
    pages = [titles(paginator.page(n).object_list) for n in paginator.page_range]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert [title for page in pages for title in page] == [
        f"第{day:02d}日文件" for day in range(12, 0, -1)
    ]


def test_deep_pages_sorted_by_the_database_read_the_same(column, monkeypatch):
    merged = titles(selectors.directory_node_items(node=column)[3:9])
    monkeypatch.setattr(ColumnItems, "MERGE_LIMIT", 4)
    assert titles(selectors.directory_node_items(node=column)[3:9]) == merged


def test_a_column_without_sub_columns_lists_only_its_own_items(p, column):
    other = selectors.directory_node_items(node=node(p.org_a, "20-15"))
    assert titles(other[0:10]) == ["其他栏目的文件"]


def test_single_items_and_iteration_read_the_same_order(column):
    items = selectors.directory_node_items(node=column)
    assert items[0].title == "第12日文件"
    assert titles(items) == [f"第{day:02d}日文件" for day in range(12, 0, -1)]
    with pytest.raises(IndexError):
        items[12]
