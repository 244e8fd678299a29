"""Reconsideration and litigation cases and table 四 (D8)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.core.errors import ApplicationError
from gongkai.disputes.choices import DisputeKind as K
from gongkai.disputes.choices import DisputeResult as R
from gongkai.disputes.selectors import TABLE4_CELLS, table4
from gongkai.disputes.services import dispute_create, dispute_decide

pytestmark = pytest.mark.django_db


def case(personas, kind, filed, result=None, ended=None, org=None):  # type: ignore[no-untyped-def]
    row = dispute_create(
        organisation=org or personas.org_a,
        kind=kind,
        filed_on=dt.date.fromisoformat(filed),
        actor=personas.handler_a if org is None else personas.clerk_b,
    )
    if result:
        row = dispute_decide(
            case=row, result=result, ended_on=dt.date.fromisoformat(ended), actor=personas.handler_a
        )
    return row


def test_table4_counts_per_d8(personas, django_assert_num_queries):
    case(personas, K.RECONSIDERATION, "2021-03-01", R.UPHELD, "2021-05-01")  # A1
    case(personas, K.RECONSIDERATION, "2020-11-01", R.CORRECTED, "2021-02-01")  # pending 1 Jan → A2
    case(personas, K.RECONSIDERATION, "2020-06-01", R.OTHER, "2020-09-01")  # ended before Y: out
    case(personas, K.RECONSIDERATION, "2021-12-01")  # A4
    case(personas, K.LITIGATION_DIRECT, "2021-04-01", R.OTHER, "2022-03-01")  # ends next year → B4
    case(personas, K.LITIGATION_AFTER, "2021-06-01", R.UPHELD, "2021-08-01")  # C1
    case(personas, K.LITIGATION_AFTER, "2022-01-05")  # filed next year: out
    with django_assert_num_queries(1):
        cells = table4(organisation=personas.org_a, year=2021)
    assert list(cells) == list(TABLE4_CELLS)
    assert [cells[c] for c in TABLE4_CELLS] == [1, 1, 0, 1, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]
    next_year = table4(organisation=personas.org_a, year=2022)
    assert next_year["B3"] == 1 and next_year["C4"] == 1 and next_year["A4"] == 1


def test_decisions_are_checked(personas):
    row = case(personas, K.RECONSIDERATION, "2021-03-01")
    with pytest.raises(ApplicationError, match="早于立案"):
        dispute_decide(
            case=row, result=R.UPHELD, ended_on=dt.date(2021, 2, 1), actor=personas.handler_a
        )
    with pytest.raises(ApplicationError, match="请选择审结结果"):
        dispute_decide(
            case=row, result=R.PENDING, ended_on=dt.date(2021, 4, 1), actor=personas.handler_a
        )
    dispute_decide(
        case=row, result=R.UPHELD, ended_on=dt.date(2021, 4, 1), actor=personas.handler_a
    )
    with pytest.raises(ApplicationError, match="已经审结"):
        dispute_decide(
            case=row, result=R.OTHER, ended_on=dt.date(2021, 4, 2), actor=personas.handler_a
        )


@pytest.mark.parametrize("persona", ["registrar_a", "supervisor", "clerk_b", "outsider"])
def test_only_handlers_office_heads_and_admins_register_cases(personas, persona):
    with pytest.raises(PermissionDenied):
        dispute_create(
            organisation=personas.org_a,
            kind=K.RECONSIDERATION,
            filed_on=dt.date(2021, 1, 5),
            actor=getattr(personas, persona),
        )


def test_the_page_shows_table4_and_registers_a_case(personas):
    client = personas.client_for(personas.handler_a)
    url = reverse("disputes:list", kwargs={"code": "A1"})
    response = client.post(
        url,
        {
            "kind": K.LITIGATION_DIRECT,
            "filed_on": "2021-03-01",
            "case_number": "（2021）豫0782行初1号",
        },
    )
    assert response.status_code == 302
    page = client.get(url, {"year": 2021}).content.decode()
    assert "（2021）豫0782行初1号" in page and "未经复议直接起诉" in page
    assert personas.client_for(personas.clerk_b).get(url).status_code == 404
