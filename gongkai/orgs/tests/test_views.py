"""Access to every organisation view for every persona (conventions C13: test the "no")."""

import pytest
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership

READ_VIEWS = ["orgs:detail"]
WRITE_GET_VIEWS = ["orgs:edit"]


def url(name, code="A1", **kwargs):
    return reverse(name, kwargs={"code": code, **kwargs})


def test_anonymous_is_sent_to_login_everywhere(personas, client):
    for target in [reverse("orgs:list"), url("orgs:detail"), url("orgs:edit")]:
        response = client.get(target)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(url("orgs:membership-grant"), {"username": "x", "role": "handler"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("persona", "detail", "edit"),
    [
        ("registrar_a", 200, 403),
        ("handler_a", 200, 403),
        ("reviewer_a", 200, 403),
        ("office_head_a", 200, 403),
        ("leader_a", 200, 403),
        ("admin_a", 200, 200),
        ("supervisor", 200, 403),
        ("sysadmin", 200, 200),
        ("clerk_b", 404, 404),
        ("admin_b", 404, 404),
        ("outsider", 404, 404),
    ],
)
def test_access_to_organisation_a_per_role(personas, persona, detail, edit):
    client = personas.client_for(getattr(personas, persona))
    assert client.get(url("orgs:detail")).status_code == detail
    assert client.get(url("orgs:edit")).status_code == edit


def test_list_shows_only_readable_organisations(personas):
    page = personas.client_for(personas.handler_a).get(reverse("orgs:list")).content.decode()
    assert "测试市甲局" in page
    assert "测试市乙局" not in page


def test_org_admin_edits_contact_data_and_it_is_audited(personas):
    client = personas.client_for(personas.admin_a)
    response = client.post(
        url("orgs:edit"),
        {"name": "测试市甲局", "office_name": "甲局办公室", "phone": "0373-1234567", "email": ""},
    )
    assert response.status_code == 302
    personas.org_a.refresh_from_db()
    assert personas.org_a.phone == "0373-1234567"
    entry = AuditEntry.objects.get(action="update", object_id=str(personas.org_a.pk))
    assert entry.actor == personas.admin_a
    assert entry.after["phone"] == "0373-1234567"
    assert entry.before["phone"] == ""


def test_invalid_contact_data_is_refused_and_nothing_changes(personas):
    client = personas.client_for(personas.admin_a)
    response = client.post(url("orgs:edit"), {"name": "", "email": "不是邮箱"})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    personas.org_a.refresh_from_db()
    assert personas.org_a.name == "测试市甲局"


def test_admin_of_b_cannot_post_to_a(personas):
    client = personas.client_for(personas.admin_b)
    response = client.post(url("orgs:edit"), {"name": "被篡改"})
    assert response.status_code == 404
    response = client.post(
        url("orgs:membership-grant"), {"username": "clerk_b", "role": Role.HANDLER}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=personas.clerk_b, organisation=personas.org_a)


def test_org_admin_grants_and_revokes_a_role(personas):
    client = personas.client_for(personas.admin_a)
    client.post(url("orgs:membership-grant"), {"username": "outsider", "role": Role.HANDLER})
    membership = Membership.objects.get(user=personas.outsider, organisation=personas.org_a)
    assert AuditEntry.objects.filter(action="orgs.membership_grant").count() == 1
    client.post(url("orgs:membership-revoke", membership_id=membership.pk))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="orgs.membership_revoke").count() == 1


def test_a_unit_cannot_appoint_its_own_supervisor(personas):
    client = personas.client_for(personas.admin_a)
    response = client.post(
        url("orgs:membership-grant"), {"username": "outsider", "role": Role.SUPERVISOR}
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(user=personas.outsider).exists()


def test_membership_of_another_organisation_cannot_be_revoked_through_a(personas):
    foreign = Membership.objects.get(user=personas.clerk_b, role=Role.HANDLER)
    client = personas.client_for(personas.admin_a)
    response = client.post(url("orgs:membership-revoke", membership_id=foreign.pk))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()
