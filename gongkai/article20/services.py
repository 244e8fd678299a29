"""Entering and importing Article 20 statistics (issue: 年度报告 from live data, point 2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import IO, TYPE_CHECKING

from django.db import transaction

from gongkai.article20.choices import Source
from gongkai.article20.models import Article20Return
from gongkai.audit.services import audit_record
from gongkai.core.errors import ConflictError
from gongkai.core.tabular import parse_count, parse_decimal, read_table
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import access_scope, require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User

EDITOR_ROLES = frozenset({Role.ORG_ADMIN, Role.OFFICE_HEAD, Role.HANDLER})
FIELDS = ("licensing", "penalty", "coercion", "fee_wan_yuan")
IMPORT_COLUMNS = {
    "code": ("机关代码", "code"),
    "year": ("年度", "year"),
    "licensing": ("行政许可", "licensing"),
    "penalty": ("行政处罚", "penalty"),
    "coercion": ("行政强制", "coercion"),
    "fee_wan_yuan": (
        "行政事业性收费（万元）",
        "行政事业性收费(万元)",
        "行政事业性收费",
        "fee_wan_yuan",
    ),
}


@dataclass(frozen=True)
class Figures:
    licensing: int
    penalty: int
    coercion: int
    fee_wan_yuan: Decimal


@transaction.atomic
def article20_save(
    *,
    organisation: Organisation,
    year: int,
    figures: Figures,
    actor: User,
    expected_version: int | None = None,
    source: str = Source.ENTERED,
    source_file: str = "",
) -> Article20Return:
    """Create or replace the year's figures. ``expected_version`` guards against two people
    editing the same year at once: a stale form is refused, nothing is overwritten."""
    require_role(user=actor, organisation=organisation, roles=EDITOR_ROLES)
    current = (
        Article20Return.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .first()
    )
    if current is not None and expected_version is not None and current.version != expected_version:
        raise ConflictError("该年度统计已被他人修改，请刷新页面后重新填写。")
    before = {f: str(getattr(current, f)) for f in FIELDS} if current else None
    record = current or Article20Return(organisation=organisation, year=year)
    for name in FIELDS:
        setattr(record, name, getattr(figures, name))
    record.source, record.source_file, record.updated_by = source, source_file[:200], actor
    record.version = (current.version + 1) if current else 1
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action="article20.save",
        obj=record,
        organisation=organisation,
        before=before,
        after={f: str(getattr(record, f)) for f in FIELDS},
        note=f"来源：{record.get_source_display()} {source_file}".strip(),
    )
    return record


@dataclass(frozen=True)
class ImportResult:
    saved: int
    errors: list[str]


def article20_import(*, upload: IO[bytes], filename: str, actor: User) -> ImportResult:
    """Validate every row first; store all rows or none, and report errors per row."""
    rows = read_table(upload, filename=filename, columns=IMPORT_COLUMNS)
    scope = access_scope(user=actor)
    organisations = {
        o.code: o for o in Organisation.objects.filter(code__in={r.values["code"] for r in rows})
    }
    parsed: list[tuple[Organisation, int, Figures]] = []
    errors: list[str] = []
    seen: set[tuple[str, int]] = set()
    for row in rows:
        try:
            organisation, year, figures = _parse_row(row.values, organisations)
            if not (scope.is_sysadmin or scope.has_role(organisation.pk, EDITOR_ROLES)):
                raise ValueError(f"您无权填报“{organisation.name}”的统计")
            if (organisation.code, year) in seen:
                raise ValueError("与前面的行重复（同一机关同一年度）")
            seen.add((organisation.code, year))
            parsed.append((organisation, year, figures))
        except ValueError as exc:
            errors.append(f"第 {row.line} 行：{exc}")
    if errors:
        return ImportResult(saved=0, errors=errors)
    with transaction.atomic():
        for organisation, year, figures in parsed:
            article20_save(
                organisation=organisation,
                year=year,
                figures=figures,
                actor=actor,
                source=Source.IMPORTED,
                source_file=filename,
            )
    return ImportResult(saved=len(parsed), errors=[])


def _parse_row(
    values: dict[str, str], organisations: dict[str, Organisation]
) -> tuple[Organisation, int, Figures]:
    organisation = organisations.get(values["code"])
    if organisation is None:
        raise ValueError(f"机关代码“{values['code']}”不存在")
    problems = []
    numbers: dict[str, object] = {}
    for key, label in (
        ("year", "年度"),
        ("licensing", "行政许可"),
        ("penalty", "行政处罚"),
        ("coercion", "行政强制"),
    ):
        try:
            numbers[key] = parse_count(values[key] or "0")
        except ValueError as exc:
            problems.append(f"{label}{exc}")
    try:
        numbers["fee"] = parse_decimal(values["fee_wan_yuan"] or "0", places=4)
    except ValueError as exc:
        problems.append(f"行政事业性收费{exc}")
    if problems:
        raise ValueError("；".join(problems))
    year = int(numbers["year"])  # type: ignore[call-overload]
    if not 2008 <= year <= 2100:
        raise ValueError("年度不合理")
    figures = Figures(
        licensing=int(numbers["licensing"]),  # type: ignore[call-overload]
        penalty=int(numbers["penalty"]),  # type: ignore[call-overload]
        coercion=int(numbers["coercion"]),  # type: ignore[call-overload]
        fee_wan_yuan=numbers["fee"],  # type: ignore[arg-type]
    )
    return organisation, year, figures


def require_editor(*, user: User, organisation: Organisation) -> None:
    require_role(user=user, organisation=organisation, roles=EDITOR_ROLES)
