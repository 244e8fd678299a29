"""The CLI faces: deadline, calendar load/show, fee, remind (C15)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from gongkai.foi.choices import EventKind
from gongkai.foi.models import ApplicationEvent, Reminder
from gongkai.foi.services import application_accept

pytestmark = pytest.mark.django_db
SYNTHETIC_2027 = Path(__file__).parents[2] / "workdays/tests/fixtures/2027-synthetic.txt"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("start", "workdays", "due"),
    [
        ("2021-09-24", "20", "2021-10-27"),
        ("2021-10-03", "20", "2021-11-03"),
        ("2021-04-01", "7", "2021-04-13"),
    ],
)
def test_deadline_examples_hold(start, workdays, due):
    output = run("deadline", "--start", start, "--workdays", workdays)
    assert output.splitlines()[0] == due
    assert "provisional: no" in output


def test_deadline_json_with_pauses():
    payload = json.loads(
        run(
            "deadline",
            "--start",
            "2021-03-01",
            "--workdays",
            "20",
            "--pause",
            "2021-03-08:2021-03-12",
            "--pause",
            "2021-03-10:2021-03-15",
            "--json",
        )
    )
    assert payload["due"] == "2021-04-07" and payload["paused_workdays"] == 6


def test_deadline_in_an_unknown_year_is_provisional_until_loaded(tmp_path):
    before = json.loads(run("deadline", "--start", "2026-12-21", "--workdays", "20", "--json"))
    assert before["provisional"] and before["due"] == "2027-01-18"
    assert "已载入 2027 年日历" in run("calendar", "load", str(SYNTHETIC_2027))
    after = json.loads(run("deadline", "--start", "2026-12-21", "--workdays", "20", "--json"))
    assert not after["provisional"] and after["due"] == "2027-01-19"
    assert "国办发明电〔2026〕99号" in run("calendar", "show", "2027")


def test_deadline_bad_arguments_are_clear():
    with pytest.raises(CommandError, match="bad date"):
        run("deadline", "--start", "2021-13-01", "--workdays", "20")
    with pytest.raises(CommandError, match="n >= 1"):
        run("deadline", "--start", "2021-01-01", "--workdays", "0")


def test_calendar_load_reports_and_rejects_bad_files(tmp_path):
    output = run("calendar", "load", str(SYNTHETIC_2027))
    assert "2027" in output and "重新计算 0 件" in output
    bad = tmp_path / "bad.txt"
    bad.write_text("year: 2028\nholiday: 2028-02-30\n", "utf-8")
    with pytest.raises(CommandError, match="bad date"):
        run("calendar", "load", str(bad))
    with pytest.raises(CommandError, match="无法读取"):
        run("calendar", "load", str(tmp_path / "missing.txt"))
    assert "no holiday data" in run("calendar", "show", "2030")


def test_calendar_load_recomputes_open_provisional_deadlines(register):
    app = register("2026-12-21")
    output = run("calendar", "load", str(SYNTHETIC_2027))
    assert "重新计算 1 件" in output and "1 件有变化" in output
    app.refresh_from_db()
    assert not app.reply_due_provisional


@pytest.mark.parametrize(
    ("args", "fee"),
    [
        (("--per-item", "--nth", "10"), "0 元"),
        (("--per-item", "--nth", "11"), "100 元"),
        (("--per-item", "--nth", "31"), "200 元"),
        (("--per-volume", "--pages", "101"), "720 元"),
    ],
)
def test_fee_command(args, fee):
    assert run("fee", *args).strip() == fee


def test_fee_command_refuses_mixed_methods():
    with pytest.raises(CommandError):
        run("fee", "--per-volume", "--nth", "3")


def test_remind_is_idempotent_and_records_overdue_events(register, personas, time_machine):
    personas.handler_a.email = "handler@example.gov.cn"
    personas.handler_a.save()
    overdue = register("2021-08-02")
    application_accept(
        application=overdue, actor=personas.handler_a, expected_version=overdue.version
    )
    register("2021-09-24")  # due 2021-10-27
    register("2021-10-20")  # due much later: not reminded
    first = run("remind", "--today", "2021-10-25")
    assert "即将到期 1 件，已超期 1 件，发送邮件 2 封" in first
    assert {m.to[0] for m in mail.outbox} == {"handler@example.gov.cn"}
    assert all("张三丰" not in m.body for m in mail.outbox)
    second = run("remind", "--today", "2021-10-25")
    assert "即将到期 0 件，已超期 0 件" in second
    assert len(mail.outbox) == 2
    assert ApplicationEvent.objects.filter(kind=EventKind.OVERDUE).count() == 1
    assert Reminder.objects.count() == 2
    dry = run("remind", "--today", "2021-10-28", "--dry-run")
    assert "试运行" in dry and Reminder.objects.count() == 2
