"""Chinese full-text search (SQLite FTS5 or PostgreSQL tsvector, whichever DATABASE_URL names)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from gongkai.catalog import search, services
from gongkai.catalog.choices import DocumentType
from gongkai.catalog.search import Filters
from gongkai.catalog.selectors import search_items
from gongkai.catalog.tests.conftest import draft, publish

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(year, month=6, day=1):
    return dt.datetime(year, month, day, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def corpus(p):
    return {
        "report": publish(
            p,
            draft(
                p,
                title="测试市甲局2021年政府信息公开工作年度报告",
                doc_type=DocumentType.REPORT,
                category_code="NB",
                summary="年度报告全文。",
                body="<p>本报告依据条例第五十条编制。</p>",
            ),
            now=at(2022, 1, 20),
        ),
        "docno": publish(
            p,
            draft(
                p,
                title="测试市甲局关于加强农村饮水安全管理的通知",
                document_number="测政〔2021〕5号",
                doc_type=DocumentType.NORMATIVE,
                category_code="20-01-02",
                issued_on=dt.date(2021, 5, 6),
                body="<p>各乡镇：为保障农村饮水安全，现就有关事项通知如下。</p>",
            ),
            now=at(2021, 5, 10),
        ),
        "docno15": publish(
            p,
            draft(
                p,
                title="测试市甲局关于规范城市道路挖掘管理的通知",
                document_number="测政〔2021〕15号",
                doc_type=DocumentType.NOTICE,
                body="<p>道路挖掘须经审批。</p>",
            ),
            now=at(2021, 7, 1),
        ),
        "body_only": publish(
            p,
            draft(
                p,
                title="测试市乙局2020年工作总结",
                organisation=p.org_b,
                actor=p.clerk_b,
                doc_type=DocumentType.REPORT,
                body="<p>全年推进政府信息公开标准化规范化建设，信息公开质量不断提升。</p>",
            ),
            now=at(2021, 1, 15),
        ),
        "other": publish(
            p,
            draft(p, title="测试市甲局关于春季植树造林的通知", body="<p>植树节活动安排。</p>"),
            now=at(2021, 3, 1),
        ),
    }


def titles(query, **filters):
    return [hit.item.title for hit in search_items(query=query, filters=Filters(**filters)).hits]


def test_segmentation_finds_words_inside_compounds(corpus):
    found = titles("信息公开")
    assert "测试市甲局2021年政府信息公开工作年度报告" in found
    assert "测试市乙局2020年工作总结" in found  # in the body only
    assert "测试市甲局关于春季植树造林的通知" not in found


def test_a_character_pair_that_is_not_a_word_does_not_match(corpus):
    # 府信 spans two words (政府|信息): real segmentation does not find it, unlike LIKE '%府信%'.
    assert titles("府信") == []


def test_title_matches_rank_before_body_matches(corpus):
    found = titles("信息公开")
    assert found.index("测试市甲局2021年政府信息公开工作年度报告") < found.index(
        "测试市乙局2020年工作总结"
    )


def test_several_words_must_all_match(corpus):
    assert titles("农村 饮水") == ["测试市甲局关于加强农村饮水安全管理的通知"]
    assert titles("农村 植树") == []


@pytest.mark.parametrize(
    "query",
    ["测政〔2021〕5号", "测政[2021]5号", "测政(2021)5号", "测政（2021）5号", "测政【2021】5号"],
)
def test_document_numbers_match_in_any_bracket_style(corpus, query):
    assert titles(query) == ["测试市甲局关于加强农村饮水安全管理的通知"]


def test_a_document_number_does_not_match_a_longer_one(corpus):
    assert titles("测政[2021]15号") == ["测试市甲局关于规范城市道路挖掘管理的通知"]


def test_facets_count_right(p, corpus):
    result = search_items(query="通知", filters=Filters())
    assert result.total == 3
    facets = {name: {v.label: v.count for v in values} for name, values in result.facets.items()}
    assert facets["org"] == {"测试市甲局": 3}
    assert facets["year"] == {"2021年": 3}
    assert facets["type"] == {"行政规范性文件": 1, "通知公告": 2}
    assert facets["category"] == {"法规文件": 1, "其他依法应主动公开的信息": 2}
    everything = search_items(query="信息公开", filters=Filters())
    years = {v.label: v.count for v in everything.facets["year"]}
    assert years == {"2022年": 1, "2021年": 1}
    orgs = {v.label: v.count for v in everything.facets["org"]}
    assert orgs == {"测试市甲局": 1, "测试市乙局": 1}


def test_filters_narrow_results_and_facets(p, corpus):
    result = search_items(query="信息公开", filters=Filters(organisation_id=p.org_b.pk))
    assert [h.item.title for h in result.hits] == ["测试市乙局2020年工作总结"]
    assert result.total == 1
    assert titles("通知", doc_type=DocumentType.NORMATIVE) == [
        "测试市甲局关于加强农村饮水安全管理的通知"
    ]
    assert titles("通知", year=2020) == []
    assert len(titles("通知", category_code="20-15")) == 2


def test_equal_relevance_orders_newest_first(p):
    for year in (2019, 2021, 2020):
        publish(p, draft(p, title=f"{year}年防汛工作安排", body="<p>防汛</p>"), now=at(year))
    assert titles("防汛") == ["2021年防汛工作安排", "2020年防汛工作安排", "2019年防汛工作安排"]


def test_snippets_highlight_the_query_and_escape_html(p, corpus):
    result = search_items(query="信息公开", filters=Filters(organisation_id=p.org_b.pk))
    snippet = str(result.hits[0].snippet)
    assert "<mark>信息</mark>" in snippet or "<mark>信息公开</mark>" in snippet
    assert "<p>" not in snippet
    assert search.highlight("<b>政府</b>", {"政府"}) == "&lt;b&gt;<mark>政府</mark>&lt;/b&gt;"


def test_withdrawn_items_leave_the_index(p, corpus):
    services.item_withdraw(item=corpus["report"], actor=p.office_head_a, reason="重复发布")
    assert "测试市甲局2021年政府信息公开工作年度报告" not in titles("信息公开")


def test_drafts_are_not_found(p, corpus):
    draft(p, title="尚未发布的政府信息公开草稿")
    assert "尚未发布的政府信息公开草稿" not in titles("草稿")


def test_empty_and_punctuation_queries_return_nothing(corpus):
    assert titles("") == []
    assert titles("，。！") == []
    assert titles('"OR AND NEAR(') == []


def test_query_parsing():
    terms = search.parse_query("辉政[2021]5号 信息公开")
    assert terms[0].alternatives == (("辉政2021年5号",),)
    assert search.docno_key("辉政(2021)05号") == "辉政2021年5号"
    assert search.docno_display("辉政[2021]5号") == "辉政〔2021〕5号"
    assert search.docno_key("无文号") == ""


def test_reindex_command_rebuilds_the_index(p, corpus):
    from gongkai.catalog.models import SearchEntry

    SearchEntry.objects.all().delete()
    assert titles("农村 饮水") == []
    call_command("catalog_reindex", "--batch", "2")
    assert titles("农村 饮水") == ["测试市甲局关于加强农村饮水安全管理的通知"]
    assert SearchEntry.objects.count() == 5


@pytest.mark.parametrize("query", ["#y2021", "y2021", "#t notice", "#o1"])
def test_query_words_never_match_the_filter_lexemes(corpus, query):
    # On PostgreSQL the filters are lexemes of the match vector (#y2021, #tnotice, …).
    assert titles(query) == []


@pytest.mark.parametrize(
    "category_code", ["20-15' | '#t", "\\", "a & b", "'", "!(x)", "20-15:*", "x" * 300]
)
def test_hostile_filter_values_match_nothing_and_never_fail(corpus, category_code):
    # Filter values come from the query string; on PostgreSQL they become tsquery lexemes.
    assert titles("通知", category_code=category_code) == []
    assert titles("通知", doc_type=category_code) == []
