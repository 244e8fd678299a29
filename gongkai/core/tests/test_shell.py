"""The UI shell: public portal, staff back office, security headers, CLI and demo data."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.orgs.models import Membership, Organisation

ROOT = Path(__file__).resolve().parents[3]


def test_public_home_is_open_and_in_chinese(db, client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in response.content.decode()


def test_staff_home_redirects_anonymous_visitors_to_login(db, client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/accounts/login/")


def test_staff_home_lists_my_roles(personas):
    page = personas.client_for(personas.handler_a).get("/staff/").content.decode()
    assert "测试市甲局" in page
    assert "承办人" in page


def test_security_headers_are_set(db, client):
    response = client.get(reverse("portal:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_forms_require_csrf(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.admin_a)
    response = client.post(reverse("orgs:edit", kwargs={"code": "A1"}), {"name": "x"})
    assert response.status_code == 403


def test_htmx_is_served_from_our_own_static_files(db, client):
    page = client.get(reverse("portal:home")).content.decode()
    assert "/static/django_htmx/htmx-2.min.js" in page


def test_demo_data_is_idempotent(db):
    call_command("demo", stdout=StringIO())
    orgs, users, roles = (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == (
        orgs,
        users,
        roles,
    )
    government = Organisation.objects.get(code="410782")
    assert government.name == "辉县市人民政府"
    assert government.children.filter(kind="department").count() >= 6
    assert government.children.filter(kind__in=["township", "subdistrict"]).count() >= 4
    for username in [
        "registrar",
        "handler",
        "reviewer",
        "officehead",
        "leader",
        "orgadmin",
        "supervisor",
    ]:
        assert Membership.objects.filter(user__username=username, organisation=government)


def test_demo_if_empty_leaves_existing_data_alone(personas):
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "跳过" in out.getvalue()
    assert not Organisation.objects.filter(code="410782").exists()


def test_the_cli_lists_its_commands():
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"GONGKAI_DEMO": "1", "PATH": "/usr/bin:/bin"},
    )
    for command in ["migrate", "runserver", "demo"]:
        assert command in result.stdout
