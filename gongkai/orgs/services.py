"""Writes to the organisation tree and memberships (conventions C3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from gongkai.audit.choices import AuditAction
from gongkai.audit.services import audit_record, model_changes, snapshot
from gongkai.core.errors import ApplicationError
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership, Organisation
from gongkai.orgs.selectors import forget_access_scope, require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User

CONTACT_FIELDS = [
    "name",
    "short_name",
    "office_name",
    "address",
    "postcode",
    "office_hours",
    "phone",
    "fax",
    "email",
    "website",
]


@transaction.atomic
def organisation_create(
    *,
    code: str,
    name: str,
    kind: str,
    report_owner_type: str,
    parent: Organisation | None,
    actor: User | None,
    **contact: Any,
) -> Organisation:
    if Organisation.objects.filter(code=code).exists():
        raise ApplicationError(f"机关代码 {code} 已被使用。")
    organisation = Organisation(
        code=code,
        name=name,
        kind=kind,
        report_owner_type=report_owner_type,
        parent=parent,
        **contact,
    )
    organisation.path = "/"  # placeholder until the id is known
    organisation.full_clean(exclude=["path"])
    organisation.save()
    organisation.path = f"{parent.path if parent else '/'}{organisation.pk}/"
    organisation.depth = parent.depth + 1 if parent else 0
    organisation.save(update_fields=["path", "depth"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=organisation,
        organisation=organisation,
        after={"code": code, "name": name, "parent": parent.code if parent else None},
    )
    return organisation


@transaction.atomic
def organisation_update_contact(
    *, organisation: Organisation, actor: User, data: dict[str, Any]
) -> Organisation:
    """Change the name and the OGI office's contact data (used by the 公开指南)."""
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN})
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = snapshot(locked, CONTACT_FIELDS)
    for name in CONTACT_FIELDS:
        if name in data:
            setattr(locked, name, data[name])
    locked.full_clean()
    locked.save()
    old, new = model_changes(locked, CONTACT_FIELDS, before)
    if new:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=locked,
            organisation=locked,
            before=old,
            after=new,
        )
    return locked


@transaction.atomic
def membership_grant(
    *, organisation: Organisation, user: User, role: str, actor: User
) -> Membership:
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN})
    if role not in Role.values:
        raise ApplicationError("未知的角色。")
    if role == Role.SUPERVISOR and not actor.is_superuser:
        # Supervision comes from the level above; a unit cannot appoint its own supervisors.
        raise ApplicationError("监督人员岗位只能由系统管理员设置。")
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if not created:
        raise ApplicationError(f"{user} 已是该机关的{membership.get_role_display()}。")
    audit_record(
        actor=actor,
        action="orgs.membership_grant",
        obj=membership,
        organisation=organisation,
        after={"user": user.get_username(), "role": role},
    )
    forget_access_scope(user=user)
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, actor: User) -> None:
    organisation = membership.organisation
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN})
    if membership.user_id == actor.pk and membership.role == Role.ORG_ADMIN:
        raise ApplicationError("不能撤销自己的单位管理员岗位，请由其他管理员操作。")
    audit_record(
        actor=actor,
        action="orgs.membership_revoke",
        obj=membership,
        organisation=organisation,
        before={"user": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
