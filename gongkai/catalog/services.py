"""Writes of the catalog domain (conventions C3, C11): items and their review workflow,
attachments, the normative registry, the directory tree and the guide.

Workflow (条例第17条 review before disclosure; roles from ``orgs.choices.Role``)::

    draft ──submit──▶ 初审 (reviewer, 保密审查) ──▶ 复审 (office head) ──▶ 终审 (leader)
      ▲                 │ return             │ return              │ return / approve
      └─────────────────┴────────────────────┴─────────────────────┘        ▼
                                                     scheduled ──▶ published ──withdraw──▶ withdrawn

Separation of duties: nobody approves an item they drafted, and nobody approves two levels
of the same item. Every step writes an ``ItemEvent`` and an audit entry in its transaction.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import nh3
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import audit_record
from gongkai.catalog import search
from gongkai.catalog.choices import (
    CONFIDENTIALITY_CHECKLIST,
    NORMATIVE_TYPES,
    DisclosureAttribute,
    DocumentType,
    EventKind,
    ItemStatus,
    NormativeStatus,
)
from gongkai.catalog.defaults import default_directory
from gongkai.catalog.files import check_file
from gongkai.catalog.models import (
    DEFAULT_INDEX_PATTERN,
    Attachment,
    CatalogProfile,
    DirectoryNode,
    IndexSequence,
    Item,
    ItemEvent,
)
from gongkai.catalog.selectors import normative_counts
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import require_role
from gongkai.workdays import WorkCalendar, publication_due

if TYPE_CHECKING:
    from gongkai.accounts.models import User

DRAFT_ROLES = frozenset({Role.HANDLER, Role.REGISTRAR})
REVIEW_ROLE: dict[str, str] = {
    ItemStatus.FIRST_REVIEW: Role.REVIEWER,  # 初审
    ItemStatus.SECOND_REVIEW: Role.OFFICE_HEAD,  # 复审
    ItemStatus.FINAL_REVIEW: Role.LEADER,  # 终审
}
LEVEL_LABEL: dict[str, str] = {
    ItemStatus.FIRST_REVIEW: "初审",
    ItemStatus.SECOND_REVIEW: "复审",
    ItemStatus.FINAL_REVIEW: "终审",
}
WITHDRAW_ROLES = frozenset({Role.OFFICE_HEAD, Role.LEADER})
REGISTRY_ROLES = frozenset({Role.HANDLER, Role.REGISTRAR, Role.OFFICE_HEAD})

ALLOWED: dict[str, frozenset[str]] = {
    ItemStatus.DRAFT: frozenset({ItemStatus.FIRST_REVIEW}),
    ItemStatus.FIRST_REVIEW: frozenset({ItemStatus.SECOND_REVIEW, ItemStatus.DRAFT}),
    ItemStatus.SECOND_REVIEW: frozenset({ItemStatus.FINAL_REVIEW, ItemStatus.DRAFT}),
    ItemStatus.FINAL_REVIEW: frozenset({ItemStatus.SCHEDULED, ItemStatus.DRAFT}),
    ItemStatus.SCHEDULED: frozenset({ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN}),
    ItemStatus.PUBLISHED: frozenset({ItemStatus.WITHDRAWN}),
    ItemStatus.WITHDRAWN: frozenset(),
}
NEXT_LEVEL: dict[str, str] = {
    ItemStatus.FIRST_REVIEW: ItemStatus.SECOND_REVIEW,
    ItemStatus.SECOND_REVIEW: ItemStatus.FINAL_REVIEW,
    ItemStatus.FINAL_REVIEW: ItemStatus.SCHEDULED,
}

EDITABLE_FIELDS = [
    "title",
    "document_number",
    "issuing_organisation",
    "formed_on",
    "category",
    "topic",
    "doc_type",
    "disclosure_attribute",
    "summary",
    "body",
    "keywords",
    "publish_at",
    "issued_on",
    "effective_on",
    "interprets",
]

BODY_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "u", "a",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "caption", "span", "div", "hr",
}  # fmt: skip


@cache
def work_calendar() -> WorkCalendar:
    """The bundled calendar (2004–2026); unknown years are provisional Monday–Friday (D5)."""
    return WorkCalendar.bundled()


def due_for(formed_on: dt.date) -> dt.date:
    """条例第26条: publish within 20 working days of the information being formed or changed."""
    return publication_due(formed_or_changed_on=formed_on, calendar=work_calendar()).due


def sanitise_body(body: str) -> str:
    return nh3.clean(body or "", tags=BODY_TAGS, url_schemes={"http", "https", "mailto"})


# --- Directory, profile, index numbers --------------------------------------------------------


@transaction.atomic
def directory_ensure_default(*, organisation: Organisation) -> int:
    """Create the default 公开目录 (art 20's fifteen items, art 21's local items) where the
    organisation has no node with that code yet. Idempotent; returns how many were created."""
    existing = set(
        DirectoryNode.objects.filter(organisation=organisation).values_list("code", flat=True)
    )
    created = 0
    for position, (code, name, basis, children) in enumerate(default_directory(organisation.kind)):
        parent = DirectoryNode.objects.filter(organisation=organisation).filter(code=code).first()
        if parent is None:
            parent = DirectoryNode.objects.create(
                organisation=organisation,
                code=code,
                name=name,
                legal_basis=basis,
                position=position * 10,
            )
            created += 1
        kids = [
            DirectoryNode(
                organisation=organisation,
                parent=parent,
                code=f"{code}-{suffix}",
                name=child,
                legal_basis=basis,
                position=index,
            )
            for index, (suffix, child) in enumerate(children)
            if f"{code}-{suffix}" not in existing
        ]
        DirectoryNode.objects.bulk_create(kids)
        created += len(kids)
    return created


@transaction.atomic
def directory_node_create(
    *,
    organisation: Organisation,
    actor: User,
    parent: DirectoryNode | None,
    code: str,
    name: str,
    legal_basis: str = "",
    position: int = 0,
) -> DirectoryNode:
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN})
    if parent is not None and (parent.organisation_id != organisation.pk or parent.parent_id):
        raise ApplicationError("上级栏目必须是本机关的一级栏目。")
    if parent is not None and not code.startswith(f"{parent.code}-"):
        raise ApplicationError(f"下级栏目的编码须以“{parent.code}-”开头。")
    if DirectoryNode.objects.filter(organisation=organisation).filter(code=code).exists():
        raise ApplicationError(f"栏目编码 {code} 已存在。")
    node = DirectoryNode(
        organisation=organisation,
        parent=parent,
        code=code,
        name=name,
        legal_basis=legal_basis,
        position=position,
    )
    _full_clean(node)
    node.save()
    audit_record(
        actor=actor,
        action="catalog.directory_node_create",
        obj=node,
        organisation=organisation,
        after={"code": code, "name": name, "parent": parent.code if parent else None},
    )
    return node


@transaction.atomic
def directory_node_update(
    *, node: DirectoryNode, actor: User, name: str, position: int, is_active: bool
) -> DirectoryNode:
    require_role(user=actor, organisation=node.organisation, roles={Role.ORG_ADMIN})
    before = {"name": node.name, "position": node.position, "is_active": node.is_active}
    node.name, node.position, node.is_active = name, position, is_active
    _full_clean(node)
    node.save(update_fields=["name", "position", "is_active"])
    audit_record(
        actor=actor,
        action="catalog.directory_node_update",
        obj=node,
        organisation=node.organisation,
        before=before,
        after={"name": name, "position": position, "is_active": is_active},
    )
    return node


def profile_for(organisation: Organisation) -> CatalogProfile:
    profile, _ = CatalogProfile.objects.get_or_create(organisation=organisation)
    return profile


PROFILE_FIELDS = [
    "index_pattern",
    "guide_intro",
    "guide_classification",
    "guide_obtain",
    "guide_request",
    "guide_other",
]


@transaction.atomic
def profile_update(
    *, organisation: Organisation, actor: User, data: Mapping[str, Any]
) -> CatalogProfile:
    """Change the 索引号 pattern and the editable sections of the 公开指南."""
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN})
    profile = profile_for(organisation)
    before = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    validate_index_pattern(profile.index_pattern)
    profile.save()
    changed = {k: getattr(profile, k) for k in PROFILE_FIELDS if getattr(profile, k) != before[k]}
    audit_record(
        actor=actor,
        action="catalog.profile_update",
        obj=profile,
        organisation=organisation,
        before={k: before[k] for k in changed},
        after=changed,
    )
    return profile


_PATTERN_FIELDS = {"org", "year", "category", "seq"}


def validate_index_pattern(pattern: str) -> None:
    """The pattern may use only {org} {year} {category} {seq…} and must give a URL-safe value."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        raise ApplicationError("索引号格式有误：花括号不配对。") from None
    if not fields <= _PATTERN_FIELDS:
        raise ApplicationError("索引号格式只能使用 {org}、{year}、{category}、{seq} 占位符。")
    if "seq" not in fields:
        raise ApplicationError("索引号格式必须包含流水号 {seq}。")
    sample = render_index_number(pattern, org="410782-101", year=2021, category="20-01", seq=1)
    if not all((c.isalnum() and c.isascii()) or c in "-._" for c in sample):
        raise ApplicationError("索引号只能由字母、数字、连字符、点和下划线组成。")


def render_index_number(pattern: str, *, org: str, year: int, category: str, seq: int) -> str:
    try:
        return pattern.format(org=org, year=year, category=category, seq=seq)
    except (ValueError, KeyError, IndexError) as exc:
        raise ApplicationError(f"索引号格式有误：{exc}") from None


def _next_index_number(*, organisation: Organisation, category: DirectoryNode, year: int) -> str:
    pattern = profile_for(organisation).index_pattern or DEFAULT_INDEX_PATTERN
    sequence, _ = IndexSequence.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    while True:  # a changed pattern may collide with older numbers: skip those
        sequence.last += 1
        number = render_index_number(
            pattern, org=organisation.code, year=year, category=category.code, seq=sequence.last
        )
        if not Item.objects.filter(index_number=number).exists():
            sequence.save(update_fields=["last"])
            return number


# --- Items ------------------------------------------------------------------------------------


@transaction.atomic
def item_create(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    category: DirectoryNode,
    formed_on: dt.date,
    doc_type: str,
    topic: str,
    **fields: Any,
) -> Item:
    """Draft a new item; the 索引号 is drawn from the organisation's pattern."""
    require_role(user=actor, organisation=organisation, roles=DRAFT_ROLES)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown item fields: {sorted(unknown)}")
    item = Item(
        organisation=organisation,
        title=title,
        category=category,
        formed_on=formed_on,
        doc_type=doc_type,
        topic=topic,
        created_by=actor,
        **fields,
    )
    _normalise(item)
    item.index_number = _next_index_number(
        organisation=organisation, category=category, year=formed_on.year
    )
    _full_clean(item)
    item.save()
    _event(item, EventKind.CREATED, actor, to_status=ItemStatus.DRAFT)
    audit_record(
        actor=actor,
        action="catalog.item_create",
        obj=item,
        organisation=organisation,
        after={"index_number": item.index_number, "title": title},
    )
    return item


@transaction.atomic
def item_update(*, item: Item, actor: User, expected_version: int, data: Mapping[str, Any]) -> Item:
    """Change a draft (only drafts: what reviewers approved is what gets published)."""
    locked = _lock(item, expected_version=expected_version)
    require_role(user=actor, organisation=locked.organisation, roles=DRAFT_ROLES)
    if locked.status != ItemStatus.DRAFT:
        raise ApplicationError("只有草稿（含退回修改的）可以修改。")
    before = {name: _plain(getattr(locked, name)) for name in EDITABLE_FIELDS}
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(locked, name, data[name])
    _normalise(locked)
    _full_clean(locked)
    locked.version += 1
    locked.save()
    after = {name: _plain(getattr(locked, name)) for name in EDITABLE_FIELDS}
    changed = [name for name in EDITABLE_FIELDS if before[name] != after[name]]
    _event(locked, EventKind.EDITED, actor, data={"fields": changed})
    audit_record(
        actor=actor,
        action="catalog.item_update",
        obj=locked,
        organisation=locked.organisation,
        before={k: before[k] for k in changed if k != "body"},
        after={k: after[k] for k in changed if k != "body"},
    )
    return locked


def _normalise(item: Item) -> None:
    if item.category.organisation_id != item.organisation_id:
        raise ApplicationError("目录栏目不属于本机关。")
    if not item.category.is_active:
        raise ApplicationError("该目录栏目已停用，请选择其他栏目。")
    item.body = sanitise_body(item.body)
    item.document_number = search.docno_display(item.document_number or "")
    item.document_number_key = search.docno_key(item.document_number)
    item.issuing_organisation = item.issuing_organisation or item.organisation.name
    item.publication_due = due_for(item.formed_on)
    if item.doc_type in NORMATIVE_TYPES:
        if item.issued_on is None:
            raise ApplicationError("规章和行政规范性文件必须填写印发日期。")
        item.normative_status = item.normative_status or NormativeStatus.IN_FORCE
    else:
        item.issued_on = item.effective_on = item.normative_status_on = None
        item.normative_status = ""
        item.superseded_by = None
    if item.interprets is not None and item.doc_type != DocumentType.INTERPRETATION:
        item.interprets = None
    if item.interprets is not None and item.interprets.pk == item.pk:
        raise ApplicationError("政策解读不能解读其自身。")


# --- Workflow ---------------------------------------------------------------------------------


@transaction.atomic
def item_submit(*, item: Item, actor: User, expected_version: int | None = None) -> Item:
    """Send a draft to 初审."""
    locked = _lock(item, expected_version=expected_version)
    require_role(user=actor, organisation=locked.organisation, roles=DRAFT_ROLES)
    if not locked.summary.strip():
        raise ApplicationError("请先填写内容概述（公开目录必备项，条例第12条）。")
    return _transition(locked, ItemStatus.FIRST_REVIEW, EventKind.SUBMITTED, actor)


@transaction.atomic
def item_approve(
    *,
    item: Item,
    actor: User,
    checklist: Mapping[str, bool] | None = None,
    note: str = "",
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Item:
    """Approve the current review level. 初审 needs the full 保密审查 checklist; 终审 schedules
    the item and publishes it at once unless a later publication time is set."""
    locked = _lock(item, expected_version=expected_version)
    level = locked.status
    if level not in REVIEW_ROLE:
        raise ApplicationError("该信息当前不在审核环节。")
    require_role(user=actor, organisation=locked.organisation, roles={REVIEW_ROLE[level]})
    _check_separation(locked, actor, level)
    data: dict[str, Any] = {"level": level}
    if level == ItemStatus.FIRST_REVIEW:
        locked.confidentiality_checklist = _checked(checklist, actor, now or timezone.now())
        data["checklist"] = locked.confidentiality_checklist
    locked = _transition(locked, NEXT_LEVEL[level], EventKind.APPROVED, actor, note=note, data=data)
    if level == ItemStatus.FINAL_REVIEW:
        current = now or timezone.now()
        if locked.publish_at is None or locked.publish_at <= current:
            locked = _publish(locked, actor=actor, now=current)
    return locked


def _checked(checklist: Mapping[str, bool] | None, actor: User, at: dt.datetime) -> dict[str, Any]:
    missing = [label for key, label in CONFIDENTIALITY_CHECKLIST if not (checklist or {}).get(key)]
    if missing:
        raise ApplicationError("保密审查未完成：" + "；".join(missing))
    return {
        **{key: True for key, _ in CONFIDENTIALITY_CHECKLIST},
        "by": actor.get_username(),
        "at": at.isoformat(),
    }


def _check_separation(item: Item, actor: User, level: str) -> None:
    """Nobody approves their own draft, nor two levels of one item (审核分离)."""
    drafted = ItemEvent.objects.filter(
        item=item, actor=actor, kind__in=[EventKind.CREATED, EventKind.EDITED, EventKind.SUBMITTED]
    ).exists()
    if drafted or item.created_by_id == actor.pk:
        raise ApplicationError("不能审核自己起草或修改过的信息。")
    approvals = ItemEvent.objects.filter(item=item, actor=actor, kind=EventKind.APPROVED)
    for event in approvals:
        if event.data.get("level") != level:
            done = LEVEL_LABEL.get(event.data.get("level", ""), "其他环节")
            raise ApplicationError(f"您已在{done}环节审核过该信息，同一人不能审核两个环节。")


@transaction.atomic
def item_return(
    *, item: Item, actor: User, comment: str, expected_version: int | None = None
) -> Item:
    """Return the item to its drafter with comments, from any review level."""
    locked = _lock(item, expected_version=expected_version)
    level = locked.status
    if level not in REVIEW_ROLE:
        raise ApplicationError("该信息当前不在审核环节，无法退回。")
    require_role(user=actor, organisation=locked.organisation, roles={REVIEW_ROLE[level]})
    if not comment.strip():
        raise ApplicationError("退回时必须填写修改意见。")
    locked.confidentiality_checklist = {}  # the next round starts with a fresh 保密审查
    return _transition(
        locked, ItemStatus.DRAFT, EventKind.RETURNED, actor, note=comment, data={"level": level}
    )


@transaction.atomic
def item_withdraw(*, item: Item, actor: User, reason: str, now: dt.datetime | None = None) -> Item:
    """Take a published (or scheduled) item off the portal and the search index. The item,
    its events and its audit entries stay."""
    locked = _lock(item)
    require_role(user=actor, organisation=locked.organisation, roles=WITHDRAW_ROLES)
    if not reason.strip():
        raise ApplicationError("撤回时必须说明理由。")
    locked.withdrawn_at = now or timezone.now()
    locked.withdrawn_reason = reason.strip()
    locked = _transition(locked, ItemStatus.WITHDRAWN, EventKind.WITHDRAWN, actor, note=reason)
    search.unindex_item(locked)
    return locked


def items_publish_due(*, now: dt.datetime) -> int:
    """Publish every scheduled item whose time has come (idempotent; safe to run in parallel).
    Returns how many were published."""
    published = 0
    due = Item.objects.filter(status=ItemStatus.SCHEDULED, publish_at__lte=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            item = Item.objects.select_for_update().filter(pk=pk).first()
            if item is None or item.status != ItemStatus.SCHEDULED:
                continue  # another run got there first
            _publish(item, actor=None, now=now)
            published += 1
    return published


def _publish(item: Item, *, actor: User | None, now: dt.datetime) -> Item:
    item.published_at = now
    # 条例第26条: flag items published more than 20 working days after formation.
    item.published_late = timezone.localdate(now) > item.publication_due
    item = _transition(item, ItemStatus.PUBLISHED, EventKind.PUBLISHED, actor, at=now)
    search.index_item(item)
    return item


# --- Normative registry -----------------------------------------------------------------------


@transaction.atomic
def normative_status_set(
    *,
    item: Item,
    actor: User,
    status: str,
    on: dt.date | None,
    superseded_by: Item | None = None,
    note: str = "",
) -> Item:
    """Record that a 规章 / 行政规范性文件 was amended, abolished or expired (or is in force
    again), with the date and the superseding document."""
    locked = _lock(item)
    require_role(user=actor, organisation=locked.organisation, roles=REGISTRY_ROLES)
    if not locked.is_normative:
        raise ApplicationError("只有规章和行政规范性文件有效力状态。")
    if status not in NormativeStatus.values:
        raise ApplicationError("未知的效力状态。")
    if status == NormativeStatus.IN_FORCE:
        on, superseded_by = None, None
    elif on is None:
        raise ApplicationError("请填写修改、废止或失效的日期。")
    elif locked.issued_on and on < locked.issued_on:
        raise ApplicationError("效力变更日期不能早于印发日期。")
    if superseded_by is not None and (
        superseded_by.pk == locked.pk or not superseded_by.is_normative
    ):
        raise ApplicationError("替代文件必须是另一件规章或行政规范性文件。")
    before = {"normative_status": locked.normative_status, "on": _plain(locked.normative_status_on)}
    locked.normative_status, locked.normative_status_on = status, on
    locked.superseded_by = superseded_by
    locked.version += 1
    locked.save()
    after = {"normative_status": status, "on": _plain(on)}
    if superseded_by is not None:
        after["superseded_by"] = superseded_by.index_number
    _event(locked, EventKind.NORMATIVE_STATUS, actor, note=note, data=after)
    audit_record(
        actor=actor,
        action="catalog.normative_status",
        obj=locked,
        organisation=locked.organisation,
        before=before,
        after=after,
        note=note,
    )
    return locked


# --- Attachments ------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, item: Item, actor: User, upload: UploadedFile) -> Attachment:
    locked = _lock(item)
    require_role(user=actor, organisation=locked.organisation, roles=DRAFT_ROLES)
    if locked.status != ItemStatus.DRAFT:
        raise ApplicationError("只有草稿可以添加附件。")
    stream = upload.file
    assert stream is not None
    checked = check_file(stream, size=upload.size or 0)
    name = (upload.name or "附件").rsplit("/", 1)[-1][:200]
    attachment = Attachment(
        item=locked,
        original_name=name,
        kind=checked.kind,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    attachment.file.save(name, upload.file, save=False)
    attachment.save()
    _event(locked, EventKind.ATTACHED, actor, data={"name": name, "sha256": checked.sha256})
    audit_record(
        actor=actor,
        action="catalog.attachment_add",
        obj=locked,
        organisation=locked.organisation,
        after={"name": name, "size": checked.size, "kind": checked.kind},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, actor: User) -> None:
    locked = _lock(attachment.item)
    require_role(user=actor, organisation=locked.organisation, roles=DRAFT_ROLES)
    if locked.status != ItemStatus.DRAFT:
        raise ApplicationError("只有草稿可以删除附件。")
    _event(locked, EventKind.DETACHED, actor, data={"name": attachment.original_name})
    audit_record(
        actor=actor,
        action="catalog.attachment_remove",
        obj=locked,
        organisation=locked.organisation,
        before={"name": attachment.original_name, "sha256": attachment.sha256},
    )
    attachment.delete()  # the stored file stays (content-addressed; may be shared)


# --- Helpers ----------------------------------------------------------------------------------


def _lock(item: Item, *, expected_version: int | None = None) -> Item:
    locked = (
        Item.objects.select_for_update(of=("self",))
        .select_related("organisation", "category")
        .get(pk=item.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError()
    return locked


def _transition(
    item: Item,
    to_status: str,
    kind: str,
    actor: User | None,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> Item:
    from_status = item.status
    if to_status not in ALLOWED[from_status]:
        raise ApplicationError(
            f"状态为“{ItemStatus(from_status).label}”的信息不能转为“{ItemStatus(to_status).label}”。"
        )
    item.status = to_status
    item.version += 1
    item.save()
    _event(
        item, kind, actor, from_status=from_status, to_status=to_status, note=note, data=data, at=at
    )
    audit_record(
        actor=actor,
        action=f"catalog.item_{kind}",
        obj=item,
        organisation=item.organisation,
        before={"status": from_status},
        after={"status": to_status},
        note=note,
        actor_label="system" if actor is None else "",
    )
    return item


def _event(
    item: Item,
    kind: str,
    actor: User | None,
    *,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> ItemEvent:
    return ItemEvent.objects.create(
        item=item,
        kind=kind,
        from_status=from_status or item.status,
        to_status=to_status or item.status,
        actor=actor,
        at=at or timezone.now(),
        note=note,
        data=data or {},
    )


def _full_clean(obj: Item | DirectoryNode) -> None:
    try:
        obj.full_clean(validate_unique=False)
    except ValidationError as exc:
        messages = [f"{m}" for errors in exc.message_dict.values() for m in errors]
        raise ApplicationError("；".join(messages)) from None


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


__all__ = [
    "ALLOWED",
    "DisclosureAttribute",
    "attachment_add",
    "attachment_remove",
    "directory_ensure_default",
    "directory_node_create",
    "directory_node_update",
    "item_approve",
    "item_create",
    "item_return",
    "item_submit",
    "item_update",
    "item_withdraw",
    "items_publish_due",
    "normative_counts",
    "normative_status_set",
    "profile_update",
]
