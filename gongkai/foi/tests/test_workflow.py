"""The case procedure: every step, refused illegal steps, roles, conflicts, D1–D6, D9."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.audit.models import AuditEntry
from gongkai.calendars.services import calendar_year_load
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.foi import services as s
from gongkai.foi.choices import Channel, ConsultationKind, EventKind, FeeMethod, Outcome, Status
from gongkai.foi.models import Application, ApplicationEvent
from gongkai.foi.tests.conftest import at, d
from gongkai.foi.workflow import ALLOWED, TRANSITIONS
from gongkai.workdays import WorkCalendar, reply_due

pytestmark = pytest.mark.django_db
SYNTHETIC_2027 = Path(__file__).parents[2] / "workdays/tests/fixtures/2027-synthetic.txt"


def v(app: Application) -> int:
    return app.version


def accept(app, personas):  # type: ignore[no-untyped-def]
    return s.application_accept(application=app, actor=personas.handler_a, expected_version=v(app))


def kinds(app: Application) -> list[str]:
    return list(app.events.order_by("id").values_list("kind", flat=True))


# --- receipt and the reply clock (art 31, art 33, D1) ---------------------------------------


def test_it_computes_the_reply_due_date_across_national_day(register):
    app = register("2021-09-24")
    assert app.receipt_date == d("2021-09-24")
    assert app.reply_due == d("2021-10-27")
    assert not app.reply_due_provisional
    assert "chinesecalendar" in app.deadline_explanation
    assert kinds(app) == [EventKind.REGISTER]


def test_a_receipt_on_a_holiday_counts_from_the_next_working_day(register):
    assert register("2021-10-03").reply_due == d("2021-11-03")


def test_online_and_unsigned_post_use_the_confirmation_date(register):
    app = register("2021-10-15", channel=Channel.ONLINE, confirmed_at=at("2021-10-16"))
    assert app.receipt_date == d("2021-10-16")
    late = register("2021-10-15", channel=Channel.POST_UNSIGNED, confirmed_at=at("2021-10-18"))
    assert "到达当日" in late.receipt_warning


def test_it_refuses_a_confirmation_channel_without_confirmation(register):
    with pytest.raises(ApplicationError, match="确认收到"):
        register("2021-10-15", channel=Channel.FAX)
    assert Application.objects.count() == 0


def test_each_application_gets_an_unguessable_query_code(register):
    codes = {register().query_code for _ in range(5)}
    assert len(codes) == 5
    assert all(len(code) == 19 and code.count("-") == 3 for code in codes)


# --- 补正 (art 30, D3) -------------------------------------------------------------------------


def test_correction_restarts_the_clock_and_is_one_time_only(register, personas):
    app = register("2021-04-01")
    app = s.application_request_correction(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        notified_on=d("2021-04-13"),
        items="请写明文件名称",
        period_end=d("2021-04-30"),
    )
    assert app.status == Status.AWAITING_CORRECTION
    assert app.reply_due is None and "重新计算" in app.deadline_explanation
    assert not app.events.filter(data__warning=True).exists()  # 04-13 is the 7th working day
    app = s.application_receive_correction(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        received_on=d("2021-04-20"),
    )
    assert app.status == Status.IN_PROGRESS
    assert (
        app.reply_due
        == reply_due(receipt_date=d("2021-04-20"), calendar=WorkCalendar.bundled()).due
    )
    assert app.reply_due == d("2021-05-19")  # 04-25 and 05-08 are 调休 working days
    assert app.receipt_date == d("2021-04-01")  # R1 keeps the original receipt date
    with pytest.raises(ApplicationError, match="一次"):
        s.application_request_correction(
            application=app,
            actor=personas.registrar_a,
            expected_version=v(app),
            notified_on=d("2021-04-21"),
            items="再补",
            period_end=d("2021-04-30"),
        )


def test_a_late_correction_notice_is_recorded_as_a_defect(register, personas):
    app = register("2021-04-01")
    s.application_request_correction(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        notified_on=d("2021-04-14"),
        items="请写明文件名称",
        period_end=d("2021-04-30"),
    )
    assert app.events.filter(data__warning=True, note__contains="7个工作日").exists()


def test_no_correction_in_time_closes_as_r361(register, personas):
    app = register("2021-04-01")
    app = s.application_request_correction(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        notified_on=d("2021-04-02"),
        items="请写明文件名称",
        period_end=d("2021-04-30"),
    )
    with pytest.raises(ApplicationError, match="尚未届满"):
        s.application_lapse_correction(
            application=app,
            actor=personas.registrar_a,
            expected_version=v(app),
            on=d("2021-04-30"),
        )
    app = s.application_lapse_correction(
        application=app, actor=personas.registrar_a, expected_version=v(app), on=d("2021-05-06")
    )
    assert (app.status, app.outcome, app.closed_on) == (
        Status.CLOSED,
        Outcome.R3_6_1,
        d("2021-05-06"),
    )
    assert app.reply_due is None


# --- consultations (arts 32, 34; D2) ----------------------------------------------------------


def test_overlapping_consultations_pause_the_clock_once(register, personas):
    app = accept(register("2021-03-01"), personas)
    app = s.application_consult(
        application=app,
        actor=personas.handler_a,
        expected_version=v(app),
        kind=ConsultationKind.THIRD_PARTY,
        party="某公司",
        sent_on=d("2021-03-08"),
    )
    app = s.application_consult(
        application=app,
        actor=personas.handler_a,
        expected_version=v(app),
        kind=ConsultationKind.AGENCY,
        party="辉县市财政局",
        sent_on=d("2021-03-10"),
    )
    first, second = app.consultations.order_by("id")
    assert first.answer_due == d("2021-03-29")  # 15 working days after 03-08
    app = s.application_consultation_answer(
        consultation=first,
        actor=personas.handler_a,
        expected_version=v(app),
        answered_on=d("2021-03-12"),
        objects_to_disclosure=True,
        answer="涉及商业秘密",
    )
    assert app.status == Status.CONSULTING  # the second one is still open
    app = s.application_consultation_answer(
        consultation=second,
        actor=personas.handler_a,
        expected_version=v(app),
        answered_on=d("2021-03-15"),
    )
    assert app.status == Status.IN_PROGRESS
    # Pauses 03-08..03-12 and 03-10..03-15 merge into 03-08..03-15: 6 working days.
    expected = reply_due(
        receipt_date=d("2021-03-01"),
        pauses=[(d("2021-03-08"), d("2021-03-15"))],
        calendar=WorkCalendar.bundled(),
    )
    assert expected.paused_workdays == 6
    assert app.reply_due == expected.due == d("2021-04-07")  # 清明 04-05 is a holiday
    assert "暂停" in app.deadline_explanation


def test_a_consultation_cannot_end_by_silence_before_its_15_days(register, personas):
    app = accept(register("2021-03-01"), personas)
    app = s.application_consult(
        application=app,
        actor=personas.handler_a,
        expected_version=v(app),
        kind=ConsultationKind.AGENCY,
        party="财政局",
        sent_on=d("2099-03-08"),
    )
    with pytest.raises(ApplicationError, match="尚未届满"):
        s.application_consultation_answer(
            consultation=app.consultations.get(),
            actor=personas.handler_a,
            expected_version=v(app),
            answered_on=None,
        )


# --- extension (art 33, D4) ---------------------------------------------------------------------


def extend(app, personas, workdays=20, approver=None, notified="2021-10-20"):  # type: ignore[no-untyped-def]
    return s.application_extend(
        application=app,
        actor=personas.office_head_a,
        expected_version=v(app),
        workdays=workdays,
        approver=approver or personas.office_head_a,
        approved_on=d("2021-10-19"),
        notified_on=d(notified),
        reason="需调取档案",
    )


def test_an_extension_adds_up_to_20_working_days_once(register, personas):
    app = accept(register("2021-09-24"), personas)
    app = extend(app, personas)
    assert app.extension_workdays == 20
    assert app.reply_due == d("2021-11-24")
    assert "延长" in app.deadline_explanation
    with pytest.raises(ApplicationError, match="只能延长一次"):
        extend(app, personas, workdays=5)


def test_an_extension_needs_the_office_head_and_at_most_20_days(register, personas):
    app = accept(register("2021-09-24"), personas)
    with pytest.raises(ApplicationError, match="20个工作日"):
        extend(app, personas, workdays=21)
    with pytest.raises(ApplicationError, match="负责人同意"):
        extend(app, personas, approver=personas.handler_a)
    with pytest.raises(PermissionDenied):
        s.application_extend(
            application=app,
            actor=personas.reviewer_a,
            expected_version=v(app),
            workdays=5,
            approver=personas.office_head_a,
            approved_on=d("2021-10-19"),
            notified_on=d("2021-10-19"),
            reason="x",
        )
    assert Application.objects.get(pk=app.pk).extension_workdays == 0


def test_a_late_extension_notice_is_warned(register, personas):
    app = accept(register("2021-09-24"), personas)
    extend(app, personas, notified="2021-10-28")
    assert app.events.filter(kind=EventKind.EXTEND, data__warning=True).exists()


# --- unknown years (D5) -------------------------------------------------------------------------


def test_an_unknown_year_is_provisional_until_the_calendar_is_loaded(register, personas):
    app = register("2026-12-21")
    assert app.reply_due_provisional
    assert app.reply_due == d("2027-01-18")  # Monday–Friday only
    assert "暂定" in app.deadline_explanation
    closed = register("2026-12-21")
    s.application_withdraw(
        application=closed,
        actor=personas.registrar_a,
        expected_version=v(closed),
        on=d("2026-12-22"),
        note="电话撤回",
    )
    result = calendar_year_load(text=SYNTHETIC_2027.read_text("utf-8"), actor=personas.sysadmin)
    assert (result.recomputed, result.changed) == (1, 1)
    app.refresh_from_db()
    assert not app.reply_due_provisional
    assert app.reply_due == d("2027-01-19")  # 2027-01-01 is a holiday in the synthetic year
    event = app.events.get(kind=EventKind.DEADLINE_RECOMPUTED)
    assert "2027-01-18（暂定） → 2027-01-19" in event.note
    assert AuditEntry.objects.filter(action="calendars.load").exists()


# --- fees (art 42, 109号, D9) -----------------------------------------------------------------


def fee_notice(app, personas, method=FeeMethod.PER_VOLUME, quantity=101):  # type: ignore[no-untyped-def]
    return s.application_fee_notice(
        application=app,
        actor=personas.handler_a,
        expected_version=v(app),
        method=method,
        quantity=quantity,
        sent_on=d("2021-03-05"),
        received_on=d("2021-03-08"),
    )


def test_a_fee_notice_pauses_the_clock_until_payment(register, personas):
    app = accept(register("2021-03-01"), personas)
    before = app.reply_due
    app = fee_notice(app, personas)
    assert app.status == Status.AWAITING_FEE
    assert app.fee_notice.amount == Decimal(720)
    assert app.fee_notice.payment_due == d("2021-04-06")
    app = s.application_fee_paid(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        paid_on=d("2021-03-10"),
    )
    assert app.status == Status.IN_PROGRESS
    assert (
        app.reply_due
        == reply_due(
            receipt_date=d("2021-03-01"),
            pauses=[(d("2021-03-05"), d("2021-03-10"))],
            calendar=WorkCalendar.bundled(),
        ).due
    )
    assert app.reply_due > before


def test_one_fee_notice_and_one_method_per_application(register, personas):
    app = accept(register("2021-03-01"), personas)
    with pytest.raises(ApplicationError, match="不收费"):
        fee_notice(app, personas, quantity=30)
    app = fee_notice(app, personas)
    app = s.application_fee_paid(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        paid_on=d("2021-03-10"),
    )
    with pytest.raises(ApplicationError, match="一种计收方式"):
        fee_notice(app, personas, method=FeeMethod.PER_ITEM, quantity=11)


def test_unpaid_fee_closes_as_r362_only_after_the_payment_period(register, personas):
    app = fee_notice(accept(register("2021-03-01"), personas), personas)
    with pytest.raises(ApplicationError, match="尚未届满"):
        s.application_fee_lapse(
            application=app, actor=personas.registrar_a, expected_version=v(app), on=d("2021-04-06")
        )
    app = s.application_fee_lapse(
        application=app, actor=personas.registrar_a, expected_version=v(app), on=d("2021-04-07")
    )
    assert (app.status, app.outcome) == (Status.CLOSED, Outcome.R3_6_2)


# --- reply: draft, review, sign-off, reply, archive (D6) -----------------------------------------


def draft(app, personas, outcome=Outcome.R3_2):  # type: ignore[no-untyped-def]
    return s.application_submit_draft(
        application=app,
        actor=personas.handler_a,
        expected_version=v(app),
        outcome=outcome,
        basis="",
        text="部分信息涉及个人隐私，不予公开；其余部分予以公开。",
    )


def test_the_full_procedure_ends_with_one_outcome_leaf(register, personas):
    app = accept(register("2021-09-24"), personas)
    app = draft(app, personas)
    assert app.outcome == "" and app.proposed_outcome == Outcome.R3_2
    app = s.application_review(
        application=app, actor=personas.reviewer_a, expected_version=v(app), approve=True
    )
    app = s.application_sign(
        application=app, actor=personas.leader_a, expected_version=v(app), approve=True
    )
    app = s.application_reply(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        replied_on=d("2021-10-20"),
    )
    assert (app.status, app.outcome, app.closed_on) == (
        Status.REPLIED,
        Outcome.R3_2,
        d("2021-10-20"),
    )
    assert "第三十七条" in app.outcome_basis
    app = s.application_archive(
        application=app, actor=personas.registrar_a, expected_version=v(app)
    )
    assert app.status == Status.ARCHIVED
    assert kinds(app) == [
        EventKind.REGISTER,
        EventKind.ACCEPT,
        EventKind.SUBMIT_DRAFT,
        EventKind.REVIEW_APPROVE,
        EventKind.SIGN_OFF,
        EventKind.REPLY,
        EventKind.ARCHIVE,
    ]
    assert AuditEntry.objects.filter(action="foi.reply", object_id=str(app.pk)).exists()


def test_rejections_send_the_case_back_with_a_reason(register, personas):
    app = draft(accept(register(), personas), personas)
    with pytest.raises(ApplicationError, match="退回意见"):
        s.application_review(
            application=app, actor=personas.reviewer_a, expected_version=v(app), approve=False
        )
    app = s.application_review(
        application=app,
        actor=personas.reviewer_a,
        expected_version=v(app),
        approve=False,
        note="依据不充分",
    )
    assert app.status == Status.IN_PROGRESS


def test_illegal_steps_are_refused_with_a_clear_message(register, personas):
    app = register()
    with pytest.raises(ApplicationError, match="当前状态为“已登记”，不能执行“答复”"):
        s.application_reply(
            application=app,
            actor=personas.registrar_a,
            expected_version=v(app),
            replied_on=d("2021-10-01"),
        )
    with pytest.raises(ApplicationError, match="不能执行“领导签发”"):
        s.application_sign(
            application=app, actor=personas.leader_a, expected_version=v(app), approve=True
        )
    with pytest.raises(ApplicationError, match="补正后申请内容仍不明确"):
        draft(accept(app, personas), personas, outcome=Outcome.R3_4_3)
    assert Application.objects.get(pk=app.pk).status == Status.IN_PROGRESS


@pytest.mark.parametrize(
    "persona", ["handler_a", "reviewer_a", "supervisor", "clerk_b", "outsider"]
)
def test_only_the_leader_signs(register, personas, persona):
    app = s.application_review(
        application=(a := draft(accept(register(), personas), personas)),
        actor=personas.reviewer_a,
        expected_version=v(a),
        approve=True,
    )
    with pytest.raises(PermissionDenied):
        s.application_sign(
            application=app,
            actor=getattr(personas, persona),
            expected_version=v(app),
            approve=True,
        )


@pytest.mark.parametrize("persona", ["supervisor", "clerk_b", "leader_a"])
def test_others_cannot_register_or_accept_in_org_a(register, personas, persona):
    app = register()
    with pytest.raises(PermissionDenied):
        s.application_accept(
            application=app, actor=getattr(personas, persona), expected_version=v(app)
        )


def test_a_stale_version_is_refused_and_nothing_is_written(register, personas):
    app = register()
    seen = v(app)
    stale = Application.objects.get(pk=app.pk)
    s.application_accept(application=app, actor=personas.handler_a, expected_version=seen)
    events = ApplicationEvent.objects.count()
    with pytest.raises(ConflictError, match="已被他人处理"):
        s.application_withdraw(
            application=stale,
            actor=personas.registrar_a,
            expected_version=seen,
            on=d("2021-09-25"),
            note="撤回",
        )
    fresh = Application.objects.get(pk=app.pk)
    assert fresh.status == Status.IN_PROGRESS and fresh.outcome == ""
    assert ApplicationEvent.objects.count() == events


def test_withdrawal_closes_as_r363(register, personas):
    app = register()
    app = s.application_withdraw(
        application=app,
        actor=personas.registrar_a,
        expected_version=v(app),
        on=d("2021-09-26"),
        note="申请人书面撤回",
    )
    assert (app.status, app.outcome) == (Status.CLOSED, Outcome.R3_6_3)


def test_art35_sets_a_reasonable_date(register, personas):
    app = accept(register(), personas)
    app = s.application_art35_delay(
        application=app,
        actor=personas.office_head_a,
        expected_version=v(app),
        due=d("2021-12-31"),
        reason="申请数量明显超过合理范围",
        notified_on=d("2021-09-28"),
    )
    assert app.reply_due == d("2021-12-31")
    assert "第35条" in app.deadline_explanation


def test_events_are_append_only(register):
    event = register().events.get()
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        ApplicationEvent.objects.all().delete()


def test_the_transition_table_is_consistent():
    assert set(TRANSITIONS) <= set(EventKind.values)
    assert ALLOWED[Status.ARCHIVED] == frozenset()
    assert Status.REPLIED in ALLOWED[Status.SIGNED]


# --- repeat and monthly count -----------------------------------------------------------------


def test_repeat_requests_are_detected_and_the_month_is_counted(register, personas):
    first = register("2021-03-01")
    assert first.month_seq == 1
    first = draft(accept(first, personas), personas, outcome=Outcome.R3_1)
    first = s.application_review(
        application=first, actor=personas.reviewer_a, expected_version=v(first), approve=True
    )
    first = s.application_sign(
        application=first, actor=personas.leader_a, expected_version=v(first), approve=True
    )
    s.application_reply(
        application=first,
        actor=personas.registrar_a,
        expected_version=v(first),
        replied_on=d("2021-03-05"),
    )
    again = register("2021-03-20", description="2021年本市城区道路改造工程立项批复文件")
    assert again.repeat_of_id == first.pk
    assert again.month_seq == 2
    other = register("2021-03-21", description="全市中小学校舍安全检查报告")
    assert other.repeat_of_id is None and other.month_seq == 3
    assert register("2021-04-01").month_seq == 1
    assert register("2021-03-22", id_number="410782199001019999").month_seq == 1
