"""Year attribution across 31 December (D3, D7, D8), computed from real cases."""

import datetime as dt

import pytest

from gongkai.disputes.choices import DisputeKind, DisputeResult
from gongkai.disputes.services import dispute_create, dispute_decide
from gongkai.foi import services as foi
from gongkai.foi.choices import Outcome
from gongkai.reports.casework import Staff, close, register
from gongkai.reports.sources import live_figures


@pytest.fixture
def staff(personas):
    return Staff(personas.registrar_a, personas.handler_a, personas.reviewer_a, personas.leader_a)


def t3(personas, year):
    return live_figures(organisation=personas.org_a, year=year).table3


def case(personas, staff, received, number=1):
    return register(
        organisation=personas.org_a,
        staff=staff,
        applicant_type="natural",
        received_on=received,
        number=number,
        description=f"第{number}号申请的信息",
    )


def test_received_31_december_and_closed_1_january(personas, staff):
    application = case(personas, staff, dt.date(2021, 12, 31))
    close(application=application, staff=staff, outcome=Outcome.R3_1, closed_on=dt.date(2022, 1, 1))
    y2021, y2022 = t3(personas, 2021), t3(personas, 2022)
    assert (y2021["R1"][6], y2021["R3.7"][6], y2021["R4"][6]) == (1, 0, 1)
    assert (y2022["R1"][6], y2022["R2"][6], y2022["R3.1"][6], y2022["R4"][6]) == (0, 1, 1, 0)
    for table in (y2021, y2022):  # T3-01 holds by construction (D7)
        assert table["R1"][6] + table["R2"][6] == table["R3.7"][6] + table["R4"][6]


def test_a_correction_across_the_boundary_keeps_the_original_receipt_year(personas, staff):
    """D3: the clock restarts, but R1 counts the original receipt date."""
    application = case(personas, staff, dt.date(2021, 12, 20))
    application = foi.application_request_correction(
        application=application,
        actor=personas.handler_a,
        expected_version=None,
        notified_on=dt.date(2021, 12, 22),
        items="请明确所需信息的文号",
        period_end=dt.date(2022, 1, 15),
    )
    application = foi.application_receive_correction(
        application=application,
        actor=personas.handler_a,
        expected_version=None,
        received_on=dt.date(2022, 1, 10),
    )
    close(
        application=application, staff=staff, outcome=Outcome.R3_4_1, closed_on=dt.date(2022, 1, 20)
    )
    y2021, y2022 = t3(personas, 2021), t3(personas, 2022)
    assert (y2021["R1"][6], y2021["R4"][6]) == (1, 1)
    assert (y2022["R1"][6], y2022["R2"][6], y2022["R3.4.1"][6]) == (0, 1, 1)


def test_litigation_pending_across_years_is_pending_then_decided(personas):
    """D8: filed in 2021 and pending on 1 January 2022 → 尚未审结 in 2021, its result in 2022."""
    lawsuit = dispute_create(
        organisation=personas.org_a,
        kind=DisputeKind.LITIGATION_DIRECT,
        filed_on=dt.date(2021, 6, 1),
        actor=personas.handler_a,
    )
    y2021 = live_figures(organisation=personas.org_a, year=2021).table4
    assert (y2021["B4"], y2021["B5"]) == (1, 1)
    dispute_decide(
        case=lawsuit,
        result=DisputeResult.CORRECTED,
        ended_on=dt.date(2022, 3, 1),
        actor=personas.handler_a,
    )
    y2022 = live_figures(organisation=personas.org_a, year=2022).table4
    assert (y2022["B2"], y2022["B4"], y2022["B5"]) == (1, 0, 1)
    assert live_figures(organisation=personas.org_a, year=2021).table4["B4"] == 1
