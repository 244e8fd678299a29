"""Which days are working days (工作日): bundled State Council data plus administrator overlays.

A working day is Monday–Friday, minus the public holidays of that year's State Council notice
(国务院办公厅关于…年部分节假日安排的通知), plus the weekend days the notice makes working days
(调休上班). The bundled data comes from the ``chinesecalendar`` package (2004–2026); an
administrator can load further years, or corrections, from the notice. A loaded year replaces the
bundled year entirely (the overlay wins).

For a year with no data at all, nothing is guessed silently (decision D5): ``is_workday`` raises
``UnknownYearError`` unless the caller explicitly asks for the provisional Monday–Friday rule, and
``wd_after`` marks such deadlines provisional.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]  # no py.typed

BUNDLED_SOURCE = f"chinesecalendar {chinese_calendar.__version__}"


class UnknownYearError(LookupError):
    """Raised when a day of a year without holiday data is looked up non-provisionally."""


@dataclass(frozen=True)
class YearCalendar:
    """One calendar year of the State Council holiday notice.

    ``holidays`` are the rest days of the statutory holidays (weekend days inside a holiday
    period may be listed or not; either way they are not working days). ``adjusted_workdays`` are
    the weekend days made working days (调休上班). ``source`` is the notice reference, e.g.
    ``国办发明电〔2025〕7号``, or the bundled package name and version.
    """

    year: int
    holidays: frozenset[dt.date]
    adjusted_workdays: frozenset[dt.date]
    source: str
    _workday_ordinals: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _check_in_year(year=self.year, days=self.holidays | self.adjusted_workdays)
        both = self.holidays & self.adjusted_workdays
        if both:
            raise ValueError(f"{_iso(min(both))} is both a holiday and a working day")
        if not self.source.strip():
            raise ValueError(f"calendar year {self.year} needs a source (notice reference)")
        ordinals = tuple(
            day.toordinal() for day in _days_of(self.year) if self._is_workday_unchecked(day)
        )
        object.__setattr__(self, "_workday_ordinals", ordinals)

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` (which must fall in this year) is a working day."""
        _check_in_year(year=self.year, days=(day,))
        return self._is_workday_unchecked(day)

    def _is_workday_unchecked(self, day: dt.date) -> bool:
        if day in self.adjusted_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    @property
    def workday_ordinals(self) -> tuple[int, ...]:
        """Sorted ``date.toordinal()`` values of every working day in the year."""
        return self._workday_ordinals


@dataclass(frozen=True)
class YearIndex:
    """Sorted working-day ordinals of one year, with where they came from."""

    ordinals: tuple[int, ...]
    source: str | None  # None: no data, Monday–Friday used provisionally (D5)


class WorkCalendar:
    """Immutable working-day calendar: known years with fast lookups, unknown years provisional.

    Build it with :meth:`bundled` (package data plus overlays) or directly from ``YearCalendar``
    objects. Lookups are per-year sorted arrays searched with ``bisect``, so counting N working
    days costs a few binary searches rather than a walk over N days.
    """

    def __init__(self, years: Iterable[YearCalendar] = ()) -> None:
        self._years: dict[int, YearCalendar] = {}
        for year_calendar in years:
            self._years[year_calendar.year] = year_calendar  # later entries win
        self._index: dict[int, YearIndex] = {
            year: YearIndex(year_calendar.workday_ordinals, year_calendar.source)
            for year, year_calendar in self._years.items()
        }

    @classmethod
    def bundled(cls, overlays: Iterable[YearCalendar] = ()) -> WorkCalendar:
        """The ``chinesecalendar`` data (2004–2026), with ``overlays`` replacing whole years."""
        return cls((*bundled_years(), *overlays))

    def with_overlays(self, overlays: Iterable[YearCalendar]) -> WorkCalendar:
        """A new calendar where each overlay replaces the year it covers."""
        return WorkCalendar((*self._years.values(), *overlays))

    @property
    def years(self) -> tuple[int, ...]:
        """The years with data, ascending."""
        return tuple(sorted(self._years))

    def known(self, year: int) -> bool:
        """Whether holiday data exists for ``year``."""
        return year in self._years

    def source(self, year: int) -> str | None:
        """The notice reference or package version behind ``year``; None when unknown."""
        year_calendar = self._years.get(year)
        return year_calendar.source if year_calendar else None

    def year(self, year: int) -> YearCalendar | None:
        """The data of ``year``, or None when unknown."""
        return self._years.get(year)

    def is_workday(self, day: dt.date, *, allow_provisional: bool = False) -> bool:
        """Whether ``day`` is a working day.

        For a year without data this raises ``UnknownYearError`` unless ``allow_provisional``,
        in which case Monday–Friday is assumed (D5: the caller must then show it as provisional).
        """
        year_calendar = self._years.get(day.year)
        if year_calendar is not None:
            return year_calendar.is_workday(day)
        if not allow_provisional:
            raise UnknownYearError(f"no holiday data for {day.year}; load the State Council notice")
        return day.weekday() < 5

    def index(self, year: int) -> YearIndex:
        """Sorted working-day ordinals of ``year`` (provisional Monday–Friday when unknown)."""
        cached = self._index.get(year)
        if cached is None:  # unknown year: Monday–Friday, marked provisional by the caller (D5)
            cached = YearIndex(_weekday_ordinals(year), None)
            self._index[year] = cached
        return cached

    def count_workdays(self, *, after: dt.date, through: dt.date) -> int:
        """Working days d with ``after < d <= through`` (provisional rule for unknown years)."""
        if through <= after:
            return 0
        low, high = after.toordinal(), through.toordinal()
        total = 0
        for year in range(after.year, through.year + 1):
            ordinals = self.index(year).ordinals
            total += bisect_right(ordinals, high) - bisect_right(ordinals, low)
        return total

    def __repr__(self) -> str:
        years = self.years
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return f"<WorkCalendar {span}, {len(years)} years>"


@cache
def bundled_years() -> tuple[YearCalendar, ...]:
    """Every year of the ``chinesecalendar`` package as ``YearCalendar`` objects."""
    holidays = _group_by_year(chinese_calendar.holidays)
    workdays = _group_by_year(chinese_calendar.workdays)
    return tuple(
        YearCalendar(
            year=year,
            holidays=frozenset(holidays.get(year, ())),
            adjusted_workdays=frozenset(workdays.get(year, ())),
            source=BUNDLED_SOURCE,
        )
        for year in range(min(holidays), max(holidays) + 1)
    )


def _group_by_year(days: Iterable[dt.date] | Mapping[dt.date, object]) -> dict[int, set[dt.date]]:
    grouped: dict[int, set[dt.date]] = {}
    for day in days:
        grouped.setdefault(day.year, set()).add(day)
    return grouped


@cache
def _weekday_ordinals(year: int) -> tuple[int, ...]:
    return tuple(day.toordinal() for day in _days_of(year) if day.weekday() < 5)


def _days_of(year: int) -> Iterable[dt.date]:
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    return (dt.date.fromordinal(ordinal) for ordinal in range(first, last + 1))


def _check_in_year(*, year: int, days: Iterable[dt.date]) -> None:
    outside = [day for day in days if day.year != year]
    if outside:
        raise ValueError(f"{_iso(min(outside))} is outside the calendar year {year}")


def _iso(day: dt.date) -> str:
    return day.isoformat()


__all__ = [
    "BUNDLED_SOURCE",
    "UnknownYearError",
    "WorkCalendar",
    "YearCalendar",
    "YearIndex",
    "bundled_years",
]
