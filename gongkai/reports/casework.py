"""Walking disclosure requests through the statutory procedure with the real services.

Used by the demo (the seed city's 2021 and 2022 cases) and by the report tests: every case
is registered, accepted, drafted, reviewed, signed off and answered by the people whose roles
allow it — or withdrawn — exactly as staff would do it, so the events, deadlines and audit
trail are the real ones and table 三 is computed from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from gongkai.foi import services as foi
from gongkai.foi.choices import (
    CLOSURE_OUTCOMES,
    OUTCOME_BASIS,
    Channel,
    Delivery,
    IdType,
    InfoForm,
    Outcome,
)
from gongkai.foi.models import Application
from gongkai.orgs.models import Organisation

if TYPE_CHECKING:
    from gongkai.accounts.models import User

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Staff:
    registrar: User
    handler: User
    reviewer: User
    leader: User


def register(
    *,
    organisation: Organisation,
    staff: Staff,
    applicant_type: str,
    received_on: dt.date,
    number: int,
    description: str,
) -> Application:
    """A counter application received on ``received_on`` from applicant ``number``."""
    data = foi.ApplicationInput(
        applicant_type=applicant_type,
        applicant_name=f"申请人{number:03d}",
        id_type=IdType.RESIDENT_ID if applicant_type == "natural" else IdType.CREDIT_CODE,
        id_number=f"DEMO{organisation.code}{number:08d}",
        phone=f"1380000{number:04d}",
        description=description,
        info_form=InfoForm.PAPER,
        delivery=Delivery.PICKUP,
        channel=Channel.IN_PERSON,
        arrived_at=dt.datetime.combine(received_on, dt.time(9, 30), tzinfo=SHANGHAI),
    )
    application = foi.application_register(
        organisation=organisation, data=data, actor=staff.registrar
    )
    return foi.application_accept(
        application=application, actor=staff.handler, expected_version=None
    )


def close(
    *, application: Application, staff: Staff, outcome: str, closed_on: dt.date
) -> Application:
    """Close with ``outcome`` on ``closed_on``: a signed reply, or a withdrawal (（六）3)."""
    if outcome in CLOSURE_OUTCOMES:
        if outcome != Outcome.R3_6_3:
            raise ValueError("（六）1/2 arise from the 补正 or fee lapse steps, not from a reply")
        return foi.application_withdraw(
            application=application,
            actor=staff.handler,
            expected_version=None,
            on=closed_on,
            note="申请人撤回申请",
        )
    application = foi.application_submit_draft(
        application=application,
        actor=staff.handler,
        expected_version=None,
        outcome=outcome,
        basis=OUTCOME_BASIS[outcome],
        text="答复告知书正文。",
    )
    application = foi.application_review(
        application=application, actor=staff.reviewer, expected_version=None, approve=True
    )
    application = foi.application_sign(
        application=application, actor=staff.leader, expected_version=None, approve=True
    )
    return foi.application_reply(
        application=application, actor=staff.handler, expected_version=None, replied_on=closed_on
    )
