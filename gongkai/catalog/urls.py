"""URLs of the catalog domain (full paths: staff pages under staff/, public pages at the root)."""

from django.urls import URLPattern, URLResolver, path

from gongkai.catalog.views import portal, staff

app_name = "catalog"
urlpatterns: list[URLPattern | URLResolver] = [
    # Staff back office
    path("staff/catalog/", staff.item_list, name="staff-items"),
    path("staff/catalog/new/", staff.item_create, name="staff-item-create"),
    path("staff/catalog/timeliness/", staff.timeliness, name="staff-timeliness"),
    path("staff/catalog/items/<int:pk>/", staff.item_detail, name="staff-item"),
    path("staff/catalog/items/<int:pk>/edit/", staff.item_edit, name="staff-item-edit"),
    path("staff/catalog/items/<int:pk>/submit/", staff.item_submit, name="staff-item-submit"),
    path("staff/catalog/items/<int:pk>/approve/", staff.item_approve, name="staff-item-approve"),
    path("staff/catalog/items/<int:pk>/return/", staff.item_return, name="staff-item-return"),
    path("staff/catalog/items/<int:pk>/withdraw/", staff.item_withdraw, name="staff-item-withdraw"),
    path(
        "staff/catalog/items/<int:pk>/normative/", staff.item_normative, name="staff-item-normative"
    ),
    path(
        "staff/catalog/items/<int:pk>/attachments/",
        staff.attachment_upload,
        name="staff-attachment-upload",
    ),
    path(
        "staff/catalog/items/<int:pk>/attachments/<int:attachment_id>/",
        staff.attachment_download,
        name="staff-attachment",
    ),
    path(
        "staff/catalog/items/<int:pk>/attachments/<int:attachment_id>/delete/",
        staff.attachment_delete,
        name="staff-attachment-delete",
    ),
    path(
        "staff/catalog/orgs/<str:code>/directory/", staff.directory_manage, name="staff-directory"
    ),
    path(
        "staff/catalog/orgs/<str:code>/directory/<int:node_id>/",
        staff.directory_node_edit,
        name="staff-directory-node",
    ),
    path("staff/catalog/orgs/<str:code>/guide/", staff.profile_edit, name="staff-profile"),
    # Public portal
    path("search/", portal.search_page, name="search"),
    path("directory/", portal.organisations, name="organisations"),
    path("orgs/<str:code>/directory/", portal.directory, name="directory"),
    path(
        "orgs/<str:code>/directory/<str:node_code>/",
        portal.directory_node,
        name="directory-node",
    ),
    path("orgs/<str:code>/guide/", portal.guide, name="guide"),
    path("items/<str:index_number>/", portal.item_detail, name="item"),
    path(
        "items/<str:index_number>/attachments/<int:pk>/",
        portal.attachment_download,
        name="attachment",
    ),
    path("normative/", portal.normative_list, name="normative"),
    path("feeds/orgs/<str:code>/", portal.item_feed, name="feed"),
    path("feeds/orgs/<str:code>/<str:node_code>/", portal.item_feed, name="feed-category"),
    path("sitemap.xml", portal.sitemap_index, name="sitemap"),
    path("sitemaps/pages.xml", portal.sitemap_pages, name="sitemap-pages"),
    path("sitemaps/items-<int:page>.xml", portal.sitemap_items, name="sitemap-items"),
    path("text-size/", portal.text_size, name="text-size"),
]
