"""The named steps of a case, each a thin typed wrapper around ``application_transition``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from gongkai.core.errors import ApplicationError
from gongkai.foi import fees
from gongkai.foi.choices import (
    OUTCOME_BASIS,
    REPLY_OUTCOMES,
    ConsultationKind,
    EventKind,
    FeeMethod,
    Outcome,
    Status,
)
from gongkai.foi.deadlines import reply_clock
from gongkai.foi.models import Application, Consultation, FeeNotice
from gongkai.foi.services.core import (
    _close,
    _event,
    _not_before,
    application_transition,
)
from gongkai.orgs.choices import Role
from gongkai.orgs.selectors import user_roles
from gongkai.workdays import (
    MAX_EXTENSION_WORKDAYS,
    WorkCalendar,
    consultation_answer_due,
    correction_notice_due,
    fee_payment_due,
)

if TYPE_CHECKING:
    from gongkai.accounts.models import User

# D9 (configurable): whether the fee period pauses the reply clock.
FEE_PAUSES_CLOCK = True


# --- the named steps ------------------------------------------------------------------------


def application_accept(
    *, application: Application, actor: User, expected_version: int | None
) -> Application:
    def step(app: Application, _: WorkCalendar) -> None:
        if app.handler_id is None and Role.HANDLER in user_roles(
            user=actor, organisation=app.organisation
        ):
            app.handler = actor

    return application_transition(
        application=application,
        kind=EventKind.ACCEPT,
        actor=actor,
        expected_version=expected_version,
        step=step,
    )


@transaction.atomic
def application_request_correction(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    notified_on: dt.date,
    items: str,
    period_end: dt.date,
) -> Application:
    """条例第30条: one notice, within 7 working days of receipt, naming everything to correct."""
    warning: list[str] = []

    def step(app: Application, calendar: WorkCalendar) -> None:
        if app.correction_requested_on is not None:
            raise ApplicationError("补正告知只能一次性发出（条例第30条），本申请已发出过补正告知。")
        if not items.strip():
            raise ApplicationError("请写明需要补正的全部事项。")
        _not_before(notified_on, app.receipt_date, "补正告知日期")
        if period_end <= notified_on:
            raise ApplicationError("补正期限须晚于补正告知日期。")
        due = correction_notice_due(receipt_date=app.receipt_date, calendar=calendar).due
        if notified_on > due:
            warning.append(f"补正告知晚于收到申请后7个工作日（应于{due.isoformat()}前发出）。")
        app.correction_requested_on, app.correction_items = notified_on, items
        app.correction_period_end = period_end

    result = application_transition(
        application=application,
        kind=EventKind.REQUEST_CORRECTION,
        actor=actor,
        expected_version=expected_version,
        on=notified_on,
        note=items[:200],
        data={"period_end": period_end.isoformat()},
        step=step,
    )
    if warning:  # a procedural defect, recorded rather than refused (spec §1.4)
        _event(
            result,
            EventKind.REQUEST_CORRECTION,
            result.status,
            result.status,
            actor,
            note=warning[0],
            data={"warning": True},
        )
    return result


def application_receive_correction(
    *, application: Application, actor: User, expected_version: int | None, received_on: dt.date
) -> Application:
    """D3: the reply period restarts from the day the corrected application is received."""

    def step(app: Application, _: WorkCalendar) -> None:
        assert app.correction_requested_on is not None
        _not_before(received_on, app.correction_requested_on, "收到补正申请的日期")
        app.corrected_receipt_date = received_on

    return application_transition(
        application=application,
        kind=EventKind.RECEIVE_CORRECTION,
        actor=actor,
        expected_version=expected_version,
        on=received_on,
        note="答复期限自收到补正申请之日重新计算（条例第30条）",
        step=step,
    )


def application_lapse_correction(
    *, application: Application, actor: User, expected_version: int | None, on: dt.date
) -> Application:
    """No correction in time: deemed abandoned → （六）1 (条例第30条)."""

    def step(app: Application, _: WorkCalendar) -> None:
        assert app.correction_period_end is not None
        if on <= app.correction_period_end:
            raise ApplicationError(
                f"补正期限（{app.correction_period_end.isoformat()}）尚未届满，不能按逾期不补正处理。"
            )
        _close(app, Outcome.R3_6_1, on)

    return application_transition(
        application=application,
        kind=EventKind.LAPSE_CORRECTION,
        actor=actor,
        expected_version=expected_version,
        on=on,
        step=step,
    )


def _refresh_pauses(app: Application) -> None:
    """The clock's pauses (D2): consultations, and the fee period when it pauses (D9)."""
    pauses = [list(c.pause) for c in app.consultations.all()]
    notice = FeeNotice.objects.filter(application=app).first()
    if notice is not None and FEE_PAUSES_CLOCK:
        pauses.append(list(notice.pause))
    app.pauses = pauses


def application_consult(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    kind: str,
    party: str,
    sent_on: dt.date,
    received_on: dt.date | None = None,
) -> Application:
    """条例第32条 / 第34条: a written consultation with its own 15-working-day clock; the reply
    clock pauses from the letter to the answer (第33条第3款, D2). Several may overlap."""

    def step(app: Application, calendar: WorkCalendar) -> None:
        if kind not in ConsultationKind.values:
            raise ApplicationError("请选择征求意见的类型。")
        if not party.strip():
            raise ApplicationError("请填写被征求意见的第三方或机关。")
        _not_before(sent_on, app.corrected_receipt_date or app.receipt_date, "发函日期")
        arrival = received_on or sent_on
        _not_before(arrival, sent_on, "对方收到日期")
        due = consultation_answer_due(letter_received_on=arrival, calendar=calendar).due
        Consultation.objects.create(
            application=app,
            kind=kind,
            party=party,
            sent_on=sent_on,
            received_on=arrival,
            answer_due=due,
        )
        _refresh_pauses(app)

    return application_transition(
        application=application,
        kind=EventKind.START_CONSULTATION,
        actor=actor,
        expected_version=expected_version,
        on=sent_on,
        note=f"{ConsultationKind(kind).label if kind in ConsultationKind.values else ''}：{party}",
        step=step,
    )


def application_consultation_answer(
    *,
    consultation: Consultation,
    actor: User,
    expected_version: int | None,
    answered_on: dt.date | None,
    objects_to_disclosure: bool = False,
    answer: str = "",
    today: dt.date | None = None,
) -> Application:
    """Record the answer, or (``answered_on`` None) that the 15 working days ran out: the
    organ decides (第32条); another organ's silence counts as consent (第34条)."""

    def step(app: Application, _: WorkCalendar) -> str:
        row = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if row.answered_on is not None:
            raise ApplicationError("该征求意见已经结束。")
        if answered_on is None and (today or timezone.localdate()) <= row.answer_due:
            raise ApplicationError(f"征求意见期限（{row.answer_due.isoformat()}）尚未届满。")
        row.answered_on = answered_on or row.answer_due
        _not_before(row.answered_on, row.sent_on, "收到意见日期")
        row.objects_to_disclosure, row.answer = objects_to_disclosure, answer
        row.save()
        _refresh_pauses(app)
        still_open = app.consultations.filter(answered_on__isnull=True).exists()
        return Status.CONSULTING if still_open else Status.IN_PROGRESS

    return application_transition(
        application=consultation.application,
        kind=EventKind.END_CONSULTATION,
        actor=actor,
        expected_version=expected_version,
        on=answered_on,
        note=consultation.party
        + ("：不同意公开" if objects_to_disclosure else "：无异议或逾期未答复"),
        step=step,
    )


@transaction.atomic
def application_extend(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    workdays: int,
    approver: User,
    approved_on: dt.date,
    notified_on: dt.date,
    reason: str,
) -> Application:
    """条例第33条第2款 (D4): once, ≤ 20 working days, with the office head's consent and a
    notice to the applicant; a notice after the original deadline is recorded as a warning."""
    warning: list[str] = []

    def step(app: Application, calendar: WorkCalendar) -> None:
        if app.extension_workdays:
            raise ApplicationError("答复期限只能延长一次（条例第33条）。")
        if not 1 <= workdays <= MAX_EXTENSION_WORKDAYS:
            raise ApplicationError("延长期限最长不得超过20个工作日（条例第33条）。")
        if Role.OFFICE_HEAD not in user_roles(user=approver, organisation=app.organisation):
            raise ApplicationError("延长答复期限须经政府信息公开工作机构负责人同意（条例第33条）。")
        if not reason.strip():
            raise ApplicationError("请填写延期理由。")
        _not_before(notified_on, approved_on, "延期告知日期")
        original = reply_clock(app, calendar).due
        if original and notified_on > original:
            warning.append(f"延期告知晚于原答复期限{original.isoformat()}。")
        app.extension_workdays, app.extension_approver = workdays, approver
        app.extension_approved_on, app.extension_notified_on = approved_on, notified_on
        app.extension_reason = reason

    result = application_transition(
        application=application,
        kind=EventKind.EXTEND,
        actor=actor,
        expected_version=expected_version,
        on=notified_on,
        note=reason,
        data={"workdays": workdays, "approver": approver.get_username()},
        step=step,
    )
    if warning:  # D4: recorded after the original deadline; warn, do not refuse
        _event(
            result,
            EventKind.EXTEND,
            result.status,
            result.status,
            actor,
            note=warning[0],
            data={"warning": True},
        )
    return result


def fee_for(*, method: str, quantity: int) -> Decimal:
    """The 109号 amount for one application: 按件 by the K-th in the month, 按量 by pages."""
    if method == FeeMethod.PER_ITEM:
        return fees.fee_per_item(nth=quantity)
    if method == FeeMethod.PER_VOLUME:
        return fees.fee_per_volume(pages=quantity)
    raise ApplicationError("请选择计收方式（按件或按量）。")


def application_fee_notice(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    method: str,
    quantity: int,
    sent_on: dt.date,
    received_on: dt.date,
) -> Application:
    """条例第42条, 109号 (D9): one notice, one method; payment within 20 working days after
    the notice is received; the reply clock pauses meanwhile (configurable)."""

    def step(app: Application, calendar: WorkCalendar) -> None:
        if FeeNotice.objects.filter(application=app).exists():
            raise ApplicationError(
                "每件申请只能发出一次收费通知、只能采用一种计收方式（109号第3条）。"
            )
        try:
            amount = fee_for(method=method, quantity=quantity)
        except ValueError as error:
            raise ApplicationError(str(error)) from None
        if amount <= 0:
            raise ApplicationError("按该计收方式本申请不收费，无需发出收费通知。")
        _not_before(received_on, sent_on, "申请人收到通知的日期")
        FeeNotice.objects.create(
            application=app,
            method=method,
            quantity=quantity,
            amount=amount,
            sent_on=sent_on,
            received_on=received_on,
            payment_due=fee_payment_due(notice_received_on=received_on, calendar=calendar).due,
        )
        _refresh_pauses(app)

    return application_transition(
        application=application,
        kind=EventKind.FEE_NOTICE,
        actor=actor,
        expected_version=expected_version,
        on=sent_on,
        data={"method": method, "quantity": quantity},
        step=step,
    )


def application_fee_paid(
    *, application: Application, actor: User, expected_version: int | None, paid_on: dt.date
) -> Application:
    def step(app: Application, _: WorkCalendar) -> None:
        notice = FeeNotice.objects.select_for_update().get(application=app)
        _not_before(paid_on, notice.sent_on, "缴费日期")
        notice.paid_on = paid_on
        notice.save(update_fields=["paid_on"])
        _refresh_pauses(app)

    return application_transition(
        application=application,
        kind=EventKind.FEE_PAID,
        actor=actor,
        expected_version=expected_version,
        on=paid_on,
        step=step,
    )


def application_fee_lapse(
    *, application: Application, actor: User, expected_version: int | None, on: dt.date
) -> Application:
    """No payment within 20 working days → （六）2 (D9)."""

    def step(app: Application, _: WorkCalendar) -> None:
        notice = FeeNotice.objects.select_for_update().get(application=app)
        if on <= notice.payment_due:
            raise ApplicationError(
                f"缴费期限（{notice.payment_due.isoformat()}）尚未届满，不能按逾期未缴费处理。"
            )
        notice.lapsed_on = notice.payment_due
        notice.save(update_fields=["lapsed_on"])
        _refresh_pauses(app)
        _close(app, Outcome.R3_6_2, on)

    return application_transition(
        application=application,
        kind=EventKind.FEE_LAPSE,
        actor=actor,
        expected_version=expected_version,
        on=on,
        step=step,
    )


def application_art35_delay(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    due: dt.date,
    reason: str,
    notified_on: dt.date,
) -> Application:
    """条例第35条: reasons judged reasonable but the deadline cannot be met → a set date."""

    def step(app: Application, _: WorkCalendar) -> None:
        if not reason.strip():
            raise ApplicationError("请填写确定合理期限的理由（条例第35条）。")
        _not_before(due, notified_on, "合理答复期限")
        app.art35_due, app.art35_reason = due, reason

    return application_transition(
        application=application,
        kind=EventKind.ART35_DELAY,
        actor=actor,
        expected_version=expected_version,
        on=notified_on,
        note=reason,
        data={"due": due.isoformat()},
        step=step,
    )


def application_submit_draft(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    outcome: str,
    basis: str,
    text: str,
) -> Application:
    """The handler's draft reply with its table 三 leaf and legal basis (D6)."""

    def step(app: Application, _: WorkCalendar) -> None:
        if outcome not in REPLY_OUTCOMES:
            raise ApplicationError("请选择答复的办理结果（年报表三的一个具体情形）。")
        if outcome == Outcome.R3_4_3 and app.corrected_receipt_date is None:
            raise ApplicationError("“补正后申请内容仍不明确”只适用于已经补正的申请。")
        if outcome == Outcome.R3_5_2 and app.repeat_of_id is None and not basis.strip():
            raise ApplicationError("按重复申请处理时，请在法律依据中注明原申请。")
        if not text.strip():
            raise ApplicationError("请填写答复内容。")
        app.proposed_outcome = outcome
        app.outcome_basis = basis.strip() or OUTCOME_BASIS[outcome]
        app.reply_text = text

    return application_transition(
        application=application,
        kind=EventKind.SUBMIT_DRAFT,
        actor=actor,
        expected_version=expected_version,
        data={"outcome": outcome},
        step=step,
    )


def application_review(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    approve: bool,
    note: str = "",
) -> Application:
    if not approve and not note.strip():
        raise ApplicationError("退回时请写明退回意见。")
    return application_transition(
        application=application,
        kind=EventKind.REVIEW_APPROVE if approve else EventKind.REVIEW_REJECT,
        actor=actor,
        expected_version=expected_version,
        note=note,
    )


def application_sign(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    approve: bool,
    note: str = "",
) -> Application:
    if not approve and not note.strip():
        raise ApplicationError("退回时请写明退回意见。")
    return application_transition(
        application=application,
        kind=EventKind.SIGN_OFF if approve else EventKind.SIGN_REJECT,
        actor=actor,
        expected_version=expected_version,
        note=note,
    )


def application_reply(
    *, application: Application, actor: User, expected_version: int | None, replied_on: dt.date
) -> Application:
    """The signed reply goes out: the case closes with its one outcome leaf (D6)."""

    def step(app: Application, _: WorkCalendar) -> None:
        _not_before(replied_on, app.receipt_date, "答复日期")
        app.replied_on = replied_on
        _close(app, app.proposed_outcome, replied_on, app.outcome_basis)

    return application_transition(
        application=application,
        kind=EventKind.REPLY,
        actor=actor,
        expected_version=expected_version,
        on=replied_on,
        step=step,
    )


def application_archive(
    *, application: Application, actor: User, expected_version: int | None
) -> Application:
    return application_transition(
        application=application,
        kind=EventKind.ARCHIVE,
        actor=actor,
        expected_version=expected_version,
    )


def application_withdraw(
    *,
    application: Application,
    actor: User,
    expected_version: int | None,
    on: dt.date,
    note: str,
) -> Application:
    """Withdrawal (no article; practice): closes as （六）3.其他 (D6)."""

    def step(app: Application, _: WorkCalendar) -> None:
        if not note.strip():
            raise ApplicationError("请记录撤回的方式和理由。")
        _not_before(on, app.receipt_date, "撤回日期")
        _close(app, Outcome.R3_6_3, on, "申请人撤回申请")

    return application_transition(
        application=application,
        kind=EventKind.WITHDRAW,
        actor=actor,
        expected_version=expected_version,
        on=on,
        note=note,
        step=step,
    )
