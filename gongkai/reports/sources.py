"""The live figures of an organisation-year, gathered from the domains that own them.

Each figure comes from the owning package's selector (conventions C1): table 二 from the
catalog's normative-document registry and the Article 20 statistics, table 三 from disclosure
requests (D7), table 四 from reconsideration and litigation cases (D8), section 一 from the
catalog, public messages and oversight, section 六 and the validation context from the fee
ledger and case data. Every table is one grouped query in its owner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from gongkai.article20.selectors import article20_figures
from gongkai.catalog.choices import ItemStatus
from gongkai.catalog.models import Item
from gongkai.catalog.selectors import normative_counts
from gongkai.foi import selectors as foi_selectors
from gongkai.foi.models import FeeNotice
from gongkai.interaction.selectors import message_counts
from gongkai.orgs.choices import ReportOwnerType
from gongkai.orgs.models import Organisation
from gongkai.oversight.figures import oversight_report_figures
from gongkai.reports.narrative import NarrativeFigures, SpotCheckFigures

NORMATIVE_ROWS = {"规章": "rules", "行政规范性文件": "normative_documents"}


@dataclass(frozen=True)
class FeeFigures:
    notices: int
    notice_amount_yuan: Decimal
    collected_yuan: Decimal


@dataclass(frozen=True)
class LiveFigures:
    organisation: Organisation
    year: int
    table2_counts: dict[str, int]
    fee_wan_yuan: Decimal | None
    table3: dict[str, list[int]]
    table4: dict[str, int]
    fees: FeeFigures
    narrative: NarrativeFigures


def live_figures(*, organisation: Organisation, year: int) -> LiveFigures:
    t2, fee_wan = _table2(organisation, year)
    t3 = foi_selectors.table3(organisation=organisation, year=year)
    t4 = _table4(organisation, year)
    fees = fee_figures(organisation=organisation, year=year)
    narrative = NarrativeFigures(
        org_name=organisation.name,
        year=year,
        is_government=organisation.report_owner_type == ReportOwnerType.GOVERNMENT,
        items_published=items_published_count(organisation=organisation, year=year),
        normative_issued=t2["normative_documents.issued"],
        messages=[
            (c.channel, c.received) for c in message_counts(organisation=organisation, year=year)
        ],
        received=t3["R1"][6],
        carried_over=t3["R2"][6],
        closed=t3["R3.7"][6],
        carried_forward=t3["R4"][6],
        overdue_replies=foi_selectors.late_replies_count(organisation=organisation, year=year),
        fee_notices=fees.notices,
        fee_notice_amount_yuan=fees.notice_amount_yuan,
        fees_collected_yuan=fees.collected_yuan,
        reconsiderations=t4["A5"],
        lawsuits=t4["B5"] + t4["C5"],
        oversight=_oversight(organisation, year),
    )
    return LiveFigures(organisation, year, t2, fee_wan, t3, t4, fees, narrative)


def _table2(organisation: Organisation, year: int) -> tuple[dict[str, int], Decimal | None]:
    counts: dict[str, int] = {}
    for label, values in normative_counts(organisation=organisation, year=year).items():
        for field, value in values.items():
            counts[f"{NORMATIVE_ROWS[label]}.{field}"] = value
    stats = article20_figures(organisation=organisation, year=year)
    counts["licensing"] = stats.licensing if stats else 0
    counts["penalty"] = stats.penalty if stats else 0
    counts["coercion"] = stats.coercion if stats else 0
    return counts, stats.fee_wan_yuan if stats else None


def items_published_count(*, organisation: Organisation, year: int) -> int:
    """Catalogue items published in ``year`` (section 一（一）). A people's government reports
    for the portal it runs, so its count covers its whole subtree; a department its own."""
    items = Item.objects.filter(status=ItemStatus.PUBLISHED, published_at__year=year)
    if organisation.report_owner_type == ReportOwnerType.GOVERNMENT:
        return items.filter(organisation__path__startswith=organisation.path).count()
    return items.filter(organisation=organisation).count()


def _table4(organisation: Organisation, year: int) -> dict[str, int]:
    from gongkai.disputes import selectors as disputes

    return disputes.table4(organisation=organisation, year=year)


def fee_figures(*, organisation: Organisation, year: int) -> FeeFigures:
    """信息处理费 in ``year``: notices sent (count, amount) and money actually paid."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    sums = FeeNotice.objects.filter(application__organisation=organisation).aggregate(
        notices=Count("id", filter=Q(sent_on__range=(first, last))),
        noticed=Sum("amount", filter=Q(sent_on__range=(first, last))),
        collected=Sum("amount", filter=Q(paid_on__range=(first, last))),
    )
    return FeeFigures(
        notices=sums["notices"] or 0,
        notice_amount_yuan=sums["noticed"] or Decimal("0"),
        collected_yuan=sums["collected"] or Decimal("0"),
    )


def _oversight(organisation: Organisation, year: int) -> SpotCheckFigures:
    figures = oversight_report_figures(organisation=organisation, year=year)
    return SpotCheckFigures(
        rounds=figures["spot_check_rounds"],
        platforms_checked=figures["checks"],
        pass_rate_percent=figures["pass_rate"],
        trainings=figures["trainings"] + figures["meetings"],
        training_participants=figures["training_participants"] + figures["meeting_participants"],
        assessments=figures["assessments"],
    )
