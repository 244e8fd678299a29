"""Fixtures of the oversight tests: platforms of org A and B and an open round held by the
supervisor (who supervises the government and so the whole test tree)."""

import datetime as dt

import pytest

from gongkai.oversight.choices import PlatformKind
from gongkai.oversight.services import platform_create, record_create, round_create


@pytest.fixture
def world(personas):
    p = personas
    site_a = platform_create(
        organisation=p.org_a,
        kind=PlatformKind.WEBSITE,
        name="甲局网站",
        address="https://a.example.gov.cn/",
        actor=p.admin_a,
    )
    wechat_b = platform_create(
        organisation=p.org_b,
        kind=PlatformKind.WECHAT,
        name="乙局发布",
        address="wx-b",
        actor=p.admin_b,
    )
    portal = platform_create(
        organisation=p.government,
        kind=PlatformKind.WEBSITE,
        name="测试市政府门户",
        address="https://www.example.gov.cn/",
        is_portal=True,
        actor=p.supervisor,
    )
    check_round = round_create(
        organisation=p.government,
        year=2021,
        quarter=3,
        window_start=dt.date(2021, 9, 1),
        window_end=dt.date(2021, 9, 14),
        actor=p.supervisor,
    )
    record_a = record_create(
        check_round=check_round,
        platform=site_a,
        checked_on=dt.date(2021, 9, 15),
        actor=p.supervisor,
    )
    record_b = record_create(
        check_round=check_round,
        platform=wechat_b,
        checked_on=dt.date(2021, 9, 15),
        actor=p.supervisor,
    )
    p.site_a, p.wechat_b, p.portal = site_a, wechat_b, portal
    p.round, p.record_a, p.record_b = check_round, record_a, record_b
    return p


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploaded evidence goes to a throw-away directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
