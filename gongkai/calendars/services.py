"""Loading a year of the State Council holiday notice (decision D5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from gongkai.audit.services import audit_record
from gongkai.calendars.models import CalendarYear
from gongkai.core.errors import ApplicationError
from gongkai.workdays import CalendarFormatError, parse_year_file

if TYPE_CHECKING:
    from gongkai.accounts.models import User


@dataclass(frozen=True)
class LoadResult:
    """What loading a year did: the row, and how many open deadlines were recomputed."""

    calendar_year: CalendarYear
    created: bool
    recomputed: int
    changed: int


@transaction.atomic
def calendar_year_load(*, text: str, actor: User | None) -> LoadResult:
    """Store (or replace) one year and recompute every open provisional deadline (D5).

    The recomputation runs in the same transaction, so a year is never loaded without its
    deadlines following it.
    """
    try:
        year_calendar = parse_year_file(text)
    except CalendarFormatError as error:
        raise ApplicationError(f"日历文件有误：{error}", code="calendar_format") from None
    row, created = CalendarYear.objects.update_or_create(
        year=year_calendar.year,
        defaults={"source": year_calendar.source, "text": text, "loaded_by": actor},
    )
    audit_record(
        actor=actor,
        action="calendars.load",
        obj=row,
        after={"year": row.year, "source": row.source, "created": created},
        actor_label="cli",
    )
    # The deadlines of the domains that count working days follow the calendar (D5).
    from gongkai.foi.recompute import application_deadlines_recompute

    recomputed, changed = application_deadlines_recompute(
        actor=actor, touching_year=row.year, reason=f"载入{row.year}年日历（{row.source}）"
    )
    return LoadResult(row, created, recomputed, changed)
