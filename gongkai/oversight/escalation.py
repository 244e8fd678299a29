"""When an overdue rectification escalates (督办 → 通报 → 约谈). Pure: no Django import.

条例第47条 names 督促整改 and 通报批评; 约谈 (a talk with the unit's leaders) is common local
practice [P]. The thresholds are working days past the deadline and are configurable
(setting ``OVERSIGHT_ESCALATION_WORKDAYS``); the defaults are Gongkai's documented choice:
督办 on the first working day after the deadline, 通报 five working days later, 约谈 five more.
"""

from __future__ import annotations

import datetime as dt

from gongkai.workdays import WorkCalendar

DEFAULT_THRESHOLDS: tuple[int, int, int] = (1, 6, 11)


def workdays_overdue(*, due: dt.date, today: dt.date, calendar: WorkCalendar) -> int:
    """Working days d with due < d <= today (0 when not yet overdue)."""
    return calendar.count_workdays(after=due, through=today)


def target_level(
    *,
    due: dt.date,
    today: dt.date,
    calendar: WorkCalendar,
    thresholds: tuple[int, ...] = DEFAULT_THRESHOLDS,
) -> int:
    """The escalation level a task still open on ``today`` should have: 0 (none) up to
    ``len(thresholds)``; level k is reached after ``thresholds[k-1]`` overdue working days."""
    overdue = workdays_overdue(due=due, today=today, calendar=calendar)
    return sum(1 for threshold in thresholds if overdue >= threshold)
