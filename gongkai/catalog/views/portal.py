"""Public pages (no login, no JavaScript needed): search, the 公开目录 per organisation, item
pages and attachment downloads, the 公开指南, the normative-document list, the 年报 column,
Atom feeds, the sitemap and the large-text switch."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme

from gongkai.catalog import search, selectors
from gongkai.catalog.choices import NormativeStatus
from gongkai.catalog.files import CONTENT_TYPES
from gongkai.catalog.models import DirectoryNode, Item
from gongkai.orgs.models import Organisation

LARGE_TEXT_COOKIE = "gk_text"
SITEMAP_PAGE = 10_000


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    org_code = request.GET.get("org", "")
    organisation = selectors.public_organisations().filter(code=org_code).first()
    filters = search.Filters(
        organisation_id=organisation.pk if organisation else None,
        category_code=request.GET.get("category") or None,
        year=_int(request.GET.get("year")),
        doc_type=request.GET.get("type") or None,
    )
    result = selectors.search_items(
        query=query, filters=filters, page=_int(request.GET.get("page")) or 1
    )
    context = {
        "result": result,
        "query": query,
        "facet_groups": _facet_groups(result, request.GET),
        "previous_url": _with(request.GET, page=result.page - 1) if result.page > 1 else "",
        "next_url": _with(request.GET, page=result.page + 1) if result.page < result.pages else "",
    }
    return render(request, "catalog/portal/search.html", context)


FACET_TITLES = (
    ("org", "公开主体"),
    ("category", "目录栏目"),
    ("year", "发布年份"),
    ("type", "文件类型"),
)


def _with(params: QueryDict, **changes: Any) -> str:
    """``?query`` of ``params`` with ``changes`` applied (None removes a key)."""
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = str(value)
    return "?" + query.urlencode()


def _facet_groups(result: selectors.SearchPage, params: QueryDict) -> list[dict[str, Any]]:
    groups = []
    for name, title in FACET_TITLES:
        current = params.get(name, "")
        values = [
            {
                "label": value.label,
                "count": value.count,
                "selected": str(value.key) == current,
                "url": _with(
                    params, page=None, **{name: None if str(value.key) == current else value.key}
                ),
            }
            for value in result.facets[name]
        ]
        groups.append({"title": title, "values": values})
    return groups


def organisations(request: HttpRequest) -> HttpResponse:
    context = {"organisations": selectors.public_organisations()}
    return render(request, "catalog/portal/organisations.html", context)


def directory(request: HttpRequest, code: str) -> HttpResponse:
    organisation = selectors.public_organisation_get(code=code)
    context = {
        "organisation": organisation,
        "nodes": selectors.directory_with_counts(organisation=organisation),
        "columns": selectors.latest_by_category(per_category=3, organisation=organisation),
    }
    return render(request, "catalog/portal/directory.html", context)


def directory_node(request: HttpRequest, code: str, node_code: str) -> HttpResponse:
    organisation = selectors.public_organisation_get(code=code)
    node = selectors.directory_node_get(organisation=organisation, code=node_code)
    items = selectors.directory_node_items(node=node)
    page = Paginator(items, 20).get_page(request.GET.get("page"))
    context = {"organisation": organisation, "node": node, "page": page}
    return render(request, "catalog/portal/directory_node.html", context)


def item_detail(request: HttpRequest, index_number: str) -> HttpResponse:
    try:
        item = selectors.public_item_get(index_number=index_number)
    except selectors.ItemGone:
        return render(request, "catalog/portal/gone.html", status=410)
    context = {
        "item": item,
        "attachments": item.attachments.all() if item.disclosure_attribute == "proactive" else [],
        "interpretations": selectors.public_interpretations(item=item),
        "supersedes": selectors.published_items().filter(superseded_by=item),
    }
    return render(request, "catalog/portal/item.html", context)


def attachment_download(request: HttpRequest, index_number: str, pk: int) -> HttpResponseBase:
    try:
        item = selectors.public_item_get(index_number=index_number)
    except selectors.ItemGone:
        return render(request, "catalog/portal/gone.html", status=410)
    attachment = selectors.public_attachment_get(item=item, pk=pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES.get(attachment.kind, "application/octet-stream"),
    )


def guide(request: HttpRequest, code: str) -> HttpResponse:
    organisation = selectors.public_organisation_get(code=code)
    context = {
        "organisation": organisation,
        "sections": selectors.guide_sections(organisation=organisation),
    }
    return render(request, "catalog/portal/guide.html", context)


def normative_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in NormativeStatus.values else ""
    org_code = request.GET.get("org", "")
    organisation = selectors.public_organisations().filter(code=org_code).first()
    items = selectors.normative_list(organisation=organisation, status=status or None)
    context = {
        "page": Paginator(items, 30).get_page(request.GET.get("page")),
        "status": status,
        "statuses": NormativeStatus.choices,
        "organisation": organisation,
        "organisations": selectors.public_organisations(),
    }
    return render(request, "catalog/portal/normative_list.html", context)


def text_size(request: HttpRequest) -> HttpResponse:
    """Switch large-text mode on or off with a plain link (no JavaScript): a cookie."""
    target = request.GET.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    large = request.GET.get(
        "large", "1" if request.COOKIES.get(LARGE_TEXT_COOKIE) != "large" else "0"
    )
    if large == "1":
        response.set_cookie(
            LARGE_TEXT_COOKIE, "large", max_age=365 * 86400, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(LARGE_TEXT_COOKIE, samesite="Lax")
    return response


# --- Feeds ------------------------------------------------------------------------------------


FeedObject = tuple[Organisation, DirectoryNode | None]


class ItemFeed(Feed[Item, FeedObject]):
    """Atom feed of an organisation's newest items, optionally of one directory column."""

    feed_type = Atom1Feed

    def get_object(
        self, request: HttpRequest, code: str, node_code: str | None = None
    ) -> FeedObject:
        organisation = selectors.public_organisation_get(code=code)
        node = None
        if node_code:
            node = selectors.directory_node_get(organisation=organisation, code=node_code)
        return organisation, node

    def title(self, obj: FeedObject) -> str:
        organisation, node = obj
        return f"{organisation.name} · {node.name if node else '主动公开'}"

    def link(self, obj: FeedObject) -> str:
        organisation, node = obj
        if node is None:
            return reverse("catalog:directory", kwargs={"code": organisation.code})
        return reverse(
            "catalog:directory-node", kwargs={"code": organisation.code, "node_code": node.code}
        )

    def subtitle(self, obj: FeedObject) -> str:
        return f"{obj[0].name}主动公开的政府信息"

    def items(self, obj: FeedObject) -> list[Item]:
        return selectors.feed_items(organisation=obj[0], category=obj[1])

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return item.summary

    def item_link(self, item: Item) -> str:
        return reverse("catalog:item", kwargs={"index_number": item.index_number})

    def item_pubdate(self, item: Item) -> Any:
        return item.published_at

    def item_updateddate(self, item: Item) -> Any:
        return item.published_at


item_feed = ItemFeed()


# --- Sitemap ----------------------------------------------------------------------------------


def sitemap_index(request: HttpRequest) -> HttpResponse:
    total = selectors.published_items().count()
    pages = range(1, max(1, -(-total // SITEMAP_PAGE)) + 1)
    context = {"base": request.build_absolute_uri("/")[:-1], "pages": pages}
    return render(
        request, "catalog/portal/sitemap_index.xml", context, content_type="application/xml"
    )


def sitemap_pages(request: HttpRequest) -> HttpResponse:
    urls = [reverse("portal:home"), reverse("catalog:search"), reverse("catalog:organisations")]
    urls += [reverse("catalog:normative"), reverse("reports:public-index")]
    for organisation in selectors.public_organisations():
        urls.append(reverse("catalog:directory", kwargs={"code": organisation.code}))
        urls.append(reverse("catalog:guide", kwargs={"code": organisation.code}))
    context = {"base": request.build_absolute_uri("/")[:-1], "urls": urls}
    return render(
        request, "catalog/portal/sitemap_urls.xml", context, content_type="application/xml"
    )


def sitemap_items(request: HttpRequest, page: int) -> HttpResponse:
    rows = (
        Item.objects.filter(status="published")
        .order_by("id")
        .values_list("index_number", "published_at")[
            (page - 1) * SITEMAP_PAGE : page * SITEMAP_PAGE
        ]
    )
    urls = [(reverse("catalog:item", kwargs={"index_number": n}), at) for n, at in rows]
    context = {"base": request.build_absolute_uri("/")[:-1], "items": urls}
    return render(
        request, "catalog/portal/sitemap_items.xml", context, content_type="application/xml"
    )
