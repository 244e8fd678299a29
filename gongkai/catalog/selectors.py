"""Reads of the catalog domain. Staff reads are scoped by ``orgs.selectors`` (C4); public
reads only ever return published items."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any, overload

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.catalog import search
from gongkai.catalog.choices import (
    NORMATIVE_TYPES,
    PENDING_STATUSES,
    DocumentType,
    ItemStatus,
    NormativeStatus,
)
from gongkai.catalog.models import (
    Attachment,
    CatalogProfile,
    DirectoryNode,
    Item,
    ItemEvent,
    SearchEntry,
)
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import access_scope, organisations_for_user, scope_queryset

if TYPE_CHECKING:
    from gongkai.accounts.models import User

DRAFT_ROLES = frozenset({Role.HANDLER, Role.REGISTRAR})
LEVEL_ROLES: dict[str, str] = {
    ItemStatus.FIRST_REVIEW: Role.REVIEWER,
    ItemStatus.SECOND_REVIEW: Role.OFFICE_HEAD,
    ItemStatus.FINAL_REVIEW: Role.LEADER,
}


class ItemGone(Exception):
    """A withdrawn item's public address: the portal answers 410 Gone."""


# --- Staff ------------------------------------------------------------------------------------


def items_for_user(*, user: User) -> QuerySet[Item]:
    return scope_queryset(
        Item.objects.select_related("organisation", "category", "created_by"), user=user
    )


def item_get_for_user(*, user: User, pk: int) -> Item:
    """The item if the user may read its organisation; 404 otherwise (outsiders learn nothing)."""
    try:
        return items_for_user(user=user).get(pk=pk)
    except Item.DoesNotExist:
        raise Http404("没有找到该信息，或您无权查看。") from None


def review_queue_for_user(*, user: User) -> QuerySet[Item]:
    """Items waiting at a review level for which the user holds the role in that organisation."""
    scope = access_scope(user=user)
    condition = Q(pk__in=[])
    for status, role in LEVEL_ROLES.items():
        orgs = [org for org, roles in scope.roles.items() if role in roles]
        if orgs:
            condition |= Q(status=status, organisation_id__in=orgs)
    return items_for_user(user=user).filter(condition).order_by("updated_at")


def drafting_organisations(*, user: User) -> QuerySet[Organisation]:
    scope = access_scope(user=user)
    ids = [org for org, roles in scope.roles.items() if roles & DRAFT_ROLES]
    if scope.is_sysadmin:
        return Organisation.objects.filter(is_active=True)
    return Organisation.objects.filter(id__in=ids, is_active=True)


def allowed_actions(*, user: User, item: Item) -> set[str]:
    """What the user may try on the item (the service still enforces every rule)."""
    scope = access_scope(user=user)

    def has(*roles: str) -> bool:
        return scope.is_sysadmin or scope.has_role(item.organisation_id, roles)

    actions: set[str] = set()
    if item.status == ItemStatus.DRAFT and has(*DRAFT_ROLES):
        actions |= {"edit", "submit", "attach"}
    if item.status in LEVEL_ROLES and has(LEVEL_ROLES[item.status]):
        actions |= {"approve", "return"}
    if item.status in {ItemStatus.PUBLISHED, ItemStatus.SCHEDULED} and has(
        Role.OFFICE_HEAD, Role.LEADER
    ):
        actions.add("withdraw")
    if (
        item.is_normative
        and item.status != ItemStatus.WITHDRAWN
        and has(Role.HANDLER, Role.REGISTRAR, Role.OFFICE_HEAD)
    ):
        actions.add("normative")
    return actions


def item_events(*, item: Item) -> QuerySet[ItemEvent]:
    return item.events.select_related("actor").order_by("at", "id")


def directory_nodes(*, organisation: Organisation, active_only: bool = True) -> list[DirectoryNode]:
    """The organisation's directory as a flat list in tree order (parents before children)."""
    nodes = list(
        DirectoryNode.objects.filter(organisation=organisation).all().order_by("position", "code")
    )
    if active_only:
        nodes = [n for n in nodes if n.is_active]
    roots = [n for n in nodes if n.parent_id is None]
    children: dict[int, list[DirectoryNode]] = {}
    for node in nodes:
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node)
    ordered = []
    for root in roots:
        ordered.append(root)
        ordered.extend(children.get(root.pk, []))
    return ordered


def normative_candidates(*, organisation: Organisation) -> QuerySet[Item]:
    return Item.objects.filter(organisation=organisation, doc_type__in=NORMATIVE_TYPES).order_by(
        "-issued_on"
    )


@dataclass
class OrgTimeliness:
    organisation: Organisation
    published: int = 0
    late: int = 0
    pending: int = 0
    pending_overdue: int = 0


def timeliness_dashboard(*, user: User, today: dt.date, year: int) -> list[OrgTimeliness]:
    """Per readable organisation: published in ``year``, of which late (条例第26条); items not
    yet published, of which already past their due date."""
    rows = {org.pk: OrgTimeliness(org) for org in organisations_for_user(user=user)}
    items = scope_queryset(Item.objects.all(), user=user)
    published = (
        items.filter(status=ItemStatus.PUBLISHED, published_at__year=year)
        .values("organisation_id")
        .annotate(total=Count("pk"), late=Count("pk", filter=Q(published_late=True)))
    )
    for row in published:
        if row["organisation_id"] in rows:
            rows[row["organisation_id"]].published = row["total"]
            rows[row["organisation_id"]].late = row["late"]
    pending = (
        items.filter(status__in=PENDING_STATUSES)
        .values("organisation_id")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(publication_due__lt=today)))
    )
    for row in pending:
        if row["organisation_id"] in rows:
            rows[row["organisation_id"]].pending = row["total"]
            rows[row["organisation_id"]].pending_overdue = row["overdue"]
    return list(rows.values())


def late_items(*, user: User, today: dt.date) -> QuerySet[Item]:
    """Items published late or still unpublished past their due date, most urgent first."""
    return (
        items_for_user(user=user)
        .filter(
            Q(status=ItemStatus.PUBLISHED, published_late=True)
            | Q(status__in=PENDING_STATUSES, publication_due__lt=today)
        )
        .order_by("publication_due")
    )


# --- Table 二 (spec §2.3, 第二十条第（一）项) ---------------------------------------------------


def normative_counts(
    *, organisation: Organisation, year: int, include_subtree: bool = False
) -> dict[str, dict[str, int]]:
    """本年制发件数 / 本年废止件数 / 现行有效件数 for 规章 and 行政规范性文件, from the registry.

    - issued: 印发日期 in ``year``;
    - abolished: status 已废止 with its date in ``year``;
    - in force: issued by 31 December and not amended, abolished or expired on or before that
      day — a document abolished in a later year still counts as in force for ``year``.
    Only documents that went through the workflow and were published count (withdrawn ones
    were published in error and do not).
    """
    end = dt.date(year, 12, 31)
    rows = Item.objects.filter(status=ItemStatus.PUBLISHED, doc_type__in=NORMATIVE_TYPES)
    if include_subtree:
        rows = rows.filter(organisation__path__startswith=organisation.path)
    else:
        rows = rows.filter(organisation=organisation)
    ended = Q(normative_status_on__lte=end) & ~Q(normative_status=NormativeStatus.IN_FORCE)
    counts = rows.values("doc_type").annotate(
        issued=Count("pk", filter=Q(issued_on__year=year)),
        abolished=Count(
            "pk",
            filter=Q(normative_status=NormativeStatus.ABOLISHED, normative_status_on__year=year),
        ),
        in_force=Count("pk", filter=Q(issued_on__lte=end) & ~ended),
    )
    result = {
        label: {"issued": 0, "abolished": 0, "in_force": 0}
        for label in (DocumentType.REGULATION.label, DocumentType.NORMATIVE.label)
    }
    for row in counts:
        result[DocumentType(row["doc_type"]).label] = {
            "issued": row["issued"],
            "abolished": row["abolished"],
            "in_force": row["in_force"],
        }
    return result


# --- Public -----------------------------------------------------------------------------------


def published_items() -> QuerySet[Item]:
    return Item.objects.filter(status=ItemStatus.PUBLISHED).select_related(
        "organisation", "category"
    )


def public_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).order_by("path")


def public_organisation_get(*, code: str) -> Organisation:
    try:
        return public_organisations().get(code=code)
    except Organisation.DoesNotExist:
        raise Http404("没有找到该机关。") from None


def public_item_get(*, index_number: str) -> Item:
    """A published item by 索引号; ``ItemGone`` for a withdrawn one, 404 for anything else."""
    item = (
        Item.objects.select_related("organisation", "category", "superseded_by", "interprets")
        .filter(index_number=index_number)
        .first()
    )
    if item is None or item.status not in {ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN}:
        raise Http404("没有找到该信息。")
    if item.status == ItemStatus.WITHDRAWN:
        raise ItemGone()
    return item


def public_interpretations(*, item: Item) -> QuerySet[Item]:
    return published_items().filter(interprets=item).order_by("-published_at")


def public_attachment_get(*, item: Item, pk: int) -> Attachment:
    if item.disclosure_attribute != "proactive":
        raise PermissionDenied("该信息依申请公开，附件不在网上公开。")
    attachment = item.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404("没有找到该附件。")
    return attachment


@dataclass
class CategoryColumn:
    code: str
    name: str
    items: list[Item]


def latest_by_category(
    *, per_category: int = 5, organisation: Organisation | None = None
) -> list[CategoryColumn]:
    """The newest published items of each top-level directory column (portal home). One small
    indexed query per column: fast at any size (a window over all items would not be)."""
    from gongkai.catalog.defaults import default_directory

    picked: list[tuple[str, str, list[int]]] = []
    for code, name, _, _ in default_directory("county"):
        entries = SearchEntry.objects.filter(category_code=code)
        if organisation is not None:
            entries = entries.filter(organisation=organisation)
        ids = list(
            entries.order_by("-published_at").values_list("item_id", flat=True)[:per_category]
        )
        if ids:
            picked.append((code, name, ids))
    by_id = published_items().defer("body").in_bulk([i for _, _, ids in picked for i in ids])
    return [
        CategoryColumn(code, name, [by_id[i] for i in ids if i in by_id])
        for code, name, ids in picked
    ]


def directory_with_counts(*, organisation: Organisation) -> list[tuple[DirectoryNode, int]]:
    nodes = directory_nodes(organisation=organisation)
    counts = dict(
        published_items()
        .filter(organisation=organisation)
        .values_list("category_id")
        .annotate(n=Count("pk"))
        .values_list("category_id", "n")
    )
    totals: dict[int, int] = {}
    for node in nodes:
        totals[node.pk] = totals.get(node.pk, 0) + counts.get(node.pk, 0)
        if node.parent_id is not None:
            totals[node.parent_id] = totals.get(node.parent_id, 0) + counts.get(node.pk, 0)
    return [(node, totals.get(node.pk, 0)) for node in nodes]


def directory_node_get(*, organisation: Organisation, code: str) -> DirectoryNode:
    node = (
        DirectoryNode.objects.filter(organisation=organisation)
        .filter(code=code, is_active=True)
        .first()
    )
    if node is None:
        raise Http404("没有找到该栏目。")
    return node


def directory_node_items(*, node: DirectoryNode) -> ColumnItems:
    """The published items of a column and its sub-columns, newest first (for a Paginator)."""
    return ColumnItems(category_ids=[node.pk, *node.children.values_list("pk", flat=True)])


class ColumnItems:
    """Published items of one or more directory columns, newest first; counts and slices like
    a queryset. Each column comes in order from the (category, status, published_at) index and
    the columns are merged here: PostgreSQL cannot read ``category_id IN (…) ORDER BY
    published_at`` in index order and would sort every item of the columns for each page
    (tens of thousands of rows at a million items)."""

    # Deeper than this, merging would fetch too many keys per column: the database sorts.
    MERGE_LIMIT = 2000

    def __init__(self, *, category_ids: list[int]) -> None:
        self.category_ids = category_ids
        self._items = (
            published_items()
            .defer("body", "confidentiality_checklist")
            .order_by("-published_at", "-id")
        )

    def count(self) -> int:
        return self._items.filter(category_id__in=self.category_ids).count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items.filter(category_id__in=self.category_ids))

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...
    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else []
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop = index.start or 0, index.stop
        if len(self.category_ids) == 1 or stop is None or stop > self.MERGE_LIMIT:
            return list(self._items.filter(category_id__in=self.category_ids)[start:stop])
        columns = [
            self._items.filter(category_id=pk).values_list("published_at", "id")[:stop]
            for pk in self.category_ids
        ]
        if connection.features.supports_slicing_ordering_in_compound:
            # PostgreSQL: one statement, only the page's keys cross the wire.
            first, *rest = columns
            merged = first.union(*rest, all=True).order_by("-published_at", "-id")[start:stop]
            ids = [pk for _, pk in merged]
        else:
            ids = [pk for _, pk in islice(heapq.merge(*columns, reverse=True), start, stop)]
        by_id = self._items.in_bulk(ids)
        return [by_id[pk] for pk in ids]


def normative_list(*, organisation: Organisation | None, status: str | None) -> QuerySet[Item]:
    items = published_items().filter(doc_type__in=NORMATIVE_TYPES)
    if organisation is not None:
        items = items.filter(organisation=organisation)
    if status:
        items = items.filter(normative_status=status)
    return items.order_by("-issued_on", "-id")


def feed_items(
    *, organisation: Organisation, category: DirectoryNode | None, limit: int = 50
) -> list[Item]:
    if category is not None:
        return directory_node_items(node=category)[:limit]
    return list(
        published_items().filter(organisation=organisation).order_by("-published_at")[:limit]
    )


# --- Guide (条例第12条) -------------------------------------------------------------------------


@dataclass
class GuideSection:
    heading: str
    text: str
    generated: bool
    facts: list[tuple[str, str]] = field(default_factory=list)


def guide_sections(*, organisation: Organisation) -> list[GuideSection]:
    """The 政府信息公开指南: each section is the organisation's own text where it wrote one,
    otherwise generated from its data (contact fields, directory)."""
    profile = CatalogProfile.objects.filter(organisation=organisation).first()
    name = organisation.name

    def section(heading: str, custom: str, default: str) -> GuideSection:
        return GuideSection(heading, custom or default, generated=not custom)

    columns = "、".join(
        n.name for n in directory_nodes(organisation=organisation) if not n.parent_id
    )
    contact = [
        (label, value)
        for label, value in (
            ("工作机构", organisation.office_name),
            ("办公地址", organisation.address),
            ("邮政编码", organisation.postcode),
            ("办公时间", organisation.office_hours),
            ("联系电话", organisation.phone),
            ("传真", organisation.fax),
            ("电子邮箱", organisation.email),
            ("网站", organisation.website),
        )
        if value
    ]
    sections = [
        section(
            "一、概述",
            profile.guide_intro if profile else "",
            f"为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，"
            f"编制本指南。{name}将根据工作情况及时更新本指南。",
        ),
        section(
            "二、主动公开",
            profile.guide_classification if profile else "",
            f"{name}主动公开的政府信息按公开目录编排，栏目包括：{columns}。每条信息列明索引号、"
            "名称、内容概述和生成日期。",
        ),
        section(
            "三、获取方式",
            profile.guide_obtain if profile else "",
            "主动公开的政府信息在本平台发布，可按目录浏览、全文检索并下载附件；"
            "信息自形成或者变更之日起20个工作日内公开（条例第26条）。",
        ),
        section(
            "四、依申请公开",
            profile.guide_request if profile else "",
            "公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请应当采用书面形式，"
            "包括信件、数据电文等；书面形式确有困难的，可以口头提出，由受理机构代为填写申请。",
        ),
        section("五、其他事项", profile.guide_other if profile else "", ""),
    ]
    office = GuideSection("六、政府信息公开工作机构", "", generated=True, facts=contact)
    return [s for s in sections if s.text] + [office]


# --- Search -----------------------------------------------------------------------------------


@dataclass
class SearchHit:
    item: Item
    title: Any
    snippet: Any


@dataclass
class FacetValue:
    key: Any
    label: str
    count: int


@dataclass
class SearchPage:
    query: str
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]]
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search_items(
    *, query: str, filters: search.Filters, page: int = 1, per_page: int = 20
) -> SearchPage:
    """Full-text search over published items with facets and highlighted snippets."""
    terms = search.parse_query(query)
    page = max(1, min(page, 50))
    hits = search.run(terms, filters, limit=per_page, offset=(page - 1) * per_page)
    by_id = published_items().in_bulk(hits.ids)
    words = search.highlight_words(terms, query)
    results = [
        SearchHit(
            item=by_id[pk],
            title=search.highlight(by_id[pk].title, words),
            snippet=search.highlight(
                by_id[pk].summary + " " + search.body_text(by_id[pk]), words, width=120
            ),
        )
        for pk in hits.ids
        if pk in by_id
    ]
    return SearchPage(query, results, hits.total, _facet_labels(hits.facets), page, per_page)


@cache
def _default_category_names() -> dict[str, str]:
    from gongkai.catalog.defaults import default_directory

    everything = (*default_directory("county"), *default_directory("township"))
    return {code: name for code, name, _, _ in everything}


def _facet_labels(facets: dict[str, dict[Any, int]]) -> dict[str, list[FacetValue]]:
    found = Organisation.objects.filter(pk__in=list(facets.get("organisation_id", {})))
    orgs, names = {}, {}
    for pk, code, name in found.values_list("pk", "code", "name"):
        orgs[pk], names[code] = code, name
    categories = _default_category_names()
    types = dict(DocumentType.choices)

    def ordered(values: Iterable[FacetValue]) -> list[FacetValue]:
        return sorted(values, key=lambda v: (-v.count, str(v.key)))

    return {
        "org": ordered(
            FacetValue(orgs.get(k, ""), names.get(orgs.get(k, ""), "?"), n)
            for k, n in facets.get("organisation_id", {}).items()
        ),
        "category": ordered(
            FacetValue(k, categories.get(k, k), n)
            for k, n in facets.get("category_code", {}).items()
        ),
        "year": sorted(
            (FacetValue(k, f"{k}年", n) for k, n in facets.get("year", {}).items()),
            key=lambda v: -int(v.key),
        ),
        "type": ordered(
            FacetValue(k, types.get(k, k), n) for k, n in facets.get("doc_type", {}).items()
        ),
    }


def late_publications_count(*, organisation: Organisation, year: int) -> int:
    """Items published in ``year`` more than 20 working days after formation (art 26); an
    indicator of the annual assessment (gongkai.oversight)."""
    return Item.objects.filter(
        organisation=organisation,
        status=ItemStatus.PUBLISHED,
        published_at__year=year,
        published_late=True,
    ).count()
