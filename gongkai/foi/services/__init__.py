"""Writes of disclosure on request (C3): intake, the one transition service, the named steps.

Views, commands and the demo import from here; the modules split the ~900 lines by role.
"""

from gongkai.foi.services.core import Step, application_transition
from gongkai.foi.services.intake import (
    APPLICANT_FIELDS,
    REQUEST_FIELDS,
    ApplicationInput,
    applicant_key,
    application_register,
    derive_receipt_date,
    find_repeat,
    new_query_code,
)
from gongkai.foi.services.steps import (
    FEE_PAUSES_CLOCK,
    application_accept,
    application_archive,
    application_art35_delay,
    application_consult,
    application_consultation_answer,
    application_extend,
    application_fee_lapse,
    application_fee_notice,
    application_fee_paid,
    application_lapse_correction,
    application_receive_correction,
    application_reply,
    application_request_correction,
    application_review,
    application_sign,
    application_submit_draft,
    application_withdraw,
    fee_for,
)

__all__ = [
    "APPLICANT_FIELDS",
    "FEE_PAUSES_CLOCK",
    "REQUEST_FIELDS",
    "ApplicationInput",
    "Step",
    "applicant_key",
    "application_accept",
    "application_archive",
    "application_art35_delay",
    "application_consult",
    "application_consultation_answer",
    "application_extend",
    "application_fee_lapse",
    "application_fee_notice",
    "application_fee_paid",
    "application_lapse_correction",
    "application_receive_correction",
    "application_register",
    "application_reply",
    "application_request_correction",
    "application_review",
    "application_sign",
    "application_submit_draft",
    "application_transition",
    "application_withdraw",
    "derive_receipt_date",
    "fee_for",
    "find_repeat",
    "new_query_code",
]
