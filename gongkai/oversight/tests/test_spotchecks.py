"""Platforms register, spot-check rounds, findings and the computed verdict; sheets loading."""

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from gongkai.audit.models import AuditEntry
from gongkai.core.errors import ApplicationError
from gongkai.oversight.choices import PlatformKind, PlatformStatus, Verdict
from gongkai.oversight.models import IndicatorSheet
from gongkai.oversight.services import (
    finding_add,
    finding_remove,
    platform_create,
    platform_set_status,
    record_create,
    round_close,
    round_create,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SHEETS = Path(__file__).resolve().parent.parent / "sheets"


def test_the_2019_sheets_are_installed_as_defaults(db):
    defaults = IndicatorSheet.objects.filter(is_default=True).values_list("code", flat=True)
    assert sorted(defaults) == ["gb2019-new-media", "gb2019-website"]


def test_a_new_record_has_full_marks_and_passes(world):
    assert world.record_a.verdict == Verdict.PASS
    assert world.record_a.part2 == Decimal(100)
    assert world.record_a.sheet.code == "gb2019-website"
    assert world.record_b.sheet.code == "gb2019-new-media"


def test_a_veto_finding_fails_the_record_and_removing_it_restores_the_score(world):
    finding = finding_add(
        record=world.record_a,
        item_code="columns_stale",
        actor=world.supervisor,
        description="6个栏目两周未更新",
        url="https://a.example.gov.cn/news/",
        observed_at=dt.datetime(2021, 9, 10, 10, tzinfo=dt.UTC),
        screenshot=SimpleUploadedFile("shot.png", PNG, content_type="image/png"),
    )
    world.record_a.refresh_from_db()
    assert world.record_a.verdict == Verdict.FAIL and world.record_a.total is None
    assert finding.screenshot.name.startswith("private/oversight/finding/")
    assert finding.points == 0
    finding_remove(finding=finding, actor=world.supervisor)
    world.record_a.refresh_from_db()
    assert world.record_a.verdict == Verdict.PASS


def test_deductions_add_up_and_drop_below_60(world):
    for code in ["pub_disclosure", "pub_interpretation", "svc_items", "svc_guides"]:
        item = world.record_a.sheet.parsed().item(code)
        finding_add(
            record=world.record_a, item_code=code, points=item.points, actor=world.supervisor
        )
    world.record_a.refresh_from_db()
    assert world.record_a.part2 == Decimal(58)
    assert world.record_a.verdict == Verdict.FAIL


def test_findings_are_checked_against_the_sheet(world):
    s = world.supervisor
    with pytest.raises(ApplicationError, match="最多 12"):
        finding_add(record=world.record_a, item_code="pub_disclosure", points=Decimal(13), actor=s)
    with pytest.raises(ApplicationError, match="大于 0"):
        finding_add(record=world.record_a, item_code="pub_disclosure", actor=s)
    with pytest.raises(ApplicationError, match="不在本记录"):
        finding_add(record=world.record_b, item_code="homepage_stale", actor=s)  # website-only veto
    with pytest.raises(ApplicationError, match="仅适用于门户"):
        finding_add(record=world.record_a, item_code="bonus_innovation", points=Decimal(5), actor=s)
    with pytest.raises(ApplicationError, match="PNG"):
        finding_add(
            record=world.record_a,
            item_code="security",
            actor=s,
            screenshot=SimpleUploadedFile("shot.png", b"<html>not an image</html>"),
        )


def test_the_portal_earns_its_bonus_above_80(world):
    record = record_create(
        check_round=world.round,
        platform=world.portal,
        checked_on=dt.date(2021, 9, 15),
        actor=world.supervisor,
    )
    finding_add(
        record=record, item_code="bonus_intensive", points=Decimal(8), actor=world.supervisor
    )
    record.refresh_from_db()
    assert (record.part2, record.bonus, record.total) == (100, 8, 108)


def test_only_the_supervisor_runs_rounds(world):
    with pytest.raises(PermissionDenied):
        round_create(
            organisation=world.government,
            year=2021,
            quarter=4,
            window_start=dt.date(2021, 12, 1),
            window_end=dt.date(2021, 12, 14),
            actor=world.admin_a,
        )
    with pytest.raises(PermissionDenied):
        finding_add(record=world.record_a, item_code="security", actor=world.admin_a)
    with pytest.raises(ApplicationError, match="不能早于"):
        round_create(
            organisation=world.government,
            year=2021,
            quarter=4,
            window_start=dt.date(2021, 12, 14),
            window_end=dt.date(2021, 12, 1),
            actor=world.supervisor,
        )


def test_a_closed_round_cannot_change(world):
    round_close(check_round=world.round, actor=world.supervisor)
    with pytest.raises(ApplicationError, match="已经结束"):
        finding_add(record=world.record_a, item_code="security", actor=world.supervisor)
    with pytest.raises(ApplicationError, match="已经结束"):
        round_close(check_round=world.round, actor=world.supervisor)


def test_a_platform_is_sampled_once_per_round_and_only_while_active(world):
    with pytest.raises(ApplicationError, match="已抽查"):
        record_create(
            check_round=world.round,
            platform=world.site_a,
            checked_on=dt.date(2021, 9, 15),
            actor=world.supervisor,
        )
    platform_set_status(platform=world.portal, status=PlatformStatus.CLOSED, actor=world.supervisor)
    with pytest.raises(ApplicationError, match="已整合或关停"):
        record_create(
            check_round=world.round,
            platform=world.portal,
            checked_on=dt.date(2021, 9, 15),
            actor=world.supervisor,
        )


def test_platforms_are_registered_by_the_unit_admin_or_the_supervisor(world):
    with pytest.raises(PermissionDenied):
        platform_create(
            organisation=world.org_a,
            kind=PlatformKind.WEIBO,
            name="x",
            address="wb-a",
            actor=world.handler_a,
        )
    with pytest.raises(PermissionDenied):
        platform_create(
            organisation=world.org_a,
            kind=PlatformKind.WEIBO,
            name="x",
            address="wb-a",
            actor=world.admin_b,
        )
    with pytest.raises(ApplicationError, match="已经登记"):
        platform_create(
            organisation=world.org_a,
            kind=PlatformKind.WECHAT,
            name="x",
            address="wx-b",
            actor=world.supervisor,
        )
    assert AuditEntry.objects.filter(action="oversight.platform_create").count() == 3


def run(*args):
    out = io.StringIO()
    call_command("oversight", *args, stdout=out)
    return out.getvalue()


def test_load_sheet_loads_a_province_sheet_and_can_make_it_default(db, tmp_path):
    data = json.loads((SHEETS / "gb2019_new_media.json").read_text("utf-8"))
    data.update(code="henan-2023-new-media", version="2023", title="河南省政务新媒体检查指标")
    path = tmp_path / "henan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert "已载入指标表 henan-2023-new-media" in run("load-sheet", str(path), "--default")
    default = IndicatorSheet.objects.get(variant="new_media", is_default=True)
    assert default.code == "henan-2023-new-media"
    assert "已更新" in run("load-sheet", str(path))


def test_load_sheet_refuses_bad_files_clearly(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"code": "x", "variant": "website"', "utf-8")
    with pytest.raises(CommandError, match="不是有效的 JSON"):
        run("load-sheet", str(path))
    path.write_text(
        '{"code": "x", "version": "1", "title": "t", "variant": "website", '
        '"vetoes": [{"code": "a", "label": "A"}], '
        '"deductions": [{"code": "b", "label": "B", "group": "g", "points": 90}]}'
    )
    with pytest.raises(CommandError, match="合计 90"):
        run("load-sheet", str(path))
    with pytest.raises(CommandError, match="无法读取"):
        run("load-sheet", str(tmp_path / "missing.json"))


def test_a_sheet_in_use_cannot_be_changed(world, tmp_path):
    data = json.loads((SHEETS / "gb2019_website.json").read_text("utf-8"))
    data["vetoes"][0]["label"] = "改过的"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CommandError, match="已用于抽查记录"):
        run("load-sheet", str(path))


def test_a_random_sample_is_reproducible_from_its_seed(world):
    from gongkai.oversight.services import round_sample

    for n in range(5):
        platform_create(
            organisation=world.org_b,
            kind=PlatformKind.WEIBO,
            name=f"微博{n}",
            address=f"wb-{n}",
            actor=world.supervisor,
        )
    fresh = round_create(
        organisation=world.government,
        year=2021,
        quarter=4,
        window_start=dt.date(2021, 12, 1),
        window_end=dt.date(2021, 12, 14),
        actor=world.supervisor,
    )
    again = round_create(
        organisation=world.government,
        year=2021,
        quarter=4,
        window_start=dt.date(2021, 12, 1),
        window_end=dt.date(2021, 12, 14),
        actor=world.supervisor,
    )
    first = round_sample(
        check_round=fresh,
        percent=30,
        checked_on=dt.date(2021, 12, 15),
        actor=world.supervisor,
        seed=42,
    )
    second = round_sample(
        check_round=again,
        percent=30,
        checked_on=dt.date(2021, 12, 15),
        actor=world.supervisor,
        seed=42,
    )
    assert len(first) == 3  # 8 active platforms × 30% = 2.4, rounded up
    assert [r.platform_id for r in first] == [r.platform_id for r in second]
    fresh.refresh_from_db()
    assert "随机种子 42" in fresh.sample_note
    rest = round_sample(
        check_round=fresh, percent=100, checked_on=dt.date(2021, 12, 15), actor=world.supervisor
    )
    assert len(rest) == 5
    with pytest.raises(ApplicationError, match="没有可抽查"):
        round_sample(
            check_round=fresh, percent=100, checked_on=dt.date(2021, 12, 15), actor=world.supervisor
        )
    with pytest.raises(PermissionDenied):
        round_sample(
            check_round=fresh, percent=30, checked_on=dt.date(2021, 12, 15), actor=world.admin_a
        )


def test_the_admin_forms_validate_sheets(db):
    from gongkai.oversight.admin import AssessmentSheetForm, IndicatorSheetForm

    form = IndicatorSheetForm(data={"data": '{"code": "x"}', "is_default": False})
    assert not form.is_valid() and "缺少" in str(form.errors["data"])
    form = AssessmentSheetForm(data={"title": "t", "indicators": '[{"code": "x", "label": "X"}]'})
    assert not form.is_valid() and "必须是数字" in str(form.errors["indicators"])


def test_the_bundled_sheet_is_reinstalled_when_no_default_exists(world):
    IndicatorSheet.objects.filter(code="gb2019-new-media").update(is_default=False, code="old")
    record = record_create(
        check_round=world.round,
        platform=world.portal,
        checked_on=dt.date(2021, 9, 15),
        actor=world.supervisor,
    )
    assert record.sheet.code == "gb2019-website"
    wechat = platform_create(
        organisation=world.org_b,
        kind=PlatformKind.WECHAT,
        name="乙局二号",
        address="wx-b2",
        actor=world.supervisor,
    )
    record = record_create(
        check_round=world.round,
        platform=wechat,
        checked_on=dt.date(2021, 9, 15),
        actor=world.supervisor,
    )
    assert record.sheet.code == "gb2019-new-media" and record.sheet.is_default
