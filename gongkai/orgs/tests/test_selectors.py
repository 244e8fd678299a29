"""Who reads which organisation: memberships read their own body, supervisors the subtree."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import (
    organisation_get_for_user,
    organisation_subtree,
    organisations_for_user,
)


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_subtree_is_the_organisation_and_all_descendants(personas):
    assert codes(organisation_subtree(organisation=personas.government)) == [
        "A1",
        "A1-T",
        "B1",
        "G1",
    ]
    assert codes(organisation_subtree(organisation=personas.org_a)) == ["A1", "A1-T"]
    assert codes(organisation_subtree(organisation=personas.org_b)) == ["B1"]


def test_staff_read_only_their_own_organisation(personas):
    assert codes(organisations_for_user(user=personas.handler_a)) == ["A1"]
    assert codes(organisations_for_user(user=personas.clerk_b)) == ["B1"]


def test_supervisor_reads_the_whole_subtree(personas):
    assert codes(organisations_for_user(user=personas.supervisor)) == ["A1", "A1-T", "B1", "G1"]


def test_sysadmin_reads_everything_and_outsider_nothing(personas):
    assert organisations_for_user(user=personas.sysadmin).count() == Organisation.objects.count()
    assert organisations_for_user(user=personas.outsider).count() == 0


def test_a_sibling_organisation_is_invisible(personas):
    with pytest.raises(Http404):
        organisation_get_for_user(user=personas.handler_a, code="B1")


def test_inactive_organisation_grants_nothing(personas):
    Organisation.objects.filter(pk=personas.org_a.pk).update(is_active=False)
    assert codes(organisations_for_user(user=personas.handler_a)) == []


@pytest.mark.parametrize(
    "persona", ["registrar_a", "handler_a", "reviewer_a", "office_head_a", "leader_a"]
)
def test_only_the_org_admin_may_write_organisation_data(personas, persona):
    user = getattr(personas, persona)
    assert organisation_get_for_user(user=user, code="A1").code == "A1"
    with pytest.raises(PermissionDenied):
        organisation_get_for_user(user=user, code="A1", for_write=True)
    assert organisation_get_for_user(user=personas.admin_a, code="A1", for_write=True)


def test_supervisor_reads_but_cannot_write_a_unit(personas):
    assert organisation_get_for_user(user=personas.supervisor, code="A1")
    with pytest.raises(PermissionDenied):
        organisation_get_for_user(user=personas.supervisor, code="A1", for_write=True)
