"""Platforms register, indicator sheets and spot checks (抽查)."""

from __future__ import annotations

import datetime as dt
import json
import random
import secrets
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import Organisation
from gongkai.oversight import scoring
from gongkai.oversight.choices import (
    FindingKind,
    PlatformStatus,
    RoundStatus,
    SheetVariant,
    Verdict,
)
from gongkai.oversight.evidence import check_evidence
from gongkai.oversight.models import (
    CheckRecord,
    CheckRound,
    Finding,
    IndicatorSheet,
    Platform,
)
from gongkai.oversight.selectors import (
    can_manage_platforms,
    default_sheet,
    require_supervisor,
)

if TYPE_CHECKING:
    from gongkai.accounts.models import User

# --- Platforms --------------------------------------------------------------------------------


@transaction.atomic
def platform_create(
    *,
    organisation: Organisation,
    kind: str,
    name: str,
    address: str,
    actor: User,
    operator: str = "",
    is_portal: bool = False,
    note: str = "",
) -> Platform:
    _require_platform_manager(actor, organisation)
    if Platform.objects.filter(kind=kind, address=address.strip()).exists():
        raise ApplicationError("该网址或账号已经登记过。")
    platform = Platform(
        organisation=organisation,
        kind=kind,
        name=name.strip(),
        address=address.strip(),
        operator=operator.strip() or organisation.name,
        is_portal=is_portal,
        note=note,
    )
    platform.full_clean()
    platform.save()
    audit_record(
        actor=actor,
        action="oversight.platform_create",
        obj=platform,
        organisation=organisation,
        after={"kind": kind, "name": platform.name, "address": platform.address},
    )
    return platform


PLATFORM_FIELDS = ["name", "operator", "address", "is_portal", "note"]


@transaction.atomic
def platform_update(*, platform: Platform, actor: User, **changes: Any) -> Platform:
    """Correct a platform's name, operator, address, portal flag or note (audited)."""
    _require_platform_manager(actor, platform.organisation)
    unknown = set(changes) - set(PLATFORM_FIELDS)
    if unknown:
        raise ApplicationError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    before = {name: getattr(platform, name) for name in changes}
    for name, value in changes.items():
        setattr(platform, name, value.strip() if isinstance(value, str) else value)
    platform.full_clean()
    platform.save()
    audit_record(
        actor=actor,
        action="oversight.platform_update",
        obj=platform,
        organisation=platform.organisation,
        before={k: str(v) for k, v in before.items()},
        after={k: str(getattr(platform, k)) for k in changes},
    )
    return platform


@transaction.atomic
def platform_set_status(
    *, platform: Platform, status: str, actor: User, note: str = ""
) -> Platform:
    """Mark a platform as merged (整合) or closed (关停); they are no longer sampled."""
    _require_platform_manager(actor, platform.organisation)
    if status not in PlatformStatus.values:
        raise ApplicationError("未知的状态。")
    before = platform.status
    platform.status = status
    if note:
        platform.note = note
    platform.full_clean()
    platform.save(update_fields=["status", "note", "updated_at"])
    audit_record(
        actor=actor,
        action="oversight.platform_status",
        obj=platform,
        organisation=platform.organisation,
        before={"status": before},
        after={"status": status},
        note=note,
    )
    return platform


def _require_platform_manager(actor: User, organisation: Organisation) -> None:
    if not can_manage_platforms(user=actor, organisation=organisation):
        raise PermissionDenied("只有本单位管理员或上级监督人员可以登记网站与新媒体。")


# --- Indicator sheets -------------------------------------------------------------------------


@transaction.atomic
def indicator_sheet_load(
    *, data: Any, actor: User | None, make_default: bool = False
) -> tuple[IndicatorSheet, bool]:
    """Validate and store a sheet (new code: created; known code: replaced). Returns
    (sheet, created). A sheet already used by check records cannot change its content."""
    try:
        parsed = scoring.sheet_from_dict(data)
    except scoring.SheetError as error:
        raise ApplicationError(str(error)) from None
    normalised = scoring.sheet_to_dict(parsed)
    sheet = IndicatorSheet.objects.filter(code=parsed.code).first()
    created = sheet is None
    used = sheet is not None and CheckRecord.objects.filter(sheet=sheet).exists()
    if sheet is not None and used and sheet.data != normalised:
        raise ApplicationError(
            f"指标表 {parsed.code} 已用于抽查记录，不能修改；请使用新的代码或版本。"
        )
    sheet = sheet or IndicatorSheet(code=parsed.code)
    sheet.version, sheet.title, sheet.variant = parsed.version, parsed.title, parsed.variant
    sheet.data, sheet.loaded_by = normalised, actor
    if make_default:
        IndicatorSheet.objects.filter(variant=parsed.variant, is_default=True).exclude(
            code=parsed.code
        ).update(is_default=False)
        sheet.is_default = True
    sheet.full_clean()
    sheet.save()
    audit_record(
        actor=actor,
        action="oversight.sheet_load",
        obj=sheet,
        after={"code": sheet.code, "version": sheet.version, "default": sheet.is_default},
        actor_label="command",
    )
    return sheet, created


BUNDLED_SHEETS = {
    SheetVariant.WEBSITE: "gb2019_website.json",
    SheetVariant.NEW_MEDIA: "gb2019_new_media.json",
}


def bundled_sheet_install(*, variant: str) -> IndicatorSheet | None:
    """Install the bundled 2019 sheet of ``variant`` as the default when no default exists
    (migration 0002 does this on a new database; this covers a database emptied since)."""
    name = BUNDLED_SHEETS.get(SheetVariant(variant))
    if name is None or default_sheet(variant=variant) is not None:
        return default_sheet(variant=variant)
    data = json.loads((Path(__file__).resolve().parent.parent / "sheets" / name).read_text("utf-8"))
    sheet, _ = indicator_sheet_load(data=data, actor=None, make_default=True)
    return sheet


# --- Spot checks ------------------------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    organisation: Organisation,
    year: int,
    quarter: int,
    window_start: dt.date,
    window_end: dt.date,
    actor: User,
    title: str = "",
    sample_note: str = "",
) -> CheckRound:
    require_supervisor(user=actor, organisation=organisation)
    if window_end < window_start:
        raise ApplicationError("监测结束日不能早于开始日。")
    if not 1 <= quarter <= 4:
        raise ApplicationError("季度必须是 1 至 4。")
    check_round = CheckRound(
        organisation=organisation,
        year=year,
        quarter=quarter,
        title=title.strip() or f"{year}年第{quarter}季度政府网站与政务新媒体抽查",
        window_start=window_start,
        window_end=window_end,
        sample_note=sample_note,
        created_by=actor,
    )
    check_round.full_clean()
    check_round.save()
    audit_record(
        actor=actor,
        action="oversight.round_create",
        obj=check_round,
        organisation=organisation,
        after={"year": year, "quarter": quarter, "window": f"{window_start}–{window_end}"},
    )
    return check_round


@transaction.atomic
def round_close(*, check_round: CheckRound, actor: User) -> CheckRound:
    require_supervisor(user=actor, organisation=check_round.organisation)
    updated = CheckRound.objects.filter(pk=check_round.pk, status=RoundStatus.OPEN).update(
        status=RoundStatus.CLOSED
    )
    if not updated:
        raise ApplicationError("该抽查轮次已经结束。")
    check_round.status = RoundStatus.CLOSED
    audit_record(
        actor=actor,
        action="oversight.round_close",
        obj=check_round,
        organisation=check_round.organisation,
    )
    return check_round


@transaction.atomic
def record_create(
    *,
    check_round: CheckRound,
    platform: Platform,
    checked_on: dt.date,
    actor: User,
    sheet: IndicatorSheet | None = None,
    note: str = "",
) -> CheckRecord:
    """Add a platform to the round's sample; scored at once (no findings: full marks)."""
    _require_open_round(actor, check_round)
    if not platform.organisation.path.startswith(check_round.organisation.path):
        raise ApplicationError("只能抽查本级及下级机关的网站与新媒体。")
    if platform.status != PlatformStatus.ACTIVE:
        raise ApplicationError("该网站或新媒体已整合或关停，不能抽查。")
    if CheckRecord.objects.filter(round=check_round, platform=platform).exists():
        raise ApplicationError("本轮已抽查该网站或新媒体。")
    sheet = (
        sheet
        or default_sheet(variant=platform.variant)
        or bundled_sheet_install(variant=platform.variant)
    )
    if sheet is None or sheet.variant != platform.variant:
        raise ApplicationError("没有适用于该类对象的检查指标表，请先载入指标表。")
    record = CheckRecord(
        round=check_round,
        platform=platform,
        sheet=sheet,
        checked_on=checked_on,
        inspector=actor,
        note=note,
    )
    record.full_clean()
    record.save()
    record_rescore(record=record)
    audit_record(
        actor=actor,
        action="oversight.record_create",
        obj=record,
        organisation=platform.organisation,
        after={"platform": str(platform), "sheet": sheet.code},
    )
    return record


@transaction.atomic
def round_sample(
    *,
    check_round: CheckRound,
    percent: int,
    checked_on: dt.date,
    actor: User,
    seed: int | None = None,
) -> list[CheckRecord]:
    """Add a random sample of ``percent`` % (rounded up, at least one) of the active platforms
    of the subtree not yet in the round. The seed is written to the round's sample note so the
    draw can be reproduced (抽查 must be verifiable)."""
    _require_open_round(actor, check_round)
    if not 1 <= percent <= 100:
        raise ApplicationError("抽样比例应为 1% 至 100%。")
    pool = list(
        Platform.objects.filter(
            organisation__path__startswith=check_round.organisation.path,
            organisation__is_active=True,
            status=PlatformStatus.ACTIVE,
        )
        .exclude(records__round=check_round)
        .order_by("pk")
    )
    if not pool:
        raise ApplicationError("没有可抽查的网站或新媒体。")
    seed = seed if seed is not None else secrets.randbelow(10**9)
    size = max(1, -(-len(pool) * percent // 100))
    chosen = random.Random(seed).sample(pool, size)  # noqa: S311  reproducible draw, not crypto
    records = [
        record_create(check_round=check_round, platform=p, checked_on=checked_on, actor=actor)
        for p in sorted(chosen, key=lambda p: p.pk)
    ]
    note = f"随机抽取 {percent}%：{len(pool)} 个中抽取 {size} 个（随机种子 {seed}）。"
    check_round.sample_note = f"{check_round.sample_note}\n{note}".strip()
    check_round.save(update_fields=["sample_note"])
    audit_record(
        actor=actor,
        action="oversight.round_sample",
        obj=check_round,
        organisation=check_round.organisation,
        after={"seed": seed, "size": size},
    )
    return records


@transaction.atomic
def finding_add(
    *,
    record: CheckRecord,
    item_code: str,
    actor: User,
    points: Decimal = Decimal(0),
    description: str = "",
    url: str = "",
    observed_at: dt.datetime | None = None,
    screenshot: UploadedFile | None = None,
) -> Finding:
    """Record a veto item found, a deduction or a bonus, with evidence; rescore the record."""
    _require_open_round(actor, record.round)
    sheet = record.sheet.parsed()
    kind = sheet.kind_of(item_code)
    item = sheet.item(item_code)
    if kind is None or item is None:
        raise ApplicationError("所选指标不在本记录使用的指标表中。")
    if kind == FindingKind.VETO:
        points = Decimal(0)
    elif points <= 0:
        raise ApplicationError("扣分或加分的分值必须大于 0。")
    elif points > item.points:
        raise ApplicationError(f"“{item.label}”最多 {item.points} 分。")
    if kind == FindingKind.BONUS and not record.platform.is_portal:
        raise ApplicationError("加分指标仅适用于门户网站。")
    if screenshot is not None:
        check_evidence(screenshot)
    finding = Finding(
        record=record,
        kind=kind,
        item_code=item_code,
        item_label=item.label,
        points=points,
        description=description,
        url=url,
        observed_at=observed_at,
        created_by=actor,
    )
    if screenshot is not None:
        finding.screenshot = screenshot
    finding.full_clean()
    finding.save()
    record_rescore(record=record)
    audit_record(
        actor=actor,
        action="oversight.finding_add",
        obj=finding,
        organisation=record.platform.organisation,
        after={"kind": kind, "item": item_code, "points": str(points), "verdict": record.verdict},
    )
    return finding


@transaction.atomic
def finding_remove(*, finding: Finding, actor: User) -> CheckRecord:
    record = finding.record
    _require_open_round(actor, record.round)
    if finding.rectifications.exists():
        raise ApplicationError("该问题已下发整改，不能删除。")
    audit_record(
        actor=actor,
        action="oversight.finding_remove",
        obj=finding,
        organisation=record.platform.organisation,
        before={"kind": finding.kind, "item": finding.item_code, "points": str(finding.points)},
    )
    finding.screenshot.delete(save=False)
    finding.delete()
    record_rescore(record=record)
    return record


@transaction.atomic
def record_rescore(*, record: CheckRecord) -> CheckRecord:
    """Recompute score and verdict from the findings (spec §5 rules in ``scoring``)."""
    deductions: dict[str, Decimal] = defaultdict(Decimal)
    bonuses: dict[str, Decimal] = defaultdict(Decimal)
    vetoes: set[str] = set()
    for finding in record.findings.all():
        if finding.kind == FindingKind.VETO:
            vetoes.add(finding.item_code)
        elif finding.kind == FindingKind.DEDUCTION:
            deductions[finding.item_code] += finding.points
        else:
            bonuses[finding.item_code] += finding.points
    recorded = scoring.Recorded(frozenset(vetoes), dict(deductions), dict(bonuses))
    result = scoring.score(record.sheet.parsed(), recorded, is_portal=record.platform.is_portal)
    record.verdict = Verdict.PASS if result.passed else Verdict.FAIL
    record.part2, record.bonus, record.total = result.part2, result.bonus, result.total
    record.reasons = "；".join(result.reasons)[:500]
    record.save(update_fields=["verdict", "part2", "bonus", "total", "reasons", "updated_at"])
    return record


def _require_open_round(actor: User, check_round: CheckRound) -> None:
    require_supervisor(user=actor, organisation=check_round.organisation)
    if check_round.status != RoundStatus.OPEN:
        raise ApplicationError("该抽查轮次已经结束，不能再修改。")
