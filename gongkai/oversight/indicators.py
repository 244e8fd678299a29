"""Automatic annual-assessment indicators: a registry of named providers.

A provider answers one question about one organisation in one year, e.g. "how many
applications were replied to late?", as an :class:`IndicatorValue` (a count of problems), or
``None`` when the platform cannot know ("not available — enter by hand").

Providers backed by other domains call only their public selectors (conventions C1), found at
run time so that this app works before those domains are in. The contract, for their authors:

======================  =================================================================
provider                function looked up (keyword-only, returns ``int``)
======================  =================================================================
``foi_late_replies``    ``gongkai.foi.selectors.late_replies_count(*, organisation, year)``
                        applications closed in ``year`` whose reply came after the deadline
``catalog_late_items``  ``gongkai.catalog.selectors.late_publications_count(*, organisation,
                        year)``: items published in ``year`` later than 条例第26条 allows
``report_late``         ``gongkai.reports.selectors.annual_report_late_count(*, organisation,
                        year)``: 1 if the report on ``year - 1`` was published after its
                        第49条 deadline (or not at all), else 0
``report_errors``       ``gongkai.reports.selectors.annual_report_error_count(*,
                        organisation, year)``: error findings of the report on ``year - 1``
======================  =================================================================

``spot_check_failures`` and ``rectification_overdue`` read this app's own data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import F, Q

from gongkai.oversight.choices import EscalationLevel, Verdict

if TYPE_CHECKING:
    from gongkai.orgs.models import Organisation


@dataclass(frozen=True)
class IndicatorValue:
    """What a provider knows: a count of problems, with a short explanation."""

    count: int
    detail: str = ""


Provider = Callable[["Organisation", int], "IndicatorValue | None"]


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    label: str
    provider: Provider


_REGISTRY: dict[str, IndicatorSpec] = {}


def register(name: str, label: str) -> Callable[[Provider], Provider]:
    """Decorator: register ``provider`` under ``name`` (replacing any earlier one)."""

    def decorate(provider: Provider) -> Provider:
        _REGISTRY[name] = IndicatorSpec(name=name, label=label, provider=provider)
        return provider

    return decorate


@contextmanager
def registered(name: str, label: str, provider: Provider) -> Iterator[None]:
    """Register ``provider`` for the duration of a ``with`` block (tests, one-off imports)."""
    previous = _REGISTRY.get(name)
    register(name, label)(provider)
    try:
        yield
    finally:
        if previous is None:
            _REGISTRY.pop(name, None)
        else:
            _REGISTRY[name] = previous


def providers() -> dict[str, IndicatorSpec]:
    return dict(_REGISTRY)


def compute(name: str, *, organisation: Organisation, year: int) -> IndicatorValue | None:
    """The provider's answer, or None when there is no such provider or it cannot know."""
    spec = _REGISTRY.get(name)
    if spec is None:
        return None
    return spec.provider(organisation, year)


def optional_function(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` if that domain is installed and offers it, else None. An import error
    *inside* an existing module is a bug and is not hidden."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name and module.startswith(error.name):
            return None
        raise
    function = getattr(loaded, name, None)
    return function if callable(function) else None


def _external(module: str, function: str, what: str) -> Provider:
    def provider(organisation: Organisation, year: int) -> IndicatorValue | None:
        found = optional_function(module, function)
        if found is None:
            return None
        count = int(found(organisation=organisation, year=year))
        return IndicatorValue(count=count, detail=f"{what} {count} 件")

    return provider


register("foi_late_replies", "依申请公开逾期答复")(
    _external("gongkai.foi.selectors", "late_replies_count", "逾期答复")
)
register("catalog_late_items", "主动公开信息逾期发布（条例第26条）")(
    _external("gongkai.catalog.selectors", "late_publications_count", "逾期发布")
)
register("report_late", "年度报告逾期公布（条例第49条）")(
    _external("gongkai.reports.selectors", "annual_report_late_count", "逾期公布")
)
register("report_errors", "年度报告校验错误")(
    _external("gongkai.reports.selectors", "annual_report_error_count", "错误")
)


@register("spot_check_failures", "网站与新媒体抽查不合格")
def spot_check_failures(organisation: Organisation, year: int) -> IndicatorValue:
    from gongkai.oversight.models import CheckRecord

    count = CheckRecord.objects.filter(
        platform__organisation=organisation, round__year=year, verdict=Verdict.FAIL
    ).count()
    return IndicatorValue(count=count, detail=f"抽查不合格 {count} 次")


@register("rectification_overdue", "整改逾期")
def rectification_overdue(organisation: Organisation, year: int) -> IndicatorValue:
    """Tasks due in ``year`` that were answered late or escalated for being late."""
    from gongkai.oversight.models import Rectification

    count = (
        Rectification.objects.filter(organisation=organisation, due_on__year=year)
        .filter(Q(level__gt=EscalationLevel.NONE) | Q(first_answered_on__gt=F("due_on")))
        .count()
    )
    return IndicatorValue(count=count, detail=f"整改逾期 {count} 件")
