"""Public portal pages. Later domains (catalog, reports) add their columns here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.orgs.models import Organisation


def home(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(is_active=True).order_by("path")
    return render(request, "portal/home.html", {"organisations": organisations})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")
