"""Test personas (conventions C13): a small organisation tree and one user per role.

``org_a`` and ``org_b`` are sibling departments under ``government``. ``clerk_a`` works in A
and must see nothing of B; ``supervisor`` supervises the government and reads the subtree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client

from gongkai.accounts.models import User
from gongkai.orgs.choices import OrganisationKind, ReportOwnerType, Role
from gongkai.orgs.models import Membership, Organisation
from gongkai.orgs.services import organisation_create

PASSWORD = "Correct-horse-battery-9"


@dataclass
class Personas:
    government: Organisation
    org_a: Organisation
    org_b: Organisation
    township_a: Organisation
    registrar_a: User
    handler_a: User
    reviewer_a: User
    office_head_a: User
    leader_a: User
    admin_a: User
    clerk_b: User
    admin_b: User
    supervisor: User
    sysadmin: User
    outsider: User

    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


def make_user(username: str, *, superuser: bool = False) -> User:
    return User.objects.create_user(
        username=username,
        password=PASSWORD,
        full_name=username,
        is_superuser=superuser,
        is_staff=superuser,
    )


def make_org(code: str, name: str, parent: Organisation | None, kind: str) -> Organisation:
    owner = ReportOwnerType.GOVERNMENT if parent is None else ReportOwnerType.DEPARTMENT
    return organisation_create(
        code=code, name=name, kind=kind, report_owner_type=owner, parent=parent, actor=None
    )


def grant(user: User, organisation: Organisation, *roles: str) -> User:
    for role in roles:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def build_personas() -> Personas:
    government = make_org("G1", "测试市人民政府", None, OrganisationKind.GOVERNMENT)
    org_a = make_org("A1", "测试市甲局", government, OrganisationKind.DEPARTMENT)
    org_b = make_org("B1", "测试市乙局", government, OrganisationKind.DEPARTMENT)
    township_a = make_org("A1-T", "测试市甲局下属中心", org_a, OrganisationKind.OTHER)
    return Personas(
        government=government,
        org_a=org_a,
        org_b=org_b,
        township_a=township_a,
        registrar_a=grant(make_user("registrar_a"), org_a, Role.REGISTRAR),
        handler_a=grant(make_user("handler_a"), org_a, Role.HANDLER),
        reviewer_a=grant(make_user("reviewer_a"), org_a, Role.REVIEWER),
        office_head_a=grant(make_user("office_head_a"), org_a, Role.OFFICE_HEAD),
        leader_a=grant(make_user("leader_a"), org_a, Role.LEADER),
        admin_a=grant(make_user("admin_a"), org_a, Role.ORG_ADMIN),
        clerk_b=grant(make_user("clerk_b"), org_b, Role.REGISTRAR, Role.HANDLER),
        admin_b=grant(make_user("admin_b"), org_b, Role.ORG_ADMIN),
        supervisor=grant(make_user("supervisor"), government, Role.SUPERVISOR),
        sysadmin=make_user("sysadmin", superuser=True),
        outsider=make_user("outsider"),
    )
