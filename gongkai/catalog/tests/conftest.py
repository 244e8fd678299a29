"""Catalog fixtures: the personas' organisations with their default directories, and helpers
that draft and push items through the workflow."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog import services
from gongkai.catalog.choices import CONFIDENTIALITY_CHECKLIST, DocumentType, Topic
from gongkai.catalog.models import DirectoryNode, Item
from gongkai.core.testing import grant, make_user
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation

CHECKLIST = {key: True for key, _ in CONFIDENTIALITY_CHECKLIST}


def node(organisation: Organisation, code: str) -> DirectoryNode:
    return DirectoryNode.objects.get(organisation=organisation, code=code)


def draft(p, *, organisation=None, actor=None, **fields) -> Item:  # type: ignore[no-untyped-def]
    organisation = organisation or p.org_a
    defaults = {
        "title": "测试市甲局关于做好2021年政府信息公开工作的通知",
        "category": node(organisation, fields.pop("category_code", "20-15")),
        "formed_on": dt.date(2021, 3, 1),
        "doc_type": DocumentType.NOTICE,
        "topic": Topic.GENERAL,
        "summary": "部署本年度重点工作。",
        "body": "<p>各科室：现将有关事项通知如下。</p>",
    }
    defaults.update(fields)
    return services.item_create(organisation=organisation, actor=actor or p.handler_a, **defaults)


def publish(p, item: Item, *, now: dt.datetime | None = None) -> Item:  # type: ignore[no-untyped-def]
    """Push a draft through the whole chain of its organisation (A, or B's own chain)."""
    b = item.organisation_id == p.org_b.pk
    item = services.item_submit(item=item, actor=p.clerk_b if b else p.handler_a)
    reviewer, head, leader = (
        (p.reviewer_b, p.office_head_b, p.leader_b)
        if b
        else (p.reviewer_a, p.office_head_a, p.leader_a)
    )
    item = services.item_approve(item=item, actor=reviewer, checklist=CHECKLIST)
    item = services.item_approve(item=item, actor=head)
    return services.item_approve(item=item, actor=leader, now=now)


@pytest.fixture
def p(personas):  # type: ignore[no-untyped-def]
    for organisation in (personas.government, personas.org_a, personas.org_b):
        services.directory_ensure_default(organisation=organisation)
    personas.reviewer_b = grant(make_user("reviewer_b"), personas.org_b, Role.REVIEWER)
    personas.office_head_b = grant(make_user("office_head_b"), personas.org_b, Role.OFFICE_HEAD)
    personas.leader_b = grant(make_user("leader_b"), personas.org_b, Role.LEADER)
    return personas
