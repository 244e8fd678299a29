"""Table 三 from live data (D6, D7): one grouped query, identities hold by construction."""

from __future__ import annotations

import pytest

from gongkai.foi import services as s
from gongkai.foi.choices import ApplicantType, Outcome
from gongkai.foi.selectors import TABLE3_ROWS, table3
from gongkai.foi.tests.conftest import d

pytestmark = pytest.mark.django_db


def close(app, personas, outcome, on):  # type: ignore[no-untyped-def]
    app = s.application_accept(
        application=app, actor=personas.handler_a, expected_version=app.version
    )
    app = s.application_submit_draft(
        application=app,
        actor=personas.handler_a,
        expected_version=app.version,
        outcome=outcome,
        basis="",
        text="答复",
    )
    app = s.application_review(
        application=app, actor=personas.reviewer_a, expected_version=app.version, approve=True
    )
    app = s.application_sign(
        application=app, actor=personas.leader_a, expected_version=app.version, approve=True
    )
    return s.application_reply(
        application=app, actor=personas.registrar_a, expected_version=app.version, replied_on=d(on)
    )


def test_table3_counts_per_d7(register, personas, django_assert_num_queries):
    # Received 2020, closed 2021 → R2 and R3 in 2021.
    close(register("2020-12-20"), personas, Outcome.R3_1, "2021-01-10")
    # Received 2020, closed 2020 → neither in 2021.
    close(register("2020-11-02"), personas, Outcome.R3_1, "2020-11-20")
    # Received 2021 by a business, closed 2021 as 部分公开.
    close(
        register("2021-03-01", applicant_type=ApplicantType.BUSINESS, contact_person="李"),
        personas,
        Outcome.R3_2,
        "2021-03-20",
    )
    # Received 2021, withdrawn 2021 → R3.6.3.
    w = register("2021-05-06", applicant_type=ApplicantType.LEGAL_SERVICE, contact_person="律")
    s.application_withdraw(
        application=w,
        actor=personas.registrar_a,
        expected_version=w.version,
        on=d("2021-05-07"),
        note="撤回",
    )
    # Received 2021 (corrected in 2022 would not move it), still open at year end → R4.
    register("2021-12-28")
    # Another organisation's case never counts.
    s.application_register(
        organisation=personas.org_b,
        data=__import__("gongkai.foi.tests.conftest", fromlist=["app_input"]).app_input(
            "2021-06-01"
        ),
        actor=personas.clerk_b,
    )
    with django_assert_num_queries(1):
        t = table3(organisation=personas.org_a, year=2021)
    assert list(t) == list(TABLE3_ROWS) and len(TABLE3_ROWS) == 25
    assert t["R1"] == [1, 1, 0, 0, 1, 0, 3]
    assert t["R2"] == [1, 0, 0, 0, 0, 0, 1]
    assert t["R3.1"][6] == 1 and t["R3.2"] == [0, 1, 0, 0, 0, 0, 1]
    assert t["R3.6.3"] == [0, 0, 0, 0, 1, 0, 1]
    assert t["R3.7"] == [1, 1, 0, 0, 1, 0, 3]
    assert t["R4"] == [1, 0, 0, 0, 0, 0, 1]
    for c in range(7):  # T3-01 holds per column
        assert t["R1"][c] + t["R2"][c] == t["R3.7"][c] + t["R4"][c]
    t2022 = table3(organisation=personas.org_a, year=2022)
    assert t2022["R2"] == t["R4"]  # T3-04: last year's carry-over
