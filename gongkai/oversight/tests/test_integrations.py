"""The adapters to other domains: absent or changed selectors show "—", never an error."""

import datetime as dt
import sys
import types
from dataclasses import dataclass

import pytest

from gongkai.oversight import integrations
from gongkai.oversight.indicators import optional_function


def install(monkeypatch, name, **functions):
    module = types.ModuleType(name)
    for key, value in functions.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)


def test_a_missing_domain_gives_none(monkeypatch):
    monkeypatch.setitem(sys.modules, "gongkai.foi.selectors", None)  # import fails
    assert optional_function("gongkai.nothing_here.selectors", "x") is None
    today = dt.date(2021, 5, 1)
    assert integrations.foi_due_counts(user=None, organisation=None, today=today) == (None, None)


def test_a_changed_signature_is_logged_and_shown_as_unknown(monkeypatch, caplog):
    def timeliness_dashboard(*, user):  # no longer takes today/year
        return []

    install(monkeypatch, "gongkai.catalog.selectors", timeliness_dashboard=timeliness_dashboard)
    assert integrations.catalog_late_counts(user=None, today=dt.date(2021, 5, 1)) is None
    assert "no longer matches" in caplog.text


def test_counts_come_from_the_domain_selectors(monkeypatch, personas):
    @dataclass
    class Row:
        organisation: object
        late: int
        pending_overdue: int

    def timeliness_dashboard(*, user, today, year):
        assert year == 2021
        return [Row(personas.org_a, 2, 1)]

    @dataclass
    class QueueFilter:
        due: str = ""

    class Counted(list):
        def count(self):
            return len(self)

    def application_queue(*, user, organisation, today, filters):
        return Counted([1, 2, 3] if filters.due == "overdue" else [1])

    install(monkeypatch, "gongkai.catalog.selectors", timeliness_dashboard=timeliness_dashboard)
    install(
        monkeypatch,
        "gongkai.foi.selectors",
        QueueFilter=QueueFilter,
        application_queue=application_queue,
    )
    today = dt.date(2021, 5, 1)
    assert integrations.catalog_late_counts(user=None, today=today) == {personas.org_a.pk: 3}
    assert integrations.foi_due_counts(user=None, organisation=personas.org_a, today=today) == (
        3,
        1,
    )


@pytest.mark.parametrize("report_status", [None, "已公布"])
def test_report_statuses(monkeypatch, personas, report_status):
    class Report:
        def get_status_display(self):
            return report_status

    @dataclass
    class Row:
        organisation: object
        report: object

    def dashboard_rows(*, organisation, year):
        return [Row(personas.org_a, Report() if report_status else None)]

    install(monkeypatch, "gongkai.reports.selectors", dashboard_rows=dashboard_rows)
    statuses = integrations.report_statuses(roots=[personas.government], year=2021)
    assert statuses == {personas.org_a.pk: report_status or "未编制"}
