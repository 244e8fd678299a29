"""Writes of the oversight domain (conventions C3): keyword-only, typed, atomic, audited.

Permissions are checked here, not only in views, so commands, the admin and the demo obey the
same rules. One module per part: ``checks`` (platforms, indicator sheets, spot checks),
``rectification`` (整改 and escalation), ``assessment`` (training records and 年度考核).
"""

from gongkai.oversight.figures import oversight_report_figures, oversight_report_sentences
from gongkai.oversight.services.assessment import (
    DEFAULT_ASSESSMENT_INDICATORS,
    assessment_create,
    assessment_fill_auto,
    assessment_score_set,
    training_create,
)
from gongkai.oversight.services.checks import (
    PLATFORM_FIELDS,
    finding_add,
    finding_remove,
    indicator_sheet_load,
    platform_create,
    platform_set_status,
    platform_update,
    record_create,
    record_rescore,
    round_close,
    round_create,
    round_sample,
)
from gongkai.oversight.services.rectification import (
    ALLOWED,
    DEFAULT_RECTIFICATION_WORKDAYS,
    Escalation,
    escalation_thresholds,
    rectification_answer,
    rectification_issue,
    rectification_verify,
    rectifications_escalate,
    work_calendar,
)

__all__ = [
    "ALLOWED",
    "DEFAULT_ASSESSMENT_INDICATORS",
    "DEFAULT_RECTIFICATION_WORKDAYS",
    "PLATFORM_FIELDS",
    "Escalation",
    "assessment_create",
    "assessment_fill_auto",
    "assessment_score_set",
    "escalation_thresholds",
    "finding_add",
    "finding_remove",
    "indicator_sheet_load",
    "oversight_report_figures",
    "oversight_report_sentences",
    "platform_create",
    "platform_set_status",
    "platform_update",
    "record_create",
    "record_rescore",
    "rectification_answer",
    "rectification_issue",
    "rectification_verify",
    "rectifications_escalate",
    "round_close",
    "round_create",
    "round_sample",
    "training_create",
    "work_calendar",
]
