"""Demo data of the supervising office of 辉县市 (idempotent): the platforms of the demo
organisations, the four quarterly new-media spot checks of 2021 (all passed, as the seed report
says) and the four city-wide OGI meetings of 2021 (全年召开4次全市政务公开工作推进会).

Addresses and account ids are invented for the demo (example.gov.cn)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.orgs.models import Organisation
from gongkai.oversight.choices import PlatformKind, RoundStatus, TrainingKind
from gongkai.oversight.models import CheckRecord, CheckRound, Platform, TrainingRecord
from gongkai.oversight.services import (
    assessment_create,
    finding_add,
    platform_create,
    record_create,
    rectification_issue,
    round_close,
    round_create,
    training_create,
)

GOVERNMENT = "410782"

# (organisation code, kind, name, address, portal)
PLATFORMS = [
    (
        GOVERNMENT,
        PlatformKind.WEBSITE,
        "辉县市人民政府门户网站",
        "https://www.example.gov.cn/",
        True,
    ),
    (GOVERNMENT, PlatformKind.WECHAT, "辉县发布", "wx-huixianfabu-demo", False),
    (GOVERNMENT, PlatformKind.WEIBO, "辉县发布", "weibo-huixianfabu-demo", False),
    ("410782-101", PlatformKind.WECHAT, "辉县教育", "wx-huixianjiaoyu-demo", False),
    ("410782-102", PlatformKind.WECHAT, "辉县公安", "wx-huixiangongan-demo", False),
    ("410782-106", PlatformKind.WECHAT, "健康辉县", "wx-jiankanghuixian-demo", False),
    ("410782-202", PlatformKind.WECHAT, "魅力百泉", "wx-meilibaiquan-demo", False),
    ("410782-203", PlatformKind.DOUYIN, "孟庄发布", "dy-mengzhuang-demo", False),
]

# (quarter, monitoring window start, end)
ROUNDS_2021 = [
    (1, dt.date(2021, 3, 1), dt.date(2021, 3, 14)),
    (2, dt.date(2021, 6, 1), dt.date(2021, 6, 14)),
    (3, dt.date(2021, 9, 1), dt.date(2021, 9, 14)),
    (4, dt.date(2021, 12, 1), dt.date(2021, 12, 14)),
]

MEETINGS_2021 = [
    (dt.date(2021, 3, 25), "全市政务公开工作推进会（一季度）", 65),
    (dt.date(2021, 6, 24), "全市政务公开工作推进会（二季度）", 62),
    (dt.date(2021, 9, 23), "全市政务公开工作推进会暨业务培训会", 70),
    (dt.date(2021, 12, 16), "全市政务公开工作推进会（年度总结）", 68),
]


def load() -> str:
    supervisor = User.objects.filter(username="supervisor").first()
    government = Organisation.objects.filter(code=GOVERNMENT).first()
    if supervisor is None or government is None:
        return "跳过（缺少演示机关或监督员账户）"
    platforms = _platforms(supervisor)
    rounds = _rounds(supervisor, government, platforms)
    meetings = _meetings(supervisor, government)
    if not government.oversight_assessments.filter(year=2021).exists():
        assessment_create(organisation=government, year=2021, actor=supervisor)
    current = _current_round(supervisor, government, platforms, timezone.localdate())
    return f"{len(platforms)} 个网站与新媒体，{rounds + current} 轮抽查新建，{meetings} 次会议新建"


def _platforms(actor: User) -> list[Platform]:
    out = []
    for code, kind, name, address, portal in PLATFORMS:
        platform = Platform.objects.filter(kind=kind, address=address).first()
        if platform is None:
            platform = platform_create(
                organisation=Organisation.objects.get(code=code),
                kind=kind,
                name=name,
                address=address,
                is_portal=portal,
                actor=actor,
            )
        out.append(platform)
    return out


def _rounds(actor: User, government: Organisation, platforms: list[Platform]) -> int:
    created = 0
    new_media = [p for p in platforms if p.kind != PlatformKind.WEBSITE]
    for quarter, start, end in ROUNDS_2021:
        if CheckRound.objects.filter(organisation=government, year=2021, quarter=quarter).exists():
            continue
        check_round = round_create(
            organisation=government,
            year=2021,
            quarter=quarter,
            window_start=start,
            window_end=end,
            actor=actor,
            title=f"2021年第{quarter}季度全市政务新媒体抽查",
            sample_note="全市政务新媒体全部纳入检查。",
        )
        for platform in new_media:
            if not CheckRecord.objects.filter(round=check_round, platform=platform).exists():
                record_create(
                    check_round=check_round,
                    platform=platform,
                    checked_on=end + dt.timedelta(days=1),
                    actor=actor,
                )
        if check_round.status == RoundStatus.OPEN:
            round_close(check_round=check_round, actor=actor)
        created += 1
    return created


def _current_round(
    actor: User, government: Organisation, platforms: list[Platform], today: dt.date
) -> int:
    """An open round of the current quarter: the portal passes with a deduction, 辉县教育 fails
    on a veto and 教育局 (demo user ``educlerk``) has a rectification task to answer."""
    quarter = (today.month - 1) // 3 + 1
    if CheckRound.objects.filter(
        organisation=government, year=today.year, quarter=quarter
    ).exists():
        return 0
    check_round = round_create(
        organisation=government,
        year=today.year,
        quarter=quarter,
        window_start=today - dt.timedelta(days=14),
        window_end=today,
        actor=actor,
        sample_note="演示：门户网站及教育局政务新媒体。",
    )
    portal, education = platforms[0], platforms[3]
    record = record_create(check_round=check_round, platform=portal, checked_on=today, actor=actor)
    finding_add(
        record=record,
        item_code="fn_search",
        points=Decimal(2),
        actor=actor,
        description="站内搜索部分关键词无结果。",
        url=portal.address,
    )
    record = record_create(
        check_round=check_round, platform=education, checked_on=today, actor=actor
    )
    finding = finding_add(
        record=record,
        item_code="content_stale",
        actor=actor,
        description="监测期内超过两周未发布信息。",
    )
    rectification_issue(
        organisation=education.organisation,
        supervisor_org=government,
        finding=finding,
        title="“辉县教育”公众号内容不更新",
        requirement="恢复日常更新并建立值班制度。",
        issued_on=today,
        workdays=10,
        actor=actor,
    )
    return 1


def _meetings(actor: User, government: Organisation) -> int:
    created = 0
    for held_on, topic, participants in MEETINGS_2021:
        if TrainingRecord.objects.filter(organisation=government, held_on=held_on).exists():
            continue
        training_create(
            organisation=government,
            kind=TrainingKind.MEETING,
            held_on=held_on,
            topic=topic,
            organiser="辉县市人民政府办公室",
            participants=participants,
            actor=actor,
        )
        created += 1
    return created
