"""Recomputing open deadlines in bulk after the calendar changed (decision D5).

``gongkai calendar load`` (and the calendar page) call this in the loading transaction. Rows
are read as plain tuples and written with one parametrised statement per row (executemany):
model instances and Django's ``bulk_update`` (CASE expressions, quadratic on SQLite) cost more
than the working-day arithmetic itself. Every changed deadline gets a timeline event.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.calendars.selectors import work_calendar
from gongkai.foi.choices import EventKind, Phase
from gongkai.foi.deadlines import reply_clock
from gongkai.foi.models import Application, ApplicationEvent
from gongkai.workdays import WorkCalendar

if TYPE_CHECKING:
    from gongkai.accounts.models import User

_FIELDS = (
    "id", "status", "receipt_date", "corrected_receipt_date", "extension_workdays", "pauses",
    "art35_due", "art35_reason", "reply_due", "reply_due_provisional",
)  # fmt: skip


@dataclass
class _Facts:
    """The clock facts of one application (satisfies ``deadlines.ClockFacts``)."""

    id: int
    status: str
    receipt_date: dt.date
    corrected_receipt_date: dt.date | None
    extension_workdays: int
    pauses: Any
    art35_due: dt.date | None
    art35_reason: str
    reply_due: dt.date | None
    reply_due_provisional: bool


@transaction.atomic
def application_deadlines_recompute(
    *,
    actor: User | None,
    touching_year: int | None = None,
    reason: str,
    all_open: bool = False,
    batch: int = 5000,
) -> tuple[int, int]:
    """Recompute open deadlines: every provisional one, every one due in or after
    ``touching_year`` when given, or every open one (``all_open``). Returns
    (recomputed, changed)."""
    calendar = work_calendar()
    # A deadline can only move when the loaded year lies on its path, i.e. when it is due in
    # or after that year; that includes every provisional deadline the year can settle.
    # Without a year: every provisional one (``__in=[True]``: Django renders ``=True`` as a
    # bare column, which SQLite does not match against an index).
    if touching_year is not None:
        scope = Q(reply_due__gte=dt.date(touching_year, 1, 1))
    else:
        scope = Q(reply_due_provisional__in=[True])
    queryset = Application.objects.filter(phase=Phase.OPEN)
    if not all_open:
        queryset = queryset.filter(scope)
    recomputed = changed = 0
    last_id = 0
    while True:
        rows = [
            _Facts(*row)
            for row in queryset.filter(id__gt=last_id).order_by("id").values_list(*_FIELDS)[:batch]
        ]
        if not rows:
            return recomputed, changed
        last_id = rows[-1].id
        recomputed += len(rows)
        changed += _recompute(rows, calendar, actor, reason)


def _recompute(rows: list[_Facts], calendar: WorkCalendar, actor: User | None, reason: str) -> int:
    updates, events = [], []
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    label = actor.get_username() if actor else "系统"
    actor_id = actor.pk if actor else None
    for facts in rows:
        clock = reply_clock(facts, calendar)
        if (clock.due, clock.provisional) == (facts.reply_due, facts.reply_due_provisional):
            continue
        before = _d(facts.reply_due) + ("（暂定）" if facts.reply_due_provisional else "")
        updates.append((clock.due, clock.provisional, clock.explanation, facts.id))
        data = json.dumps({"before": _d(facts.reply_due), "after": _d(clock.due)})
        note = f"{reason}：{before} → {_d(clock.due)}"[:500]
        events.append(
            (facts.id, EventKind.DEADLINE_RECOMPUTED.value, facts.status, facts.status,
             actor_id, label, now, note, data)
        )  # fmt: skip
    _write(updates, events)
    return len(updates)


def _write(updates: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
    """Write changed clocks and their events. Table names are the models' own and every
    value is a parameter. PostgreSQL gets one multi-row statement per chunk (a round trip
    per row would dominate); SQLite, in-process, runs the single-row statement many times."""
    if not updates:
        return
    app_table = Application._meta.db_table
    event_table = ApplicationEvent._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(updates), _CHUNK):
            chunk = updates[start : start + _CHUNK]
            if connection.vendor == "postgresql":
                cursor.execute(_pg_update_sql(app_table, len(chunk)), [v for r in chunk for v in r])
            else:
                cursor.executemany(
                    f'UPDATE "{app_table}" SET "reply_due" = %s, "reply_due_provisional" = %s, '  # noqa: S608
                    '"deadline_explanation" = %s WHERE "id" = %s',
                    chunk,
                )
            _insert_events(cursor, event_table, events[start : start + _CHUNK])


_CHUNK = 1000
_EVENT_COLUMNS = (
    "application_id", "kind", "from_status", "to_status", "actor_id", "actor_label", "at",
    "note", "data",
)  # fmt: skip


def _insert_events(cursor: Any, table: str, rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL: COPY (several times faster than INSERT); SQLite: one multi-row INSERT."""
    columns = ", ".join(f'"{c}"' for c in _EVENT_COLUMNS)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    cursor.execute(
        f'INSERT INTO "{table}" ({columns}) VALUES '  # noqa: S608
        + ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(rows)),
        [v for r in rows for v in r],
    )


def _pg_update_sql(table: str, rows: int) -> str:
    values = ", ".join(["(%s::date, %s::boolean, %s::text, %s::bigint)"] * rows)
    return (
        f'UPDATE "{table}" AS a SET "reply_due" = v.due, "reply_due_provisional" = v.prov, '  # noqa: S608
        f'"deadline_explanation" = v.expl FROM (VALUES {values}) AS v(due, prov, expl, id) '
        'WHERE a."id" = v.id'
    )


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"
