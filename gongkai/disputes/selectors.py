"""Reads of reconsideration and litigation cases, and table 四 (D8)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.disputes.choices import BLOCKS, COLUMNS, DisputeKind, DisputeResult
from gongkai.disputes.models import DisputeCase
from gongkai.orgs.selectors import scope_queryset

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation

TABLE4_CELLS: tuple[str, ...] = tuple(f"{b}{c}" for b in "ABC" for c in range(1, 6))


def disputes_for_organisation(*, user: User, organisation: Organisation) -> QuerySet[DisputeCase]:
    return (
        scope_queryset(DisputeCase.objects.all(), user=user)
        .filter(organisation=organisation)
        .select_related("application")
    )


def dispute_get_for_user(*, user: User, pk: int) -> DisputeCase:
    try:
        return scope_queryset(DisputeCase.objects.select_related("organisation"), user=user).get(
            pk=pk
        )
    except DisputeCase.DoesNotExist:
        raise Http404("没有找到该案件，或您无权查看。") from None


def table4(*, organisation: Organisation, year: int) -> dict[str, int]:
    """Table 四 of ``organisation`` for ``year``: the 15 cells A1..C5 (D8), one query.

    A case enters year Y if it was filed in Y or was still pending on 1 January of Y (filed
    earlier, not ended before Y). Its column is its result if it ended in Y, else 尚未审结.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    in_year = Q(filed_on__lte=last) & (
        Q(filed_on__gte=first) | Q(ended_on__isnull=True) | Q(ended_on__gte=first)
    )
    ended_in_year = Q(ended_on__gte=first, ended_on__lte=last)
    aggregates = {}
    for kind, block in BLOCKS.items():
        for result, column in COLUMNS.items():
            if result == DisputeResult.PENDING:
                condition = Q(kind=kind) & ~ended_in_year
            else:
                condition = Q(kind=kind, result=result) & ended_in_year
            aggregates[f"{block}{column}"] = Count("id", filter=condition)
    counts = DisputeCase.objects.filter(in_year, organisation=organisation).aggregate(**aggregates)
    cells = {cell: 0 for cell in TABLE4_CELLS}
    cells.update({k: int(v or 0) for k, v in counts.items()})
    for block in "ABC":
        cells[f"{block}5"] = sum(cells[f"{block}{c}"] for c in range(1, 5))
    return cells


__all__ = ["TABLE4_CELLS", "DisputeKind", "table4"]
