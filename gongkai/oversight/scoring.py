"""Scoring of website and new-media spot checks (国办秘函〔2019〕19号, spec §5). Pure: no Django.

The rules, in the order they are applied:

1. Any single-veto item (单项否决) found makes the platform 不合格 and stops scoring.
2. Part 2 (扣分指标) starts from its total (100); each indicator deducts the points recorded
   for it, but never more than the points allocated to it.
3. Part 2 below 60 is 不合格; 60 or more is 合格.
4. Only when Part 2 is strictly above 80, and only for portals, the bonus part (加分, 30) is
   scored (each bonus item capped at its points) and the final score is Part 2 + Part 3.

The indicator sheet is data (:class:`Sheet`, loaded from JSON by :func:`sheet_from_dict`), so a
province can load its own. Points are ``Decimal`` so that 59.5 and 80.5 compare exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

PASS_MARK = Decimal(60)  # Part 2 below this fails
BONUS_MARK = Decimal(80)  # Part 2 strictly above this counts the bonus part

VARIANTS = ("website", "new_media")
VERDICT_PASS = "pass"  # noqa: S105  a verdict, not a password
VERDICT_FAIL = "fail"


class SheetError(ValueError):
    """The sheet data is not a valid indicator sheet; the message says where and why (Chinese)."""


@dataclass(frozen=True)
class Item:
    """One indicator: a veto item (points 0), a deduction indicator or a bonus item."""

    code: str
    label: str
    points: Decimal = Decimal(0)
    group: str = ""
    description: str = ""


@dataclass(frozen=True)
class Sheet:
    """A versioned indicator sheet for one variant (websites or new media)."""

    code: str
    version: str
    title: str
    variant: str
    vetoes: tuple[Item, ...]
    deductions: tuple[Item, ...]
    bonuses: tuple[Item, ...] = ()
    part2_total: Decimal = Decimal(100)
    bonus_total: Decimal = Decimal(0)
    notes: str = ""

    def item(self, code: str) -> Item | None:
        for item in (*self.vetoes, *self.deductions, *self.bonuses):
            if item.code == code:
                return item
        return None

    def kind_of(self, code: str) -> str | None:
        """``veto``, ``deduction`` or ``bonus`` for a known item code, else None."""
        for kind, items in (
            ("veto", self.vetoes),
            ("deduction", self.deductions),
            ("bonus", self.bonuses),
        ):
            if any(item.code == code for item in items):
                return kind
        return None

    @property
    def groups(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.deductions:
            seen.setdefault(item.group, None)
        return tuple(seen)


@dataclass(frozen=True)
class Recorded:
    """What the inspector recorded for one platform: veto items found, points deducted per
    indicator, bonus points per item. Several findings on one indicator are summed."""

    vetoes: frozenset[str] = frozenset()
    deductions: Mapping[str, Decimal] = field(default_factory=dict)
    bonuses: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """Computed score and verdict. ``part2`` and ``total`` are None when a veto stopped scoring."""

    verdict: str
    part2: Decimal | None
    bonus: Decimal | None
    total: Decimal | None
    vetoes: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.verdict == VERDICT_PASS


def score(sheet: Sheet, recorded: Recorded, *, is_portal: bool) -> Result:
    """Apply the §5 rules to ``recorded`` against ``sheet``; see the module docstring."""
    _check_codes(sheet, recorded)
    vetoes = tuple(item.code for item in sheet.vetoes if item.code in recorded.vetoes)
    if vetoes:
        labels = "、".join(_label(sheet, code) for code in vetoes)
        return Result(VERDICT_FAIL, None, None, None, vetoes, (f"单项否决：{labels}",))
    part2 = sheet.part2_total - _capped_sum(sheet.deductions, recorded.deductions)
    if part2 < PASS_MARK:
        reason = f"扣分指标得分 {_fmt(part2)} 分，低于 {_fmt(PASS_MARK)} 分"
        return Result(VERDICT_FAIL, part2, None, part2, (), (reason,))
    bonus: Decimal | None = None
    total = part2
    reasons = [f"扣分指标得分 {_fmt(part2)} 分"]
    if part2 > BONUS_MARK and is_portal and sheet.bonuses:
        bonus = min(_capped_sum(sheet.bonuses, recorded.bonuses), sheet.bonus_total)
        total = part2 + bonus
        reasons.append(f"高于 {_fmt(BONUS_MARK)} 分，计加分 {_fmt(bonus)} 分")
    elif recorded.bonuses and any(recorded.bonuses.values()):
        reasons.append("加分项不计（仅门户网站且扣分指标得分高于 80 分时计入）")
    return Result(VERDICT_PASS, part2, bonus, total, (), tuple(reasons))


def _capped_sum(items: tuple[Item, ...], recorded: Mapping[str, Decimal]) -> Decimal:
    """Sum of recorded points, each indicator capped at its allocated points (and at 0)."""
    total = Decimal(0)
    for item in items:
        points = recorded.get(item.code, Decimal(0))
        total += min(max(points, Decimal(0)), item.points)
    return total


def _check_codes(sheet: Sheet, recorded: Recorded) -> None:
    unknown = (
        {c for c in recorded.vetoes if sheet.kind_of(c) != "veto"}
        | {c for c in recorded.deductions if sheet.kind_of(c) != "deduction"}
        | {c for c in recorded.bonuses if sheet.kind_of(c) != "bonus"}
    )
    if unknown:
        raise SheetError(f"指标表 {sheet.code} 中没有这些指标：{'、'.join(sorted(unknown))}")


def _label(sheet: Sheet, code: str) -> str:
    item = sheet.item(code)
    return item.label if item else code


def _fmt(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- Annual assessment (年度考核) -----------------------------------------------------------------


def deduction_score(*, points: Decimal, per_item: Decimal, count: int) -> Decimal:
    """An assessment indicator scored by counting problems: ``points`` less ``per_item`` for
    each one, never below zero (扣完为止)."""
    if count < 0:
        raise ValueError("count must not be negative")
    return max(points - per_item * count, Decimal(0))


@dataclass(frozen=True)
class AssessmentIndicator:
    """One line of an annual assessment sheet. ``provider`` names an automatic indicator
    (``indicators.py``); ``per_item`` is deducted per counted problem. Manual lines have
    neither and are scored by hand between 0 and ``points``."""

    code: str
    label: str
    points: Decimal
    provider: str = ""
    per_item: Decimal = Decimal(0)

    @property
    def automatic(self) -> bool:
        return bool(self.provider)


def assessment_indicators_from_list(data: Any) -> tuple[AssessmentIndicator, ...]:
    """Validate the ``indicators`` JSON of an assessment sheet (clear Chinese errors)."""
    if not isinstance(data, list) or not data:
        raise SheetError("考核指标必须是非空的列表。")
    out = []
    for n, entry in enumerate(data, start=1):
        place = f"考核指标第 {n} 项"
        if not isinstance(entry, dict):
            raise SheetError(f"{place}：必须是对象。")
        points = _decimal(entry.get("points"), f"{place} points")
        provider = str(entry.get("provider", "") or "")
        per_item = _decimal(entry.get("per_item", 0), f"{place} per_item")
        if points <= 0 or per_item < 0:
            raise SheetError(f"{place}：分值必须大于 0，每项扣分不能为负。")
        if provider and per_item == 0:
            raise SheetError(f"{place}：自动指标需要 per_item（每个问题扣几分）。")
        code, label = _text(entry, "code", place), _text(entry, "label", place)
        out.append(AssessmentIndicator(code, label, points, provider, per_item))
    _check_unique("考核指标", tuple(Item(i.code, i.label) for i in out))
    return tuple(out)


def rank(totals: Mapping[str, Decimal | None]) -> dict[str, int | None]:
    """Competition ranking (1, 2, 2, 4) by total, highest first; incomplete totals unranked."""
    scored = sorted((t for t in totals.values() if t is not None), reverse=True)
    return {
        key: (scored.index(total) + 1 if total is not None else None)
        for key, total in totals.items()
    }


# --- Loading sheets from data -----------------------------------------------------------------


def sheet_from_dict(data: Any) -> Sheet:
    """Build and validate a sheet from parsed JSON; raise :class:`SheetError` with a clear
    Chinese message naming the place of the first problem."""
    if not isinstance(data, dict):
        raise SheetError("指标表必须是一个 JSON 对象。")
    code = _text(data, "code", "指标表")
    where = f"指标表 {code}"
    variant = _text(data, "variant", where)
    if variant not in VARIANTS:
        raise SheetError(f"{where}：variant 必须是 {' 或 '.join(VARIANTS)}，而不是 {variant!r}。")
    vetoes = _items(data, "vetoes", where, with_points=False)
    deductions = _items(data, "deductions", where, with_points=True, with_group=True)
    bonuses = _items(data, "bonuses", where, with_points=True, required=False)
    part2_total = _decimal(data.get("part2_total", 100), f"{where} part2_total")
    bonus_total = _decimal(data.get("bonus_total", 0), f"{where} bonus_total")
    _check_totals(where, deductions, bonuses, part2_total, bonus_total)
    _check_unique(where, (*vetoes, *deductions, *bonuses))
    return Sheet(
        code=code,
        version=_text(data, "version", where),
        title=_text(data, "title", where),
        variant=variant,
        vetoes=vetoes,
        deductions=deductions,
        bonuses=bonuses,
        part2_total=part2_total,
        bonus_total=bonus_total,
        notes=str(data.get("notes", "")),
    )


def sheet_to_dict(sheet: Sheet) -> dict[str, Any]:
    """The JSON form of ``sheet`` (inverse of :func:`sheet_from_dict`)."""

    def item(i: Item, *, points: bool, group: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"code": i.code, "label": i.label}
        if points:
            out["points"] = _fmt(i.points)
        if group:
            out["group"] = i.group
        if i.description:
            out["description"] = i.description
        return out

    return {
        "code": sheet.code,
        "version": sheet.version,
        "title": sheet.title,
        "variant": sheet.variant,
        "part2_total": _fmt(sheet.part2_total),
        "bonus_total": _fmt(sheet.bonus_total),
        "notes": sheet.notes,
        "vetoes": [item(i, points=False, group=False) for i in sheet.vetoes],
        "deductions": [item(i, points=True, group=True) for i in sheet.deductions],
        "bonuses": [item(i, points=True, group=False) for i in sheet.bonuses],
    }


def _check_totals(
    where: str,
    deductions: tuple[Item, ...],
    bonuses: tuple[Item, ...],
    part2_total: Decimal,
    bonus_total: Decimal,
) -> None:
    allocated = sum((i.points for i in deductions), Decimal(0))
    if allocated != part2_total:
        raise SheetError(
            f"{where}：扣分指标分值合计 {_fmt(allocated)}，应等于 part2_total {_fmt(part2_total)}。"
        )
    bonus_sum = sum((i.points for i in bonuses), Decimal(0))
    if bonuses and bonus_sum != bonus_total:
        raise SheetError(
            f"{where}：加分指标分值合计 {_fmt(bonus_sum)}，应等于 bonus_total {_fmt(bonus_total)}。"
        )


def _check_unique(where: str, items: tuple[Item, ...]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            raise SheetError(f"{where}：指标代码 {item.code} 重复。")
        seen.add(item.code)


def _items(
    data: dict[str, Any],
    key: str,
    where: str,
    *,
    with_points: bool,
    with_group: bool = False,
    required: bool = True,
) -> tuple[Item, ...]:
    raw = data.get(key, [])
    if not isinstance(raw, list) or (required and not raw):
        raise SheetError(f"{where}：{key} 必须是非空的列表。")
    items = []
    for n, entry in enumerate(raw, start=1):
        place = f"{where} {key} 第 {n} 项"
        if not isinstance(entry, dict):
            raise SheetError(f"{place}：必须是对象。")
        points = Decimal(0)
        if with_points:
            points = _decimal(entry.get("points"), f"{place} points")
            if points <= 0:
                raise SheetError(f"{place}：points 必须大于 0。")
        items.append(
            Item(
                code=_text(entry, "code", place),
                label=_text(entry, "label", place),
                points=points,
                group=_text(entry, "group", place) if with_group else "",
                description=str(entry.get("description", "")),
            )
        )
    return tuple(items)


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SheetError(f"{where}：缺少 {key}（非空文本）。")
    return value.strip()


def _decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise SheetError(f"{where}：必须是数字。")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise SheetError(f"{where}：{value!r} 不是数字。") from None
    if not number.is_finite():
        raise SheetError(f"{where}：{value!r} 不是有限的数字。")
    return number
