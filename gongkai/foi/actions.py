"""The case page's actions: for each step, its form and the service it calls.

Views stay thin (C8): they look up the action here, validate its form, and call ``perform``.
Which actions a user sees comes from the transition table and their roles (``available``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms as djforms

from gongkai.accounts.models import User
from gongkai.core.errors import ApplicationError
from gongkai.foi import forms, services
from gongkai.foi.choices import EventKind
from gongkai.foi.models import Application, Consultation
from gongkai.foi.selectors import can_act
from gongkai.foi.workflow import TRANSITIONS

if TYPE_CHECKING:
    Call = Callable[[Application, User, dict[str, Any]], Application]


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    form: type[djforms.Form]
    kinds: tuple[str, ...]  # the transition kinds it may take (review: approve or reject)
    call: Call


def _decision(data: dict[str, Any]) -> bool:
    return data.get("decision") != "reject"


class DecisionForm(forms.NoteForm):
    decision = djforms.ChoiceField(
        label="决定", choices=[("approve", "同意"), ("reject", "退回")], widget=djforms.RadioSelect
    )


def _consultation(app: Application, pk: int) -> Consultation:
    try:
        return app.consultations.get(pk=pk)
    except Consultation.DoesNotExist:
        raise ApplicationError("没有找到该征求意见记录。") from None


def _approver(username: str) -> User:
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise ApplicationError(f"没有找到账号为“{username}”的用户。")
    return user


E = EventKind
ACTIONS: dict[str, Action] = {
    a.key: a
    for a in [
        Action(
            "accept",
            "受理",
            forms.ActionForm,
            (E.ACCEPT,),
            lambda app, u, d: services.application_accept(
                application=app, actor=u, expected_version=d["version"]
            ),
        ),
        Action(
            "request_correction",
            "发出补正告知",
            forms.CorrectionRequestForm,
            (E.REQUEST_CORRECTION,),
            lambda app, u, d: services.application_request_correction(
                application=app,
                actor=u,
                expected_version=d["version"],
                notified_on=d["notified_on"],
                items=d["items"],
                period_end=d["period_end"],
            ),
        ),
        Action(
            "receive_correction",
            "收到补正材料",
            forms.ReceivedOnForm,
            (E.RECEIVE_CORRECTION,),
            lambda app, u, d: services.application_receive_correction(
                application=app,
                actor=u,
                expected_version=d["version"],
                received_on=d["received_on"],
            ),
        ),
        Action(
            "lapse_correction",
            "逾期未补正，终止办理",
            forms.OnDateForm,
            (E.LAPSE_CORRECTION,),
            lambda app, u, d: services.application_lapse_correction(
                application=app, actor=u, expected_version=d["version"], on=d["on"]
            ),
        ),
        Action(
            "consult",
            "征求意见",
            forms.ConsultForm,
            (E.START_CONSULTATION,),
            lambda app, u, d: services.application_consult(
                application=app,
                actor=u,
                expected_version=d["version"],
                kind=d["kind"],
                party=d["party"],
                sent_on=d["sent_on"],
                received_on=d["received_on"],
            ),
        ),
        Action(
            "consult_answer",
            "征求意见结束",
            forms.ConsultAnswerForm,
            (E.END_CONSULTATION,),
            lambda app, u, d: services.application_consultation_answer(
                consultation=_consultation(app, d["consultation"]),
                actor=u,
                expected_version=d["version"],
                answered_on=d["answered_on"],
                objects_to_disclosure=d["objects_to_disclosure"],
                answer=d["answer"],
            ),
        ),
        Action(
            "extend",
            "延长答复期限",
            forms.ExtendForm,
            (E.EXTEND,),
            lambda app, u, d: services.application_extend(
                application=app,
                actor=u,
                expected_version=d["version"],
                workdays=d["workdays"],
                approver=_approver(d["approver"]),
                approved_on=d["approved_on"],
                notified_on=d["notified_on"],
                reason=d["reason"],
            ),
        ),
        Action(
            "fee_notice",
            "发出收费通知",
            forms.FeeNoticeForm,
            (E.FEE_NOTICE,),
            lambda app, u, d: services.application_fee_notice(
                application=app,
                actor=u,
                expected_version=d["version"],
                method=d["method"],
                quantity=d["quantity"],
                sent_on=d["sent_on"],
                received_on=d["received_on"],
            ),
        ),
        Action(
            "fee_paid",
            "已缴费",
            forms.PaidForm,
            (E.FEE_PAID,),
            lambda app, u, d: services.application_fee_paid(
                application=app, actor=u, expected_version=d["version"], paid_on=d["paid_on"]
            ),
        ),
        Action(
            "fee_lapse",
            "逾期未缴费，终止办理",
            forms.OnDateForm,
            (E.FEE_LAPSE,),
            lambda app, u, d: services.application_fee_lapse(
                application=app, actor=u, expected_version=d["version"], on=d["on"]
            ),
        ),
        Action(
            "art35",
            "第三十五条：确定合理期限",
            forms.Art35Form,
            (E.ART35_DELAY,),
            lambda app, u, d: services.application_art35_delay(
                application=app,
                actor=u,
                expected_version=d["version"],
                due=d["due"],
                reason=d["reason"],
                notified_on=d["notified_on"],
            ),
        ),
        Action(
            "draft",
            "提交答复稿",
            forms.DraftForm,
            (E.SUBMIT_DRAFT,),
            lambda app, u, d: services.application_submit_draft(
                application=app,
                actor=u,
                expected_version=d["version"],
                outcome=d["outcome"],
                basis=d["basis"],
                text=d["text"],
            ),
        ),
        Action(
            "review",
            "审核",
            DecisionForm,
            (E.REVIEW_APPROVE, E.REVIEW_REJECT),
            lambda app, u, d: services.application_review(
                application=app,
                actor=u,
                expected_version=d["version"],
                approve=_decision(d),
                note=d["note"],
            ),
        ),
        Action(
            "sign",
            "领导签发",
            DecisionForm,
            (E.SIGN_OFF, E.SIGN_REJECT),
            lambda app, u, d: services.application_sign(
                application=app,
                actor=u,
                expected_version=d["version"],
                approve=_decision(d),
                note=d["note"],
            ),
        ),
        Action(
            "reply",
            "答复",
            forms.ReplyForm,
            (E.REPLY,),
            lambda app, u, d: services.application_reply(
                application=app, actor=u, expected_version=d["version"], replied_on=d["replied_on"]
            ),
        ),
        Action(
            "archive",
            "归档",
            forms.ActionForm,
            (E.ARCHIVE,),
            lambda app, u, d: services.application_archive(
                application=app, actor=u, expected_version=d["version"]
            ),
        ),
        Action(
            "withdraw",
            "申请人撤回",
            forms.WithdrawForm,
            (E.WITHDRAW,),
            lambda app, u, d: services.application_withdraw(
                application=app, actor=u, expected_version=d["version"], on=d["on"], note=d["note"]
            ),
        ),
    ]
}


def available(*, user: User, application: Application) -> list[Action]:
    """Actions whose step is allowed from the case's status and whose role the user holds."""
    result = []
    for action in ACTIONS.values():
        rules = [TRANSITIONS[kind] for kind in action.kinds]
        if any(application.status in rule.sources for rule in rules) and any(
            can_act(user=user, application=application, roles=rule.roles) for rule in rules
        ):
            result.append(action)
    return result
