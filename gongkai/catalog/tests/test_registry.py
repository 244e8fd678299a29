"""Table 二 (第二十条第（一）项) from the normative registry, against a hand-computed fixture."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.catalog import services
from gongkai.catalog.choices import DocumentType, EventKind, NormativeStatus
from gongkai.catalog.tests.conftest import draft, publish
from gongkai.core.errors import ApplicationError

D = dt.date


def normative(p, issued_on, *, doc_type=DocumentType.NORMATIVE, published=True, organisation=None):
    organisation = organisation or p.org_a
    actor = p.handler_a if organisation == p.org_a else p.clerk_b
    item = draft(
        p,
        organisation=organisation,
        actor=actor,
        doc_type=doc_type,
        category_code="20-01-02" if doc_type == DocumentType.NORMATIVE else "20-01-01",
        issued_on=issued_on,
        formed_on=issued_on,
        document_number=f"测政规〔{issued_on.year}〕{issued_on.toordinal() % 97}号",
    )
    return publish(p, item) if published else item


def end(p, item, status, on, superseded_by=None):
    return services.normative_status_set(
        item=item, actor=p.handler_a, status=status, on=on, superseded_by=superseded_by
    )


@pytest.fixture
def registry(p):
    """Hand-computed for 2021 (org A):
    normative: issued 2019 ×2 (one abolished 2020), 2020 ×1 (abolished 2022 — still in force at
    the end of 2021), 2021 ×3 (one abolished 2021-11-01, one amended 2021-12-31 and replaced by
    a 2021 document counted above), issued 2022 ×1, a 2021 draft never published (not counted).
    regulation: issued 2021 ×1.
    Org B's documents never count for A.
    """
    a19 = normative(p, D(2019, 5, 1))
    b19 = normative(p, D(2019, 6, 1))
    end(p, b19, NormativeStatus.ABOLISHED, D(2020, 3, 1))
    c20 = normative(p, D(2020, 7, 1))
    end(p, c20, NormativeStatus.ABOLISHED, D(2022, 2, 1))
    d21 = normative(p, D(2021, 2, 1))
    e21 = normative(p, D(2021, 4, 1))
    end(p, e21, NormativeStatus.ABOLISHED, D(2021, 11, 1))
    f21 = normative(p, D(2021, 6, 1))
    end(p, d21, NormativeStatus.AMENDED, D(2021, 12, 31), superseded_by=f21)
    normative(p, D(2022, 3, 1))
    normative(p, D(2021, 8, 1), published=False)
    normative(p, D(2021, 9, 1), doc_type=DocumentType.REGULATION)
    normative(p, D(2021, 9, 1), organisation=p.org_b)
    return a19


def test_table_two_counts_match_the_hand_computed_fixture(p, registry):
    counts = services.normative_counts(organisation=p.org_a, year=2021)
    # in force at 2021-12-31: a19, c20 (abolished only in 2022), f21 → 3
    assert counts["行政规范性文件"] == {"issued": 3, "abolished": 1, "in_force": 3}
    assert counts["规章"] == {"issued": 1, "abolished": 0, "in_force": 1}


def test_other_years_from_the_same_registry(p, registry):
    assert services.normative_counts(organisation=p.org_a, year=2020)["行政规范性文件"] == {
        "issued": 1,
        "abolished": 1,
        "in_force": 2,  # a19, c20
    }
    assert services.normative_counts(organisation=p.org_a, year=2022)["行政规范性文件"] == {
        "issued": 1,
        "abolished": 1,  # c20
        "in_force": 3,  # a19, f21, the 2022 one
    }


def test_the_subtree_option_adds_child_organisations(p, registry):
    counts = services.normative_counts(organisation=p.government, year=2021, include_subtree=True)
    assert counts["行政规范性文件"]["issued"] == 4
    assert services.normative_counts(organisation=p.government, year=2021)["规章"]["issued"] == 0


def test_status_changes_are_checked_and_recorded(p):
    item = normative(p, D(2021, 2, 1))
    with pytest.raises(ApplicationError, match="日期"):
        end(p, item, NormativeStatus.ABOLISHED, None)
    with pytest.raises(ApplicationError, match="早于"):
        end(p, item, NormativeStatus.ABOLISHED, D(2020, 1, 1))
    with pytest.raises(ApplicationError, match="另一件"):
        end(p, item, NormativeStatus.AMENDED, D(2021, 5, 1), superseded_by=item)
    with pytest.raises(PermissionDenied):
        services.normative_status_set(
            item=item, actor=p.reviewer_a, status=NormativeStatus.ABOLISHED, on=D(2021, 5, 1)
        )
    item = end(p, item, NormativeStatus.EXPIRED, D(2021, 5, 1))
    event = item.events.get(kind=EventKind.NORMATIVE_STATUS)
    assert event.data == {"normative_status": "expired", "on": "2021-05-01"}
    plain = publish(p, draft(p))
    with pytest.raises(ApplicationError, match="只有规章"):
        end(p, plain, NormativeStatus.ABOLISHED, D(2021, 5, 1))


def test_a_normative_document_needs_an_issue_date(p):
    with pytest.raises(ApplicationError, match="印发日期"):
        draft(p, doc_type=DocumentType.NORMATIVE)
