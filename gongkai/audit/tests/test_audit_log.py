"""The audit log is append-only: nothing in the app can edit or delete an entry."""

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from gongkai.audit.models import AuditEntry, AuditLogIsAppendOnly
from gongkai.audit.services import audit_record
from gongkai.orgs.services import organisation_update_contact


@pytest.fixture
def entry(personas):
    organisation_update_contact(
        organisation=personas.org_a, actor=personas.admin_a, data={"phone": "0373-7654321"}
    )
    return AuditEntry.objects.get(action="update", object_id=str(personas.org_a.pk))


def test_a_state_change_writes_who_what_when_and_before_after(entry, personas):
    assert entry.actor == personas.admin_a
    assert entry.organisation == personas.org_a
    assert entry.object_type == "orgs.organisation"
    assert entry.before == {"phone": ""}
    assert entry.after == {"phone": "0373-7654321"}
    assert entry.at is not None


def test_an_entry_cannot_be_saved_again(entry):
    entry.note = "篡改"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.all().delete()


def test_bulk_update_is_refused(entry):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(note="篡改")


def test_the_database_refuses_raw_updates(entry):
    table = AuditEntry._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET note = %s WHERE id = %s", ["篡改", entry.pk])  # noqa: S608
    entry_again = AuditEntry.objects.get(pk=entry.pk)
    assert entry_again.note == ""


def test_the_admin_offers_no_add_change_or_delete(entry, personas):
    model_admin = site._registry[AuditEntry]
    request = RequestFactory().get("/")
    request.user = personas.sysadmin
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)


def test_only_sysadmins_search_the_audit_log(entry, personas):
    assert personas.client_for(personas.admin_a).get(reverse("audit:list")).status_code == 403
    assert personas.client_for(personas.supervisor).get(reverse("audit:list")).status_code == 403
    response = personas.client_for(personas.sysadmin).get(reverse("audit:list"), {"q": "甲局"})
    assert response.status_code == 200
    assert "0373-7654321" in response.content.decode()


def test_personal_data_views_are_recorded(personas):
    from gongkai.audit.services import audit_personal_data_view

    audit_personal_data_view(
        actor=personas.handler_a,
        obj=personas.org_a,
        organisation=personas.org_a,
        request=None,
        fields=["phone", "id_number"],
    )
    logged = AuditEntry.objects.get(action="personal_data.view")
    assert logged.after == {"fields": ["phone", "id_number"]}


def test_anonymous_actions_keep_the_attempted_name(db):
    entry = audit_record(actor=None, actor_label="someone", action="auth.login_failed")
    assert entry.actor is None
    assert entry.actor_label == "someone"
