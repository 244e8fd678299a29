"""The state machine of a case: which step may follow which, and who may take it (C11).

``TRANSITIONS`` is the single source: for every event kind, the statuses it may start from,
the status it leads to (``None``: the step decides, e.g. the last consultation answered), and
the roles allowed to take it. ``ALLOWED`` is derived for documentation and tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.foi.choices import OPEN_STATUSES, EventKind, Status
from gongkai.orgs.choices import Role

S = Status
_CLERKS = frozenset({Role.REGISTRAR, Role.HANDLER})
_HANDLER = frozenset({Role.HANDLER})
_WORKING = frozenset({S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE})


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str]


TRANSITIONS: dict[str, Rule] = {
    EventKind.ACCEPT: Rule(frozenset({S.REGISTERED}), S.IN_PROGRESS, _CLERKS),
    EventKind.REQUEST_CORRECTION: Rule(
        frozenset({S.REGISTERED, S.IN_PROGRESS}), S.AWAITING_CORRECTION, _CLERKS
    ),
    EventKind.RECEIVE_CORRECTION: Rule(frozenset({S.AWAITING_CORRECTION}), S.IN_PROGRESS, _CLERKS),
    EventKind.LAPSE_CORRECTION: Rule(frozenset({S.AWAITING_CORRECTION}), S.CLOSED, _CLERKS),
    EventKind.START_CONSULTATION: Rule(
        frozenset({S.IN_PROGRESS, S.CONSULTING}), S.CONSULTING, _HANDLER
    ),
    EventKind.END_CONSULTATION: Rule(frozenset({S.CONSULTING}), None, _HANDLER),
    # 条例第33条: the office head consents; the handler may record it on their behalf.
    EventKind.EXTEND: Rule(_WORKING, None, frozenset({Role.OFFICE_HEAD, Role.HANDLER})),
    EventKind.FEE_NOTICE: Rule(frozenset({S.IN_PROGRESS}), S.AWAITING_FEE, _HANDLER),
    EventKind.FEE_PAID: Rule(frozenset({S.AWAITING_FEE}), S.IN_PROGRESS, _CLERKS),
    EventKind.FEE_LAPSE: Rule(frozenset({S.AWAITING_FEE}), S.CLOSED, _CLERKS),
    EventKind.ART35_DELAY: Rule(
        frozenset({S.IN_PROGRESS}), S.IN_PROGRESS, frozenset({Role.OFFICE_HEAD})
    ),
    EventKind.SUBMIT_DRAFT: Rule(frozenset({S.IN_PROGRESS}), S.UNDER_REVIEW, _HANDLER),
    EventKind.REVIEW_APPROVE: Rule(
        frozenset({S.UNDER_REVIEW}),
        S.AWAITING_SIGNOFF,
        frozenset({Role.REVIEWER, Role.OFFICE_HEAD}),
    ),
    EventKind.REVIEW_REJECT: Rule(
        frozenset({S.UNDER_REVIEW}), S.IN_PROGRESS, frozenset({Role.REVIEWER, Role.OFFICE_HEAD})
    ),
    EventKind.SIGN_OFF: Rule(frozenset({S.AWAITING_SIGNOFF}), S.SIGNED, frozenset({Role.LEADER})),
    EventKind.SIGN_REJECT: Rule(
        frozenset({S.AWAITING_SIGNOFF}), S.IN_PROGRESS, frozenset({Role.LEADER})
    ),
    EventKind.REPLY: Rule(frozenset({S.SIGNED}), S.REPLIED, _CLERKS),
    EventKind.ARCHIVE: Rule(frozenset({S.REPLIED, S.CLOSED}), S.ARCHIVED, _CLERKS),
    EventKind.WITHDRAW: Rule(frozenset(OPEN_STATUSES), S.CLOSED, _CLERKS),
}

ALLOWED: dict[str, frozenset[str]] = {
    status: frozenset(
        target
        for rule in TRANSITIONS.values()
        if status in rule.sources
        for target in ((rule.target,) if rule.target else (S.IN_PROGRESS, S.CONSULTING, status))
    )
    for status in Status
}


def allowed_kinds(status: str) -> list[str]:
    """The steps that may be taken from ``status``, in table order."""
    return [kind for kind, rule in TRANSITIONS.items() if status in rule.sources]
