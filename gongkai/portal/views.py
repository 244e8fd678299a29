"""Public portal pages. Later domains (catalog, reports) add their columns here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.catalog import selectors as catalog_selectors


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "organisations": catalog_selectors.public_organisations(),
        "columns": catalog_selectors.latest_by_category(per_category=5),
    }
    return render(request, "portal/home.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")
