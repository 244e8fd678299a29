"""Writes of reconsideration and litigation cases (C3)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError
from gongkai.disputes.choices import DisputeKind, DisputeResult
from gongkai.disputes.models import DisputeCase
from gongkai.orgs.choices import Role
from gongkai.orgs.selectors import require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.foi.models import Application
    from gongkai.orgs.models import Organisation

WRITERS = {Role.HANDLER, Role.OFFICE_HEAD, Role.ORG_ADMIN}


@transaction.atomic
def dispute_create(
    *,
    organisation: Organisation,
    kind: str,
    filed_on: dt.date,
    actor: User,
    application: Application | None = None,
    case_number: str = "",
    authority: str = "",
    note: str = "",
) -> DisputeCase:
    require_role(user=actor, organisation=organisation, roles=WRITERS)
    if kind not in DisputeKind.values:
        raise ApplicationError("请选择案件类型。")
    if application is not None and application.organisation_id != organisation.pk:
        raise ApplicationError("关联的申请不属于本机关。")
    if application is not None and filed_on < application.receipt_date:
        raise ApplicationError("立案日期不能早于相关申请的收到日期。")
    case = DisputeCase(
        organisation=organisation, application=application, kind=kind, filed_on=filed_on,
        case_number=case_number, authority=authority, note=note, created_by=actor,
    )  # fmt: skip
    case.full_clean(exclude=["organisation", "application", "created_by"])
    case.save()
    audit_record(
        actor=actor, action="disputes.create", obj=case, organisation=organisation,
        after={"kind": kind, "filed_on": filed_on.isoformat()},
    )  # fmt: skip
    return case


@transaction.atomic
def dispute_decide(
    *, case: DisputeCase, result: str, ended_on: dt.date, actor: User
) -> DisputeCase:
    """Record the result (维持 / 纠正 / 其他) and the end date."""
    locked = DisputeCase.objects.select_for_update().select_related("organisation").get(pk=case.pk)
    require_role(user=actor, organisation=locked.organisation, roles=WRITERS)
    if locked.result != DisputeResult.PENDING:
        raise ApplicationError("该案件已经审结。")
    if result not in DisputeResult.values or result == DisputeResult.PENDING:
        raise ApplicationError("请选择审结结果（维持、纠正或其他）。")
    if ended_on < locked.filed_on:
        raise ApplicationError("审结日期不能早于立案日期。")
    locked.result, locked.ended_on = result, ended_on
    locked.save(update_fields=["result", "ended_on", "updated_at"])
    audit_record(
        actor=actor, action="disputes.decide", obj=locked, organisation=locked.organisation,
        after={"result": result, "ended_on": ended_on.isoformat()},
    )  # fmt: skip
    return locked
