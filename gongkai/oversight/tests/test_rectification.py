"""Rectification: issue with a working-day deadline, answer, verify, and escalation of overdue
tasks with frozen time (督办 → 通报 → 约谈), idempotent."""

import datetime as dt
import io
import json
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from gongkai.audit.models import AuditEntry
from gongkai.core.errors import ApplicationError
from gongkai.oversight.choices import EscalationLevel, RectificationStatus
from gongkai.oversight.models import Rectification, RectificationEvent
from gongkai.oversight.services import (
    finding_add,
    rectification_answer,
    rectification_issue,
    rectification_verify,
    rectifications_escalate,
)

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: str):
    return time_machine.travel(
        dt.datetime.fromisoformat(day).replace(hour=9, tzinfo=SHANGHAI), tick=False
    )


@pytest.fixture
def task(world):
    finding = finding_add(
        record=world.record_a,
        item_code="homepage_stale",
        actor=world.supervisor,
        description="首页两周无更新",
    )
    # Issued Tuesday 2021-09-28 with 5 working days: 9/29, 9/30, (National Day 10/1–7 off),
    # 10/8, Saturday 10/9 (调休上班), 10/11 → due Monday 2021-10-11.
    return rectification_issue(
        organisation=world.org_a,
        supervisor_org=world.government,
        title="首页不更新",
        issued_on=dt.date(2021, 9, 28),
        workdays=5,
        actor=world.supervisor,
        finding=finding,
    )


def escalate_on(day: str) -> list[dict]:
    out = io.StringIO()
    with at(day):
        call_command("oversight", "escalate", "--json", stdout=out)
    return json.loads(out.getvalue())


def levels(task):
    return list(
        RectificationEvent.objects.filter(task=task, kind="escalate").values_list(
            "from_level", "to_level", "on_date"
        )
    )


def test_the_deadline_counts_working_days_across_the_national_day_holiday(task):
    assert task.due_on == dt.date(2021, 10, 11)
    assert not task.due_provisional
    issue = RectificationEvent.objects.get(task=task, kind="issue")
    assert "2021-10-11" in issue.note


def test_nothing_escalates_on_the_due_day(task):
    assert escalate_on("2021-10-11") == []
    task.refresh_from_db()
    assert task.level == EscalationLevel.NONE


def test_it_escalates_step_by_step_on_working_days_past_the_deadline(task):
    assert [s["to_level"] for s in escalate_on("2021-10-12")] == [1]  # 1 working day late
    assert escalate_on("2021-10-18") == []  # 5 working days late: still 督办
    assert [s["to_level"] for s in escalate_on("2021-10-19")] == [2]  # 6: 通报
    assert [s["to_level"] for s in escalate_on("2021-10-26")] == [3]  # 11: 约谈
    task.refresh_from_db()
    assert task.level == EscalationLevel.INTERVIEW
    assert levels(task) == [
        (0, 1, dt.date(2021, 10, 12)),
        (1, 2, dt.date(2021, 10, 19)),
        (2, 3, dt.date(2021, 10, 26)),
    ]
    assert AuditEntry.objects.filter(action="oversight.rectification_escalate").count() == 3


def test_a_weekend_does_not_count_as_overdue(task):
    # Due Monday 10/11 … Saturday 10/16 and Sunday 10/17 are not working days: 5 days late on 10/18.
    with at("2021-10-17"):
        steps = rectifications_escalate(today=dt.date(2021, 10, 17))
    assert [s.to_level for s in steps] == [1]


def test_a_late_first_run_records_every_step(task):
    assert [s["to_level"] for s in escalate_on("2021-11-30")] == [1, 2, 3]
    assert [(a, b) for a, b, _ in levels(task)] == [(0, 1), (1, 2), (2, 3)]


def test_running_twice_changes_nothing_the_second_time(task):
    first = escalate_on("2021-10-19")
    second = escalate_on("2021-10-19")
    assert len(first) == 2 and second == []
    assert RectificationEvent.objects.filter(task=task, kind="escalate").count() == 2


def test_a_dry_run_writes_nothing(task):
    with at("2021-10-19"):
        steps = rectifications_escalate(today=dt.date(2021, 10, 19), dry_run=True)
    assert len(steps) == 2
    task.refresh_from_db()
    assert task.level == 0 and not levels(task)


def test_an_answered_task_does_not_escalate_but_a_returned_one_does(task, world):
    rectification_answer(
        task=task, response="已更新首页", actor=world.handler_a, today=dt.date(2021, 10, 8)
    )
    assert escalate_on("2021-10-20") == []
    rectification_verify(
        task=task,
        accept=False,
        note="首页仍未更新",
        actor=world.supervisor,
        today=dt.date(2021, 10, 20),
    )
    assert [s["to_level"] for s in escalate_on("2021-10-21")] == [1, 2]


def test_the_unit_answers_and_the_supervisor_verifies(task, world):
    rectification_answer(
        task=task, response="已恢复首页更新", actor=world.handler_a, today=dt.date(2021, 10, 9)
    )
    task.refresh_from_db()
    assert task.status == RectificationStatus.ANSWERED
    assert task.first_answered_on == dt.date(2021, 10, 9)
    rectification_verify(
        task=task, accept=True, actor=world.supervisor, today=dt.date(2021, 10, 12)
    )
    task.refresh_from_db()
    assert task.status == RectificationStatus.VERIFIED and task.verified_on == dt.date(2021, 10, 12)
    kinds = list(task.events.values_list("kind", "from_status", "to_status"))
    assert kinds == [
        ("issue", "", "open"),
        ("answer", "open", "answered"),
        ("verify", "answered", "verified"),
    ]
    assert escalate_on("2021-12-01") == []  # verified tasks never escalate


def test_a_return_needs_a_reason_and_the_first_answer_date_is_kept(task, world):
    rectification_answer(
        task=task, response="已整改", actor=world.handler_a, today=dt.date(2021, 10, 9)
    )
    with pytest.raises(ApplicationError, match="说明原因"):
        rectification_verify(
            task=task, accept=False, actor=world.supervisor, today=dt.date(2021, 10, 12)
        )
    rectification_verify(
        task=task,
        accept=False,
        note="仍有空白栏目",
        actor=world.supervisor,
        today=dt.date(2021, 10, 12),
    )
    rectification_answer(
        task=task, response="已补齐", actor=world.handler_a, today=dt.date(2021, 10, 14)
    )
    task.refresh_from_db()
    assert task.first_answered_on == dt.date(2021, 10, 9)
    assert task.response == "已补齐"


def test_the_no_answers_and_verifications(task, world):
    with pytest.raises(PermissionDenied):  # another unit
        rectification_answer(
            task=task, response="x", actor=world.clerk_b, today=dt.date(2021, 10, 9)
        )
    with pytest.raises(PermissionDenied):  # the supervisor does not answer for the unit
        rectification_answer(
            task=task, response="x", actor=world.supervisor, today=dt.date(2021, 10, 9)
        )
    with pytest.raises(ApplicationError, match="不能核验通过"):  # nothing to verify yet
        rectification_verify(
            task=task, accept=True, actor=world.supervisor, today=dt.date(2021, 10, 9)
        )
    rectification_answer(
        task=task, response="done", actor=world.handler_a, today=dt.date(2021, 10, 9)
    )
    with pytest.raises(PermissionDenied):  # the unit cannot verify itself
        rectification_verify(
            task=task, accept=True, actor=world.admin_a, today=dt.date(2021, 10, 9)
        )
    with pytest.raises(ApplicationError, match="不能单位反馈"):
        rectification_answer(
            task=task, response="again", actor=world.handler_a, today=dt.date(2021, 10, 9)
        )


def test_only_the_supervisor_issues_and_only_within_the_subtree(world):
    with pytest.raises(PermissionDenied):
        rectification_issue(
            organisation=world.org_a,
            supervisor_org=world.government,
            title="x",
            issued_on=dt.date(2021, 9, 28),
            workdays=5,
            actor=world.admin_a,
        )
    with pytest.raises(ApplicationError, match="本级及下级"):
        rectification_issue(
            organisation=world.government,
            supervisor_org=world.org_a,
            title="x",
            issued_on=dt.date(2021, 9, 28),
            workdays=5,
            actor=world.sysadmin,
        )
    with pytest.raises(ApplicationError, match="1 至 60"):
        rectification_issue(
            organisation=world.org_a,
            supervisor_org=world.government,
            title="x",
            issued_on=dt.date(2021, 9, 28),
            workdays=0,
            actor=world.supervisor,
        )
    assert not Rectification.objects.exists()


def test_events_are_append_only(task):
    with pytest.raises(TypeError):
        RectificationEvent.objects.filter(task=task).update(note="x")
    with pytest.raises(TypeError):
        RectificationEvent.objects.filter(task=task).delete()


def test_the_command_prints_each_step_and_a_summary(task):
    out = io.StringIO()
    with at("2021-10-19"):
        call_command("oversight", "escalate", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "[演练]" in text and "未升级 → 督办" in text and "督办 → 通报" in text
    assert "将升级 2 步" in text
    out = io.StringIO()
    call_command("oversight", "escalate", "--today", "2021-10-12", stdout=out)
    assert "2021-10-12：已升级 1 步" in out.getvalue()
