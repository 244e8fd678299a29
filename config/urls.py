"""Root URL configuration: the public portal at /, the staff back office at /staff/."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from gongkai.accounts.forms import AdminLoginForm

admin.site.login_form = AdminLoginForm
admin.site.site_header = "公开 Gongkai 系统管理"
admin.site.site_title = "Gongkai 系统管理"

urlpatterns = [
    path("staff/", include("gongkai.core.urls")),
    path("staff/accounts/", include("gongkai.accounts.urls")),
    path("staff/orgs/", include("gongkai.orgs.urls")),
    path("staff/audit/", include("gongkai.audit.urls")),
    path("sysadmin/", admin.site.urls),
    # Domain apps own their full paths (staff pages under staff/, public pages at the root).
    path("", include("gongkai.calendars.urls")),
    path("", include("gongkai.catalog.urls")),
    path("", include("gongkai.foi.urls")),
    path("", include("gongkai.disputes.urls")),
    path("", include("gongkai.oversight.urls")),
    path("", include("gongkai.article20.urls")),
    path("", include("gongkai.interaction.urls")),
    path("", include("gongkai.reports.urls")),
    path("", include("gongkai.portal.urls")),
]

if settings.DEBUG or settings.DEMO:
    from django.conf.urls.static import static

    # Only public uploads are served directly; private ones go through permission checks.
    urlpatterns += static(  # type: ignore[arg-type]
        f"{settings.MEDIA_URL}public/", document_root=settings.MEDIA_ROOT / "public"
    )
