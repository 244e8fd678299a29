"""Permission-scoped reads of the oversight domain (conventions C4).

Who sees what:

- a unit (any role in an organisation) sees its own platforms, check records, rectification
  tasks and training records;
- a supervisor (``Role.SUPERVISOR``) sees all of that for the organisation's subtree, plus the
  check rounds and assessments held by organisations in that subtree;
- nobody else sees anything (404, so that outsiders cannot learn a record exists).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership, Organisation
from gongkai.orgs.selectors import access_scope, scope_queryset
from gongkai.oversight.choices import OPEN_RECTIFICATION, RoundStatus, Verdict
from gongkai.oversight.models import (
    AssessmentSheet,
    CheckRecord,
    CheckRound,
    IndicatorSheet,
    Platform,
    Rectification,
    TrainingRecord,
)

if TYPE_CHECKING:
    from gongkai.accounts.models import User

_SUPERVISED_ATTR = "_gongkai_oversight_supervised"


def supervised_ids(*, user: User) -> frozenset[int]:
    """Organisations the user supervises: the subtrees under their SUPERVISOR memberships
    (cached on the user object for the request)."""
    cached: frozenset[int] | None = getattr(user, _SUPERVISED_ATTR, None)
    if cached is not None:
        return cached
    paths = Membership.objects.filter(
        user=user, role=Role.SUPERVISOR, organisation__is_active=True
    ).values_list("organisation__path", flat=True)
    subtree = Q()
    for path in paths:
        subtree |= Q(path__startswith=path)
    ids = (
        frozenset(Organisation.objects.filter(subtree).values_list("id", flat=True))
        if paths
        else frozenset()
    )
    setattr(user, _SUPERVISED_ATTR, ids)
    return ids


def can_supervise(*, user: User, organisation: Organisation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or organisation.pk in supervised_ids(user=user)


def require_supervisor(*, user: User, organisation: Organisation) -> None:
    if not can_supervise(user=user, organisation=organisation):
        raise PermissionDenied("只有上级监督人员可以执行此操作。")


def is_supervisor(*, user: User) -> bool:
    return user.is_superuser or bool(supervised_ids(user=user))


def supervised_organisations(*, user: User) -> QuerySet[Organisation]:
    queryset = Organisation.objects.filter(is_active=True).order_by("depth", "code")
    if user.is_superuser:
        return queryset
    return queryset.filter(id__in=supervised_ids(user=user))


def supervising_roots(*, user: User) -> QuerySet[Organisation]:
    """Organisations where the user holds the supervisor role (where rounds are held)."""
    if user.is_superuser:
        return Organisation.objects.filter(is_active=True, parent__isnull=True)
    return Organisation.objects.filter(
        is_active=True, memberships__user=user, memberships__role=Role.SUPERVISOR
    ).distinct()


def supervising_root_of(*, user: User, organisation: Organisation) -> Organisation:
    """The nearest organisation at or above ``organisation`` where the user is a supervisor
    (the one that orders and verifies); PermissionDenied if there is none."""
    for root in supervising_roots(user=user).order_by("-depth"):
        if organisation.path.startswith(root.path):
            return root
    raise PermissionDenied("只有上级监督人员可以执行此操作。")


# --- Platforms --------------------------------------------------------------------------------


def platforms_for_user(*, user: User) -> QuerySet[Platform]:
    return scope_queryset(Platform.objects.select_related("organisation"), user=user)


def platform_get_for_user(*, user: User, pk: int) -> Platform:
    try:
        return platforms_for_user(user=user).get(pk=pk)
    except Platform.DoesNotExist:
        raise Http404("没有找到该网站或新媒体，或您无权查看。") from None


def can_manage_platforms(*, user: User, organisation: Organisation) -> bool:
    scope = access_scope(user=user)
    return can_supervise(user=user, organisation=organisation) or scope.has_role(
        organisation.pk, {Role.ORG_ADMIN}
    )


def indicator_sheets() -> QuerySet[IndicatorSheet]:
    return IndicatorSheet.objects.all()


def default_sheet(*, variant: str) -> IndicatorSheet | None:
    return IndicatorSheet.objects.filter(variant=variant, is_default=True).first()


# --- Spot checks ------------------------------------------------------------------------------


def rounds_for_user(*, user: User) -> QuerySet[CheckRound]:
    queryset = CheckRound.objects.select_related("organisation").annotate(
        n_records=Count("records"),
        n_failed=Count("records", filter=Q(records__verdict=Verdict.FAIL)),
    )
    if user.is_superuser:
        return queryset
    return queryset.filter(organisation_id__in=supervised_ids(user=user))


def round_get_for_user(*, user: User, pk: int) -> CheckRound:
    try:
        return rounds_for_user(user=user).get(pk=pk)
    except CheckRound.DoesNotExist:
        raise Http404("没有找到该抽查轮次，或您无权查看。") from None


def current_rounds(*, user: User) -> QuerySet[CheckRound]:
    return rounds_for_user(user=user).filter(status=RoundStatus.OPEN)


def records_for_user(*, user: User) -> QuerySet[CheckRecord]:
    queryset = CheckRecord.objects.select_related(
        "round", "platform", "platform__organisation", "sheet"
    )
    return scope_queryset(queryset, user=user, field="platform__organisation")


def record_get_for_user(*, user: User, pk: int) -> CheckRecord:
    try:
        return records_for_user(user=user).get(pk=pk)
    except CheckRecord.DoesNotExist:
        raise Http404("没有找到该抽查记录，或您无权查看。") from None


# --- Rectification ----------------------------------------------------------------------------


def rectifications_for_user(*, user: User) -> QuerySet[Rectification]:
    queryset = Rectification.objects.select_related(
        "organisation", "supervisor_org", "finding", "finding__record__platform"
    )
    return scope_queryset(queryset, user=user)


def open_rectifications_for_user(*, user: User) -> QuerySet[Rectification]:
    return rectifications_for_user(user=user).filter(status__in=OPEN_RECTIFICATION)


def rectification_get_for_user(*, user: User, pk: int) -> Rectification:
    try:
        return rectifications_for_user(user=user).get(pk=pk)
    except Rectification.DoesNotExist:
        raise Http404("没有找到该整改任务，或您无权查看。") from None


def can_answer(*, user: User, task: Rectification) -> bool:
    """Staff of the responsible unit answer (any role there except supervisor)."""
    roles = access_scope(user=user).roles.get(task.organisation_id, frozenset())
    return user.is_superuser or bool(roles - {Role.SUPERVISOR})


# --- Training and assessment ------------------------------------------------------------------


def trainings_for_user(*, user: User) -> QuerySet[TrainingRecord]:
    return scope_queryset(TrainingRecord.objects.select_related("organisation"), user=user)


def training_get_for_user(*, user: User, pk: int) -> TrainingRecord:
    try:
        return trainings_for_user(user=user).get(pk=pk)
    except TrainingRecord.DoesNotExist:
        raise Http404("没有找到该培训记录，或您无权查看。") from None


def training_organisations(*, user: User) -> QuerySet[Organisation]:
    """Where the user may record trainings: supervisor or org-admin roles there."""
    if user.is_superuser:
        return Organisation.objects.filter(is_active=True)
    return Organisation.objects.filter(
        is_active=True,
        memberships__user=user,
        memberships__role__in=[Role.SUPERVISOR, Role.ORG_ADMIN],
    ).distinct()


def assessments_for_user(*, user: User) -> QuerySet[AssessmentSheet]:
    queryset = AssessmentSheet.objects.select_related("organisation")
    if user.is_superuser:
        return queryset
    return queryset.filter(organisation_id__in=supervised_ids(user=user))


def assessment_get_for_user(*, user: User, pk: int) -> AssessmentSheet:
    try:
        return assessments_for_user(user=user).get(pk=pk)
    except AssessmentSheet.DoesNotExist:
        raise Http404("没有找到该考核，或您无权查看。") from None


def assessed_organisations(*, sheet: AssessmentSheet) -> QuerySet[Organisation]:
    """The units assessed: the assessing organisation's active subtree below it."""
    return Organisation.objects.filter(
        is_active=True, path__startswith=sheet.organisation.path
    ).exclude(pk=sheet.organisation_id)


def report_deadline(*, organisation: Organisation, year: int) -> dt.date:
    """条例第49条 / decision D10: a department's report on ``year`` by 31 January of the next
    year, a people's government's by 31 March."""
    from gongkai.orgs.choices import ReportOwnerType

    month = 3 if organisation.report_owner_type == ReportOwnerType.GOVERNMENT else 1
    day = 31
    return dt.date(year + 1, month, day)
