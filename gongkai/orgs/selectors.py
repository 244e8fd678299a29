"""Who may see and do what, per organisation — written once, used by every domain (C4).

Staff hold roles in organisations. Every role lets its holder read that organisation;
a supervisor additionally reads the organisation's whole subtree. System administrators
read everything. Writes need a specific role in the organisation itself (never inherited):
supervisors watch, they do not act for a unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership, Organisation

if TYPE_CHECKING:
    from gongkai.accounts.models import User

M = TypeVar("M", bound=models.Model)

_SCOPE_ATTR = "_gongkai_access_scope"


@dataclass(frozen=True)
class AccessScope:
    """What one user may read and which roles they hold where; computed once per request."""

    is_sysadmin: bool
    roles: dict[int, frozenset[str]] = field(default_factory=dict)
    readable_ids: frozenset[int] = frozenset()

    def can_read(self, organisation_id: int) -> bool:
        return self.is_sysadmin or organisation_id in self.readable_ids

    def has_role(self, organisation_id: int, roles: Iterable[str]) -> bool:
        return bool(self.roles.get(organisation_id, frozenset()) & set(roles))


def access_scope(*, user: User) -> AccessScope:
    """The user's scope, cached on the user object for the rest of the request."""
    cached: AccessScope | None = getattr(user, _SCOPE_ATTR, None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    setattr(user, _SCOPE_ATTR, scope)
    return scope


def _compute_scope(user: User) -> AccessScope:
    if not user.is_authenticated or not user.is_active:
        return AccessScope(is_sysadmin=False)
    roles: dict[int, set[str]] = {}
    supervised_paths: list[str] = []
    memberships = Membership.objects.filter(user=user, organisation__is_active=True).values_list(
        "organisation_id", "role", "organisation__path"
    )
    for org_id, role, path in memberships:
        roles.setdefault(org_id, set()).add(role)
        if role == Role.SUPERVISOR:
            supervised_paths.append(path)
    readable = set(roles)
    if supervised_paths:
        subtree = Q()
        for path in supervised_paths:
            subtree |= Q(path__startswith=path)
        readable |= set(Organisation.objects.filter(subtree).values_list("id", flat=True))
    return AccessScope(
        is_sysadmin=user.is_superuser,
        roles={org_id: frozenset(r) for org_id, r in roles.items()},
        readable_ids=frozenset(readable),
    )


def forget_access_scope(*, user: User) -> None:
    """Drop the cached scope after memberships change within the same request."""
    if hasattr(user, _SCOPE_ATTR):
        delattr(user, _SCOPE_ATTR)


def scope_queryset(
    queryset: QuerySet[M], *, user: User, field: str = "organisation"
) -> QuerySet[M]:
    """Restrict any queryset of organisation-owned rows to what ``user`` may read."""
    scope = access_scope(user=user)
    if scope.is_sysadmin:
        return queryset
    return queryset.filter(**{f"{field}_id__in": scope.readable_ids})


def organisations_for_user(*, user: User) -> QuerySet[Organisation]:
    queryset = Organisation.objects.select_related("parent")
    scope = access_scope(user=user)
    if scope.is_sysadmin:
        return queryset
    return queryset.filter(id__in=scope.readable_ids)


def organisation_subtree(*, organisation: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(path__startswith=organisation.path)


def organisation_get_for_user(*, user: User, code: str, for_write: bool = False) -> Organisation:
    """The organisation with ``code`` if the user may read it; 404 otherwise, so that
    outsiders cannot even learn it exists. ``for_write`` needs the org-admin role there."""
    try:
        organisation = organisations_for_user(user=user).get(code=code)
    except Organisation.DoesNotExist:
        raise Http404("没有找到该机关，或您无权查看。") from None
    if for_write:
        require_role(user=user, organisation=organisation, roles={Role.ORG_ADMIN})
    return organisation


def require_role(*, user: User, organisation: Organisation, roles: Iterable[str]) -> None:
    """Raise PermissionDenied unless the user holds one of ``roles`` in ``organisation``.
    System administrators pass: they administer the platform and every action is audited."""
    scope = access_scope(user=user)
    if scope.is_sysadmin or scope.has_role(organisation.pk, roles):
        return
    raise PermissionDenied("您在该机关没有执行此操作的权限。")


def user_roles(*, user: User, organisation: Organisation) -> frozenset[str]:
    return access_scope(user=user).roles.get(organisation.pk, frozenset())


def memberships_for_organisation(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__username")
    )
