"""System administrators use the Django admin; their changes are audited like any other."""

from django.urls import reverse

from gongkai.audit.models import AuditEntry


def test_only_sysadmins_reach_the_admin(personas):
    assert personas.client_for(personas.admin_a).get("/sysadmin/").status_code == 302
    assert personas.client_for(personas.sysadmin).get("/sysadmin/").status_code == 200


def test_an_admin_change_to_an_organisation_is_audited(personas):
    client = personas.client_for(personas.sysadmin)
    url = reverse("admin:orgs_organisation_change", args=[personas.org_b.pk])
    data = {
        "code": "B1",
        "name": "测试市乙局（新）",
        "short_name": "",
        "kind": "department",
        "report_owner_type": "department",
        "parent": personas.government.pk,
        "is_active": "on",
        "office_name": "",
        "address": "",
        "postcode": "",
        "office_hours": "",
        "phone": "",
        "fax": "",
        "email": "",
        "website": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="update", object_id=str(personas.org_b.pk))
    assert entry.after == {"name": "测试市乙局（新）"}
    assert entry.before == {"name": "测试市乙局"}
    assert entry.actor == personas.sysadmin
