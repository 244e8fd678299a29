"""The publishing workflow: every path, separation of duties, organisation and role scoping."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from gongkai.audit.models import AuditEntry
from gongkai.catalog import services
from gongkai.catalog.choices import EventKind, ItemStatus
from gongkai.catalog.models import ItemEvent, SearchEntry
from gongkai.catalog.tests.conftest import CHECKLIST, draft, publish
from gongkai.core.errors import ApplicationError, ConflictError
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership
from gongkai.orgs.selectors import forget_access_scope

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def test_a_reviewer_chain_publishes_an_item_with_an_event_per_step(p):
    item = draft(p)
    assert item.status == ItemStatus.DRAFT
    assert item.index_number == "A1-2021-00001"
    item = services.item_submit(item=item, actor=p.handler_a)
    assert item.status == ItemStatus.FIRST_REVIEW
    item = services.item_approve(
        item=item, actor=p.reviewer_a, checklist=CHECKLIST, note="可以公开"
    )
    assert item.status == ItemStatus.SECOND_REVIEW
    assert item.confidentiality_checklist["by"] == "reviewer_a"
    item = services.item_approve(item=item, actor=p.office_head_a)
    assert item.status == ItemStatus.FINAL_REVIEW
    item = services.item_approve(item=item, actor=p.leader_a)
    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None
    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds == ["created", "submitted", "approved", "approved", "approved", "published"]
    levels = [e.data.get("level") for e in item.events.filter(kind=EventKind.APPROVED)]
    assert levels == ["first_review", "second_review", "final_review"]
    assert SearchEntry.objects.filter(item=item).exists()
    actions = set(
        AuditEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"catalog.item_create", "catalog.item_published", "catalog.item_approved"} <= actions


def test_first_review_needs_the_complete_confidentiality_checklist(p):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    partial = {**CHECKLIST, "no_state_secret": False}
    with pytest.raises(ApplicationError, match="保密审查未完成"):
        services.item_approve(item=item, actor=p.reviewer_a, checklist=partial)
    with pytest.raises(ApplicationError, match="保密审查未完成"):
        services.item_approve(item=item, actor=p.reviewer_a)
    item.refresh_from_db()
    assert item.status == ItemStatus.FIRST_REVIEW


def test_a_draft_without_summary_cannot_be_submitted(p):
    item = draft(p, summary="")
    with pytest.raises(ApplicationError, match="内容概述"):
        services.item_submit(item=item, actor=p.handler_a)


@pytest.mark.parametrize("level", ["first", "second", "final"])
def test_any_level_returns_the_item_with_comments(p, level):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    reviewer = p.reviewer_a
    if level in {"second", "final"}:
        item = services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)
        reviewer = p.office_head_a
    if level == "final":
        item = services.item_approve(item=item, actor=p.office_head_a)
        reviewer = p.leader_a
    with pytest.raises(ApplicationError, match="修改意见"):
        services.item_return(item=item, actor=reviewer, comment=" ")
    item = services.item_return(item=item, actor=reviewer, comment="请补充政策依据。")
    assert item.status == ItemStatus.DRAFT
    assert item.confidentiality_checklist == {}
    event = item.events.get(kind=EventKind.RETURNED)
    assert event.note == "请补充政策依据。"
    assert event.actor == reviewer
    # The drafter fixes it and the chain starts again from 初审.
    item = services.item_update(
        item=item, actor=p.handler_a, expected_version=item.version, data={"keywords": "依据"}
    )
    item = services.item_submit(item=item, actor=p.handler_a)
    assert item.status == ItemStatus.FIRST_REVIEW


def test_nobody_approves_their_own_draft(p):
    Membership.objects.create(user=p.handler_a, organisation=p.org_a, role=Role.REVIEWER)
    forget_access_scope(user=p.handler_a)
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    with pytest.raises(ApplicationError, match="不能审核自己起草"):
        services.item_approve(item=item, actor=p.handler_a, checklist=CHECKLIST)


def test_an_editor_of_the_draft_cannot_approve_it(p):
    Membership.objects.create(user=p.reviewer_a, organisation=p.org_a, role=Role.HANDLER)
    forget_access_scope(user=p.reviewer_a)
    item = draft(p)
    item = services.item_update(
        item=item, actor=p.reviewer_a, expected_version=item.version, data={"title": "改过的标题"}
    )
    item = services.item_submit(item=item, actor=p.handler_a)
    with pytest.raises(ApplicationError, match="不能审核自己起草或修改过"):
        services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)


def test_nobody_approves_two_levels_of_one_item(p):
    Membership.objects.create(user=p.reviewer_a, organisation=p.org_a, role=Role.OFFICE_HEAD)
    forget_access_scope(user=p.reviewer_a)
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    item = services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)
    with pytest.raises(ApplicationError, match="初审环节审核过"):
        services.item_approve(item=item, actor=p.reviewer_a)
    # Also after a return and resubmission: the person stays bound to the level they did.
    item = services.item_return(item=item, actor=p.office_head_a, comment="重做")
    item = services.item_submit(item=item, actor=p.handler_a)
    item = services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)
    with pytest.raises(ApplicationError, match="同一人不能审核两个环节"):
        services.item_approve(item=item, actor=p.reviewer_a)
    assert services.item_approve(item=item, actor=p.office_head_a).status == "final_review"


@pytest.mark.parametrize(
    ("persona", "level"),
    [
        ("handler_a", "first"),
        ("office_head_a", "first"),
        ("leader_a", "first"),
        ("reviewer_a", "second"),
        ("leader_a", "second"),
        ("office_head_a", "final"),
        ("supervisor", "first"),
        ("clerk_b", "first"),
        ("admin_a", "final"),
    ],
)
def test_only_the_role_of_the_level_in_the_items_organisation_approves(p, persona, level):
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    if level in {"second", "final"}:
        item = services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)
    if level == "final":
        item = services.item_approve(item=item, actor=p.office_head_a)
    with pytest.raises(PermissionDenied):
        services.item_approve(item=item, actor=getattr(p, persona), checklist=CHECKLIST)
    with pytest.raises(PermissionDenied):
        services.item_return(item=item, actor=getattr(p, persona), comment="不行")


def test_a_reviewer_of_another_organisation_cannot_review(p):
    Membership.objects.create(user=p.clerk_b, organisation=p.org_b, role=Role.REVIEWER)
    item = services.item_submit(item=draft(p), actor=p.handler_a)
    with pytest.raises(PermissionDenied):
        services.item_approve(item=item, actor=p.clerk_b, checklist=CHECKLIST)


@pytest.mark.parametrize("persona", ["reviewer_a", "supervisor", "clerk_b", "outsider", "admin_a"])
def test_only_handlers_and_registrars_draft(p, persona):
    with pytest.raises(PermissionDenied):
        draft(p, actor=getattr(p, persona))


def test_a_registrar_may_draft(p):
    assert draft(p, actor=p.registrar_a).created_by == p.registrar_a


def test_a_handler_of_b_cannot_submit_or_edit_an_item_of_a(p):
    item = draft(p)
    with pytest.raises(PermissionDenied):
        services.item_submit(item=item, actor=p.clerk_b)
    with pytest.raises(PermissionDenied):
        services.item_update(item=item, actor=p.clerk_b, expected_version=1, data={"title": "x"})


def test_only_drafts_are_edited_and_stale_versions_conflict(p):
    item = draft(p)
    with pytest.raises(ConflictError):
        services.item_update(item=item, actor=p.handler_a, expected_version=99, data={})
    item = services.item_submit(item=item, actor=p.handler_a)
    with pytest.raises(ApplicationError, match="只有草稿"):
        services.item_update(
            item=item, actor=p.handler_a, expected_version=item.version, data={"title": "x"}
        )


def test_a_category_of_another_organisation_is_refused(p):
    from gongkai.catalog.tests.conftest import node

    with pytest.raises(ApplicationError, match="不属于本机关"):
        draft(p, category=node(p.org_b, "20-15"))


def test_scheduled_publication_waits_for_its_time(p):
    later = dt.datetime(2030, 5, 1, 9, 0, tzinfo=SHANGHAI)
    item = publish(p, draft(p, publish_at=later))
    assert item.status == ItemStatus.SCHEDULED
    assert not SearchEntry.objects.filter(item=item).exists()
    assert services.items_publish_due(now=later - dt.timedelta(minutes=1)) == 0
    assert services.items_publish_due(now=later) == 1
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at == later
    assert SearchEntry.objects.filter(item=item).exists()
    assert services.items_publish_due(now=later) == 0  # idempotent
    published = item.events.get(kind=EventKind.PUBLISHED)
    assert published.actor is None
    assert published.from_status == ItemStatus.SCHEDULED


def test_publish_due_command_runs(p):
    from django.core.management import call_command

    item = publish(p, draft(p, publish_at=dt.datetime(2020, 1, 1, tzinfo=SHANGHAI)))
    # publish_at in the past: published immediately at final approval
    assert item.status == ItemStatus.PUBLISHED
    call_command("catalog_publish_due")


def test_withdrawal_needs_a_reason_and_keeps_the_history(p):
    item = publish(p, draft(p))
    with pytest.raises(PermissionDenied):
        services.item_withdraw(item=item, actor=p.handler_a, reason="错误")
    with pytest.raises(ApplicationError, match="理由"):
        services.item_withdraw(item=item, actor=p.office_head_a, reason="")
    item = services.item_withdraw(item=item, actor=p.office_head_a, reason="附件含个人信息")
    assert item.status == ItemStatus.WITHDRAWN
    assert item.withdrawn_reason == "附件含个人信息"
    assert not SearchEntry.objects.filter(item=item).exists()
    assert item.events.filter(kind=EventKind.PUBLISHED).exists()
    assert item.events.get(kind=EventKind.WITHDRAWN).note == "附件含个人信息"
    assert AuditEntry.objects.filter(action="catalog.item_withdrawn").count() == 1
    with pytest.raises(ApplicationError):
        services.item_withdraw(item=item, actor=p.leader_a, reason="再撤一次")


def test_events_are_written_for_every_transition_and_refused_transitions_change_nothing(p):
    item = draft(p)
    with pytest.raises(ApplicationError, match="不在审核环节"):
        services.item_approve(item=item, actor=p.reviewer_a, checklist=CHECKLIST)
    with pytest.raises(ApplicationError, match="不能转为"):
        services.item_withdraw(item=item, actor=p.office_head_a, reason="x")
    assert ItemEvent.objects.filter(item=item).count() == 1


@time_machine.travel(dt.datetime(2021, 4, 20, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_items_published_more_than_20_working_days_after_formation_are_late(p):
    # Formed 2021-03-01: the 20th working day after is 2021-03-29.
    on_time = publish(p, draft(p, formed_on=dt.date(2021, 4, 1)))
    late = publish(p, draft(p, formed_on=dt.date(2021, 3, 1)))
    assert late.publication_due == dt.date(2021, 3, 29)
    assert late.published_late is True
    assert on_time.published_late is False


def test_index_numbers_follow_the_organisations_pattern(p):
    first, second = draft(p), draft(p)
    assert (first.index_number, second.index_number) == ("A1-2021-00001", "A1-2021-00002")
    assert draft(p, formed_on=dt.date(2022, 1, 5)).index_number == "A1-2022-00001"
    assert draft(p, organisation=p.org_b, actor=p.clerk_b).index_number == "B1-2021-00001"
    with pytest.raises(ApplicationError, match="字母、数字"):
        services.profile_update(
            organisation=p.org_a, actor=p.admin_a, data={"index_pattern": "{org}/{year}/{seq}"}
        )
    with pytest.raises(ApplicationError, match="流水号"):
        services.profile_update(
            organisation=p.org_a, actor=p.admin_a, data={"index_pattern": "{org}-{year}"}
        )
    with pytest.raises(ApplicationError, match="占位符"):
        services.profile_update(
            organisation=p.org_a, actor=p.admin_a, data={"index_pattern": "{org.__class__}{seq}"}
        )
    services.profile_update(
        organisation=p.org_a,
        actor=p.admin_a,
        data={"index_pattern": "ZJ-{category}-{year}-{seq:04d}"},
    )
    assert draft(p).index_number == "ZJ-20-15-2021-0003"
    with pytest.raises(PermissionDenied):
        services.profile_update(organisation=p.org_a, actor=p.handler_a, data={})


def test_the_body_is_sanitised_and_the_document_number_normalised(p):
    item = draft(
        p,
        body='<p onclick="x()">正文<script>alert(1)</script><a href="javascript:x">链接</a></p>',
        document_number="测政[2021]5号",
    )
    assert "script" not in item.body
    assert "onclick" not in item.body
    assert "javascript" not in item.body
    assert item.document_number == "测政〔2021〕5号"
    assert item.document_number_key == "测政2021年5号"


def test_interpretation_links_to_its_policy(p):
    from gongkai.catalog.choices import DocumentType

    policy = draft(p, doc_type=DocumentType.POLICY)
    reading = draft(p, doc_type=DocumentType.INTERPRETATION, interprets=policy, category_code="JD")
    assert list(policy.interpretations.all()) == [reading]
    other = draft(p, doc_type=DocumentType.NOTICE, interprets=policy)
    assert other.interprets is None  # only 政策解读 interprets
