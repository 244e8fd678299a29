"""Working-day periods: ``wd_after`` and the ``Deadline`` it returns (decisions D1, D2, D5).

- D1: the start day is not counted. The deadline of an N-working-day period is the N-th working
  day strictly after the start date; a non-working start counts from the next working day, so
  ``wd_after(Saturday, 1)`` is the following Monday. (The general rule that the starting day is
  not counted, 《民法典》第201条, applied by convention.) The package's ``find_workday`` is one
  day late for non-working starts and is deliberately not used.
- D2: a working day inside a pause ``[pause_start, pause_end]`` does not count (条例第33条第3款:
  consultation time is not counted). Both ends are inclusive by default; an organisation may
  exclude the end day. Overlapping pauses exclude a day once.
- D5: days in a year without holiday data are counted Monday–Friday and the result is marked
  provisional, never silently final.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from gongkai.workdays.workcalendar import WorkCalendar


class Pause(NamedTuple):
    """A period that stops the clock (D2): from the day a letter or notice is sent to the day
    the answer or payment arrives or the consultation period runs out."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Deadline:
    """The end of a working-day period, with what a case page needs to explain it."""

    due: dt.date
    provisional: bool  # D5: some counted day lies in a year without holiday data
    calendar_sources: tuple[str, ...]  # notice references / package version of the years walked
    start: dt.date  # the day after which counting starts (not itself counted, D1)
    workdays: int  # N, the length of the period in working days
    pauses: tuple[Pause, ...] = ()  # as given, before merging (D2)
    paused_workdays: int = 0  # working days skipped because they fell inside a pause
    provisional_years: tuple[int, ...] = ()
    pause_end_inclusive: bool = True
    basis: str = ""  # legal basis, e.g. "条例第33条", set by the statutory clocks

    @property
    def explanation(self) -> str:
        """A one-paragraph Chinese explanation for case pages."""
        parts = [f"自{self.start.isoformat()}（当日不计）起算{self.workdays}个工作日"]
        if self.basis:
            parts[0] = f"依{self.basis}，{parts[0]}"
        if self.paused_workdays:
            parts.append(f"暂停期间（{self._pause_text()}）的{self.paused_workdays}个工作日不计入")
        parts.append(f"届满日为{self.due.isoformat()}")
        if self.provisional:
            years = "、".join(f"{year}年" for year in self.provisional_years)
            parts.append(f"{years}节假日安排尚未载入，按周一至周五暂定计算，载入后将重新计算")
        if self.calendar_sources:
            parts.append(f"日历依据：{'；'.join(self.calendar_sources)}")
        return "，".join(parts) + "。"

    def _pause_text(self) -> str:
        end_rule = "含首尾日" if self.pause_end_inclusive else "含首日、不含尾日"
        spans = "、".join(f"{p.start.isoformat()}至{p.end.isoformat()}" for p in self.pauses)
        return f"{spans}，{end_rule}"


def wd_after(
    start: dt.date,
    n: int,
    pauses: Iterable[tuple[dt.date, dt.date]] = (),
    *,
    calendar: WorkCalendar,
    pause_end_inclusive: bool = True,
) -> Deadline:
    """The n-th working day strictly after ``start``, not counting paused working days.

    D1: ``start`` itself never counts. D2: working days in any pause are skipped (each once).
    D5: if any day walked lies in a year without data the result is provisional.
    """
    if n < 1:
        raise ValueError(f"a working-day period needs n >= 1, got {n}")
    given = tuple(Pause(*pause) for pause in pauses)
    spans = _merge(_effective_spans(given, end_inclusive=pause_end_inclusive))
    due, skipped = _due_with_pauses(calendar, start.toordinal(), n, spans)
    years = range(_year(start.toordinal() + 1), _year(due) + 1)  # the days walked: (start, due]
    unknown = tuple(year for year in years if not calendar.known(year))
    return Deadline(
        due=dt.date.fromordinal(due),
        provisional=bool(unknown),
        calendar_sources=_sources(calendar, years),
        start=start,
        workdays=n,
        pauses=given,
        paused_workdays=skipped,
        provisional_years=unknown,
        pause_end_inclusive=pause_end_inclusive,
    )


_Span = tuple[int, int]  # inclusive ordinals of paused days


def _due_with_pauses(
    calendar: WorkCalendar, start: int, n: int, spans: list[_Span]
) -> tuple[int, int]:
    """(due ordinal, paused working days skipped).

    Find the least ``s`` with ``s == paused(start, advance(start, n + s))``; iterating from 0
    reaches it because both functions are monotone, and at that point the due day is not paused.
    """
    skipped = 0
    due = _advance(calendar, start, n)
    while spans:
        paused = _paused_workdays(calendar, start, due, spans)
        if paused == skipped:
            break
        skipped = paused
        due = _advance(calendar, start, n + skipped)
    return due, skipped


def _advance(calendar: WorkCalendar, start: int, n: int) -> int:
    """Ordinal of the n-th working day strictly after ordinal ``start`` (D1)."""
    year = _year(start)
    while True:
        ordinals = calendar.index(year).ordinals
        first = bisect_right(ordinals, start)
        available = len(ordinals) - first
        if n <= available:
            return ordinals[first + n - 1]
        n -= available
        year += 1


def _paused_workdays(calendar: WorkCalendar, start: int, due: int, spans: list[_Span]) -> int:
    """Working days d with start < d <= due that fall inside a (merged) pause span."""
    total = 0
    for low, high in spans:
        after, through = max(start, low - 1), min(due, high)
        if through > after:
            total += calendar.count_workdays(
                after=dt.date.fromordinal(after), through=dt.date.fromordinal(through)
            )
    return total


def _effective_spans(pauses: tuple[Pause, ...], *, end_inclusive: bool) -> list[_Span]:
    """Inclusive ordinal spans of paused days; D2's configurable end day applied here."""
    spans = []
    for pause in pauses:
        if pause.end < pause.start:
            raise ValueError(f"pause ends ({pause.end}) before it starts ({pause.start})")
        last = pause.end.toordinal() - (0 if end_inclusive else 1)
        if last >= pause.start.toordinal():
            spans.append((pause.start.toordinal(), last))
    return spans


def _merge(spans: list[_Span]) -> list[_Span]:
    """Overlapping or touching spans merged, so a day is excluded once (D2)."""
    merged: list[_Span] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _sources(calendar: WorkCalendar, years: range) -> tuple[str, ...]:
    found = (calendar.source(year) for year in years)
    return tuple(dict.fromkeys(source for source in found if source is not None))


def _year(ordinal: int) -> int:
    return dt.date.fromordinal(ordinal).year
