"""Training records (条例第48条) and the annual assessment (年度考核, 条例第46条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import require_role
from gongkai.oversight import indicators, scoring
from gongkai.oversight.choices import (
    ScoreSource,
)
from gongkai.oversight.evidence import check_evidence
from gongkai.oversight.models import (
    AssessmentScore,
    AssessmentSheet,
    TrainingRecord,
)
from gongkai.oversight.selectors import (
    assessed_organisations,
    require_supervisor,
)

if TYPE_CHECKING:
    from gongkai.accounts.models import User

# --- Training ---------------------------------------------------------------------------------


@transaction.atomic
def training_create(
    *,
    organisation: Organisation,
    kind: str,
    held_on: dt.date,
    topic: str,
    organiser: str,
    participants: int,
    actor: User,
    materials: UploadedFile | None = None,
    note: str = "",
) -> TrainingRecord:
    """Record a training course or meeting (supervisors or org admins of the organisation)."""
    from gongkai.orgs.choices import Role

    require_role(user=actor, organisation=organisation, roles={Role.SUPERVISOR, Role.ORG_ADMIN})
    if materials is not None:
        check_evidence(materials)
    record = TrainingRecord(
        organisation=organisation,
        kind=kind,
        held_on=held_on,
        topic=topic.strip(),
        organiser=organiser.strip() or organisation.name,
        participants=participants,
        note=note,
        recorded_by=actor,
    )
    if materials is not None:
        record.materials = materials
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action="oversight.training_create",
        obj=record,
        organisation=organisation,
        after={"held_on": str(held_on), "topic": record.topic, "participants": participants},
    )
    return record


# --- Annual assessment ------------------------------------------------------------------------

DEFAULT_ASSESSMENT_INDICATORS: list[dict[str, Any]] = [
    # Gongkai's default sheet [P]: points sum to 100; each supervising office edits its own.
    {
        "code": "foi",
        "label": "依申请公开按时答复",
        "points": "20",
        "provider": "foi_late_replies",
        "per_item": "2",
    },
    {
        "code": "publication",
        "label": "主动公开按时发布（条例第26条）",
        "points": "20",
        "provider": "catalog_late_items",
        "per_item": "1",
    },
    {
        "code": "report",
        "label": "年度报告按时公布（条例第49条）",
        "points": "10",
        "provider": "report_late",
        "per_item": "10",
    },
    {
        "code": "report_quality",
        "label": "年度报告内容准确",
        "points": "10",
        "provider": "report_errors",
        "per_item": "2",
    },
    {
        "code": "platforms",
        "label": "网站与新媒体抽查",
        "points": "15",
        "provider": "spot_check_failures",
        "per_item": "5",
    },
    {
        "code": "rectification",
        "label": "整改按时落实",
        "points": "10",
        "provider": "rectification_overdue",
        "per_item": "5",
    },
    {"code": "organisation", "label": "组织领导、制度建设与培训", "points": "15"},
]


@transaction.atomic
def assessment_create(
    *,
    organisation: Organisation,
    year: int,
    actor: User,
    title: str = "",
    indicators_data: list[dict[str, Any]] | None = None,
) -> AssessmentSheet:
    require_supervisor(user=actor, organisation=organisation)
    if indicators_data is None:  # carry last year's lines forward, else the defaults
        previous = (
            AssessmentSheet.objects.filter(organisation=organisation, year__lt=year)
            .order_by("-year")
            .first()
        )
        indicators_data = previous.indicators if previous else DEFAULT_ASSESSMENT_INDICATORS
    data = indicators_data
    try:
        scoring.assessment_indicators_from_list(data)
    except scoring.SheetError as error:
        raise ApplicationError(str(error)) from None
    if AssessmentSheet.objects.filter(organisation=organisation, year=year).exists():
        raise ApplicationError(f"{organisation.name}{year}年度考核已经建立。")
    sheet = AssessmentSheet(
        organisation=organisation,
        year=year,
        title=title.strip() or f"{organisation.name}{year}年度政务公开工作考核",
        indicators=data,
        created_by=actor,
    )
    sheet.full_clean()
    sheet.save()
    audit_record(
        actor=actor,
        action="oversight.assessment_create",
        obj=sheet,
        organisation=organisation,
        after={"year": year},
    )
    return sheet


@transaction.atomic
def assessment_fill_auto(*, sheet: AssessmentSheet, actor: User) -> dict[str, int]:
    """Fill every automatic indicator whose provider knows the answer; hand-entered scores are
    never overwritten. Returns counts: filled, unavailable."""
    require_supervisor(user=actor, organisation=sheet.organisation)
    filled = unavailable = 0
    lines = [i for i in scoring.assessment_indicators_from_list(sheet.indicators) if i.automatic]
    for organisation in assessed_organisations(sheet=sheet):
        for line in lines:
            value = indicators.compute(line.provider, organisation=organisation, year=sheet.year)
            if value is None:
                unavailable += 1
                continue
            score = scoring.deduction_score(
                points=line.points, per_item=line.per_item, count=value.count
            )
            existing = AssessmentScore.objects.filter(
                sheet=sheet, organisation=organisation, indicator_code=line.code
            ).first()
            if existing and existing.source == ScoreSource.MANUAL:
                continue
            AssessmentScore.objects.update_or_create(
                sheet=sheet,
                organisation=organisation,
                indicator_code=line.code,
                defaults={
                    "count": value.count,
                    "score": score,
                    "source": ScoreSource.AUTO,
                    "note": value.detail[:300],
                    "updated_by": actor,
                },
            )
            filled += 1
    audit_record(
        actor=actor,
        action="oversight.assessment_fill",
        obj=sheet,
        organisation=sheet.organisation,
        after={"filled": filled, "unavailable": unavailable},
    )
    return {"filled": filled, "unavailable": unavailable}


@transaction.atomic
def assessment_score_set(
    *,
    sheet: AssessmentSheet,
    organisation: Organisation,
    indicator_code: str,
    actor: User,
    score: Decimal | None = None,
    count: int | None = None,
    note: str = "",
) -> AssessmentScore:
    """Enter a score by hand (or a problem count, scored by the line's rule)."""
    require_supervisor(user=actor, organisation=sheet.organisation)
    if not assessed_organisations(sheet=sheet).filter(pk=organisation.pk).exists():
        raise ApplicationError("该单位不在本次考核范围内。")
    lines = {i.code: i for i in scoring.assessment_indicators_from_list(sheet.indicators)}
    line = lines.get(indicator_code)
    if line is None:
        raise ApplicationError("没有该考核指标。")
    if count is not None:
        if not line.automatic:
            raise ApplicationError("该指标按分值评分，请直接填写得分。")
        score = scoring.deduction_score(points=line.points, per_item=line.per_item, count=count)
    if score is None or not Decimal(0) <= score <= line.points:
        raise ApplicationError(f"“{line.label}”的得分应在 0 至 {line.points} 分之间。")
    row, _ = AssessmentScore.objects.update_or_create(
        sheet=sheet,
        organisation=organisation,
        indicator_code=indicator_code,
        defaults={
            "count": count,
            "score": score,
            "source": ScoreSource.MANUAL,
            "note": note[:300],
            "updated_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="oversight.assessment_score",
        obj=sheet,
        organisation=organisation,
        after={"indicator": indicator_code, "score": str(score), "count": count},
    )
    return row
