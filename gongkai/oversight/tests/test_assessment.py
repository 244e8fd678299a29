"""Annual assessment: automatic indicators from the provider registry (fake providers stand in
for the other domains), own providers on real data, manual scores, ranking, XLSX; and the
report figures service."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from gongkai.core.errors import ApplicationError
from gongkai.orgs.choices import OrganisationKind
from gongkai.orgs.services import organisation_create
from gongkai.oversight import indicators
from gongkai.oversight.choices import TrainingKind
from gongkai.oversight.export import assessment_xlsx
from gongkai.oversight.figures import assessment_table
from gongkai.oversight.indicators import IndicatorValue
from gongkai.oversight.models import AssessmentScore
from gongkai.oversight.services import (
    assessment_create,
    assessment_fill_auto,
    assessment_score_set,
    finding_add,
    oversight_report_figures,
    rectification_answer,
    rectification_issue,
    rectifications_escalate,
    training_create,
)

# Known fixtures of the other domains, keyed by organisation code: (late replies, late items,
# report late?, report errors).
KNOWN = {"A1": (3, 5, 1, 2), "B1": (0, 1, 0, 0), "A1-T": (1, 0, 0, 1)}


def fake(position):
    def provider(organisation, year):
        assert year == 2021
        return IndicatorValue(KNOWN[organisation.code][position], "fake")

    return provider


@pytest.fixture
def fakes():
    with (
        indicators.registered("foi_late_replies", "迟复", fake(0)),
        indicators.registered("catalog_late_items", "迟发", fake(1)),
        indicators.registered("report_late", "年报迟发", fake(2)),
        indicators.registered("report_errors", "年报错误", fake(3)),
    ):
        yield


def scores(sheet, code):
    return {
        s.indicator_code: (s.count, s.score, s.source)
        for s in AssessmentScore.objects.filter(sheet=sheet, organisation__code=code)
    }


@pytest.fixture
def sheet(world):
    return assessment_create(organisation=world.government, year=2021, actor=world.supervisor)


def test_automatic_indicators_are_filled_from_the_providers(world, sheet, fakes):
    finding_add(record=world.record_a, item_code="security", actor=world.supervisor)  # A fails
    result = assessment_fill_auto(sheet=sheet, actor=world.supervisor)
    a = scores(sheet, "A1")
    assert a["foi"] == (3, Decimal(14), "auto")  # 20 - 3×2
    assert a["publication"] == (5, Decimal(15), "auto")  # 20 - 5×1
    assert a["report"] == (1, Decimal(0), "auto")  # late report: all 10 lost
    assert a["report_quality"] == (2, Decimal(6), "auto")
    assert a["platforms"] == (1, Decimal(10), "auto")  # one failed spot check: 15 - 5
    assert a["rectification"] == (0, Decimal(10), "auto")
    assert "organisation" not in a  # manual line
    assert scores(sheet, "B1")["foi"] == (0, Decimal(20), "auto")
    assert result == {"filled": 18, "unavailable": 0}


def test_without_providers_the_indicator_is_left_for_manual_entry(world, sheet):
    with indicators.registered("foi_late_replies", "迟复", lambda org, year: None):
        result = assessment_fill_auto(sheet=sheet, actor=world.supervisor)
    a = scores(sheet, "A1")
    assert "foi" not in a and "platforms" in a
    assert result["unavailable"] >= 3  # foi here; catalog/reports are not installed yet


def test_manual_scores_are_never_overwritten(world, sheet, fakes):
    assessment_score_set(
        sheet=sheet,
        organisation=world.org_a,
        indicator_code="foi",
        count=1,
        actor=world.supervisor,
        note="核实后",
    )
    assessment_fill_auto(sheet=sheet, actor=world.supervisor)
    assert scores(sheet, "A1")["foi"] == (1, Decimal(18), "manual")


def test_manual_scores_are_checked(world, sheet):
    s = world.supervisor
    with pytest.raises(ApplicationError, match="0 至 15"):
        assessment_score_set(
            sheet=sheet,
            organisation=world.org_a,
            indicator_code="organisation",
            score=Decimal(16),
            actor=s,
        )
    with pytest.raises(ApplicationError, match="直接填写得分"):
        assessment_score_set(
            sheet=sheet, organisation=world.org_a, indicator_code="organisation", count=1, actor=s
        )
    with pytest.raises(ApplicationError, match="考核范围"):
        assessment_score_set(
            sheet=sheet,
            organisation=world.government,
            indicator_code="organisation",
            score=Decimal(1),
            actor=s,
        )


def test_ranking_and_xlsx_export(world, sheet, fakes):
    assessment_fill_auto(sheet=sheet, actor=world.supervisor)
    for org, points in [(world.org_a, 15), (world.org_b, 12), (world.township_a, 15)]:
        assessment_score_set(
            sheet=sheet,
            organisation=org,
            indicator_code="organisation",
            score=Decimal(points),
            actor=world.supervisor,
        )
    table = assessment_table(sheet=sheet)
    ranked = [(row.organisation.code, row.total, row.rank) for row in table.rows]
    # B: 20+19+10+10+15+10+12 = 96; A1-T: 18+20+10+8+15+10+15 = 96; A: 14+15+0+6+15+10+15 = 75
    assert ranked == [("A1-T", 96, 1), ("B1", 96, 1), ("A1", 75, 3)]
    workbook = load_workbook(io.BytesIO(assessment_xlsx(title=sheet.title, table=table)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == sheet.title
    assert rows[1][0] == "名次" and rows[1][-1] == "总分"
    assert rows[4][:2] == (3, "测试市甲局") and rows[4][-1] == 75


def test_an_incomplete_row_is_not_ranked(world, sheet, fakes):
    assessment_fill_auto(sheet=sheet, actor=world.supervisor)
    table = assessment_table(sheet=sheet)
    assert all(row.total is None and row.rank is None for row in table.rows)


def test_own_providers_count_failed_checks_and_late_rectification(world):
    finding_add(record=world.record_b, item_code="content_stale", actor=world.supervisor)
    task = rectification_issue(
        organisation=world.org_b,
        supervisor_org=world.government,
        title="更新",
        issued_on=dt.date(2021, 11, 1),
        workdays=5,
        actor=world.supervisor,
    )
    assert indicators.compute("spot_check_failures", organisation=world.org_b, year=2021).count == 1
    assert indicators.compute("spot_check_failures", organisation=world.org_a, year=2021).count == 0
    late = indicators.compute("rectification_overdue", organisation=world.org_b, year=2021)
    assert late.count == 0
    rectification_answer(
        task=task, response="已更新", actor=world.clerk_b, today=task.due_on + dt.timedelta(days=3)
    )
    late = indicators.compute("rectification_overdue", organisation=world.org_b, year=2021)
    assert late.count == 1


def test_an_escalated_task_counts_as_overdue(world):
    rectification_issue(
        organisation=world.org_a,
        supervisor_org=world.government,
        title="t",
        issued_on=dt.date(2021, 11, 1),
        workdays=5,
        actor=world.supervisor,
    )
    rectifications_escalate(today=dt.date(2021, 12, 31))
    assert (
        indicators.compute("rectification_overdue", organisation=world.org_a, year=2021).count == 1
    )


def test_unknown_providers_answer_none(db):
    assert indicators.compute("no-such-indicator", organisation=None, year=2021) is None
    assert indicators.optional_function("gongkai.no_such_app.selectors", "f") is None


def test_report_figures(world):
    finding_add(record=world.record_b, item_code="content_stale", actor=world.supervisor)
    for day, kind, people in [
        (dt.date(2021, 3, 1), TrainingKind.MEETING, 60),
        (dt.date(2021, 6, 1), TrainingKind.TRAINING, 40),
        (dt.date(2022, 1, 5), TrainingKind.TRAINING, 10),
    ]:
        training_create(
            organisation=world.government,
            kind=kind,
            held_on=day,
            topic="政务公开",
            organiser="",
            participants=people,
            actor=world.supervisor,
        )
    assessment_create(organisation=world.government, year=2021, actor=world.supervisor)
    figures = oversight_report_figures(organisation=world.government, year=2021)
    assert figures["spot_check_rounds"] == 1
    assert figures["checks"] == 2 and figures["checks_passed"] == 1
    assert figures["pass_rate"] == Decimal("50.0")
    assert figures["website_checks"] == 1 and figures["new_media_checks"] == 1
    assert (figures["trainings"], figures["training_participants"]) == (1, 40)
    assert (figures["meetings"], figures["meeting_participants"]) == (1, 60)
    assert figures["assessments"] == 1
    own = oversight_report_figures(organisation=world.org_b, year=2021)
    assert own["own_checks"] == 1 and own["own_pass_rate"] == Decimal(0)
    assert own["spot_check_rounds"] == 0 and own["pass_rate"] is None


def test_trainings_are_recorded_by_supervisors_or_org_admins_only(world):
    from django.core.exceptions import PermissionDenied

    training_create(
        organisation=world.org_a,
        kind=TrainingKind.TRAINING,
        held_on=dt.date(2021, 5, 1),
        topic="培训",
        organiser="甲局",
        participants=20,
        actor=world.admin_a,
    )
    with pytest.raises(PermissionDenied):
        training_create(
            organisation=world.org_a,
            kind=TrainingKind.TRAINING,
            held_on=dt.date(2021, 5, 1),
            topic="培训",
            organiser="甲局",
            participants=20,
            actor=world.handler_a,
        )


def test_a_new_unit_joins_the_next_assessment(world, sheet):
    organisation_create(
        code="C1",
        name="测试市丙局",
        kind=OrganisationKind.DEPARTMENT,
        report_owner_type="department",
        parent=world.government,
        actor=None,
    )
    assert "C1" in [row.organisation.code for row in assessment_table(sheet=sheet).rows]


def test_next_year_carries_last_years_lines_forward(world):
    lines = [{"code": "only", "label": "唯一指标", "points": "100"}]
    assessment_create(
        organisation=world.government, year=2021, actor=world.supervisor, indicators_data=lines
    )
    nxt = assessment_create(organisation=world.government, year=2022, actor=world.supervisor)
    assert nxt.indicators == lines
    with pytest.raises(ApplicationError, match="已经建立"):
        assessment_create(organisation=world.government, year=2022, actor=world.supervisor)
    with pytest.raises(ApplicationError, match="非空的列表"):
        assessment_create(
            organisation=world.government, year=2023, actor=world.supervisor, indicators_data=[]
        )


def test_the_figures_command(world):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("oversight", "figures", "--org", "G1", "--year", "2021", "--json", stdout=out)
    assert '"checks": 2' in out.getvalue() and '"pass_rate": "100.0"' in out.getvalue()
    with pytest.raises(CommandError, match="没有机关代码"):
        call_command("oversight", "figures", "--org", "nope", "--year", "2021")


def test_report_sentences_follow_the_figures(world):
    from gongkai.oversight.services import oversight_report_sentences

    for quarter in (1, 2):
        training_create(
            organisation=world.government,
            kind=TrainingKind.MEETING,
            held_on=dt.date(2021, quarter * 3, 1),
            topic="推进会",
            organiser="",
            participants=10,
            actor=world.supervisor,
        )
    figures = oversight_report_figures(organisation=world.government, year=2021)
    sentences = oversight_report_sentences(figures)
    assert sentences[0] == "全年组织政府网站和政务新媒体抽查1次，共抽查2个次，全部合格。"
    assert "全年召开政务公开工作会议2次。" in sentences
    empty = oversight_report_figures(organisation=world.org_b, year=2021)
    assert oversight_report_sentences(empty) == []
