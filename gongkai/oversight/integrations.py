"""The supervisor's home page reads the other domains through their public selectors only
(conventions C1), looked up at run time: a domain that is not installed, or whose selector is
missing or has changed its signature, shows "—" instead of breaking the page (the mismatch is
logged so that it gets fixed).

Used selectors:

- ``gongkai.foi.selectors.application_queue(*, user, organisation, today, filters)`` with
  ``QueueFilter(due="overdue" | "soon")``: applications overdue or due soon;
- ``gongkai.catalog.selectors.timeliness_dashboard(*, user, today, year)``: items published
  late this year plus unpublished items past their 条例第26条 due date;
- ``gongkai.reports.selectors.dashboard_rows(*, organisation, year)``: last year's annual
  report of every organisation of the subtree, its status and deadline.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from gongkai.oversight.indicators import optional_function

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation

log = logging.getLogger(__name__)


def url(name: str, *args: Any, query: str = "") -> str:
    try:
        path = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{path}?{query}" if query else path


def _call(module: str, name: str, then: Callable[[Any], Any] = lambda r: r, **kwargs: Any) -> Any:
    """``then(module.name(**kwargs))``, or None when the function is missing or fails.

    This is a deliberate isolation boundary: the supervisor's page must not break because
    another domain is broken or has changed; the failure is logged with its traceback. A
    savepoint keeps a failed query from poisoning the surrounding transaction."""
    function = optional_function(module, name)
    if function is None:
        return None
    try:
        with transaction.atomic():
            return then(function(**kwargs))
    except Exception:
        log.exception("oversight: %s.%s no longer matches the documented call", module, name)
        return None


def foi_due_counts(
    *, user: User, organisation: Organisation, today: dt.date
) -> tuple[int | None, int | None]:
    """(overdue, due soon) open applications of ``organisation``; None when unknown."""
    queue_filter = optional_function("gongkai.foi.selectors", "QueueFilter")
    if queue_filter is None:
        return None, None
    counts = []
    for due in ("overdue", "soon"):
        count = _call(
            "gongkai.foi.selectors",
            "application_queue",
            then=lambda queryset: int(queryset.count()),
            user=user,
            organisation=organisation,
            today=today,
            filters=queue_filter(due=due),
        )
        counts.append(count)
    return counts[0], counts[1]


def catalog_late_counts(*, user: User, today: dt.date) -> dict[int, int] | None:
    """Per organisation id: items published late this year plus pending items past due."""
    rows = _call(
        "gongkai.catalog.selectors", "timeliness_dashboard", user=user, today=today, year=today.year
    )
    if rows is None:
        return None
    try:
        return {row.organisation.pk: row.late + row.pending_overdue for row in rows}
    except AttributeError:
        log.exception("oversight: catalog timeliness rows changed shape")
        return None


def report_statuses(*, roots: Iterable[Organisation], year: int) -> dict[int, str] | None:
    """Per organisation id: the status of its annual report on ``year`` (未编制 if none)."""
    statuses: dict[int, str] = {}
    for root in roots:
        found = _call(
            "gongkai.reports.selectors",
            "dashboard_rows",
            then=_statuses,
            organisation=root,
            year=year,
        )
        if found is None:
            return None
        statuses.update(found)
    return statuses


def _statuses(rows: Iterable[Any]) -> dict[int, str]:
    return {
        row.organisation.pk: row.report.get_status_display() if row.report else "未编制"
        for row in rows
    }
