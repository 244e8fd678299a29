"""Demo applications for 辉县市人民政府 (410782): a dozen cases in various states.

Dates are relative to today so queues show realistic badges. Idempotent: nothing is added
when the organisation already has applications. Names and numbers are made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.foi import services as s
from gongkai.foi.choices import (
    ApplicantType,
    Channel,
    ConsultationKind,
    Delivery,
    FeeMethod,
    IdType,
    InfoForm,
    Outcome,
)
from gongkai.foi.models import Application
from gongkai.orgs.models import Organisation

GOVERNMENT_CODE = "410782"

# (days ago, applicant type, name, description, steps)
CASES: list[tuple[int, str, str, str, list[str]]] = [
    (0, ApplicantType.NATURAL_PERSON, "赵一鸣", "辉县市2025年城区老旧小区改造项目清单", []),
    (
        5,
        ApplicantType.NATURAL_PERSON,
        "钱二宝",
        "百泉镇2025年高标准农田建设项目验收报告",
        ["accept"],
    ),
    (26, ApplicantType.BUSINESS, "辉县市某建材有限公司", "2025年政府采购意向公开目录", ["accept"]),
    (45, ApplicantType.NATURAL_PERSON, "孙三省", "孟庄镇某村征地补偿安置方案", ["accept"]),
    (3, ApplicantType.NATURAL_PERSON, "李四海", "关于那个文件", ["correction"]),
    (
        20,
        ApplicantType.LEGAL_SERVICE,
        "河南某律师事务所",
        "某路段拓宽工程房屋征收决定",
        ["correction", "corrected"],
    ),
    (
        12,
        ApplicantType.RESEARCH,
        "某大学公共管理学院",
        "2024年度行政复议案件统计数据",
        ["accept", "consult"],
    ),
    (
        30,
        ApplicantType.NATURAL_PERSON,
        "周五星",
        "2024年城乡居民医疗救助资金使用情况",
        ["accept", "extend"],
    ),
    (8, ApplicantType.NATURAL_PERSON, "吴六顺", "近三年全部行政处罚决定书", ["accept", "fee"]),
    (
        15,
        ApplicantType.NONPROFIT,
        "某环保公益组织",
        "某企业环境影响评价批复及验收材料",
        ["accept", "draft"],
    ),
    (
        17,
        ApplicantType.NATURAL_PERSON,
        "郑七七",
        "2025年养老服务补贴发放名单（去除个人信息）",
        ["accept", "draft", "review"],
    ),
    (
        40,
        ApplicantType.NATURAL_PERSON,
        "王八方",
        "辉县市2024年政府信息公开工作年度报告",
        ["accept", "draft", "review", "sign", "reply"],
    ),
    (35, ApplicantType.OTHER_ORG, "某村民委员会", "村道硬化工程资金拨付文件", ["withdraw"]),
]


def _users() -> dict[str, User]:
    names = ["registrar", "handler", "reviewer", "officehead", "leader"]
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _input(days_ago: int, kind: str, name: str, text: str, index: int) -> s.ApplicationInput:
    arrived = timezone.now() - dt.timedelta(days=days_ago)
    person = kind == ApplicantType.NATURAL_PERSON
    return s.ApplicationInput(
        applicant_type=kind,
        applicant_name=name,
        contact_person="" if person else "联系人张某",
        id_type=IdType.RESIDENT_ID if person else IdType.CREDIT_CODE,
        id_number=f"4107821980010{index:05d}" if person else f"91410782MA0000{index:04d}",
        phone=f"1380373{index:04d}",
        description=text,
        info_form=InfoForm.PAPER,
        delivery=Delivery.POST,
        channel=Channel.ONLINE if index % 3 == 0 else Channel.IN_PERSON,
        arrived_at=arrived,
        confirmed_at=arrived,
        address="河南省辉县市演示路1号",
    )


def _steps(users: dict[str, User], today: dt.date) -> dict[str, Callable[[Application], Any]]:
    h, r, o, lead, reg = (
        users[k] for k in ["handler", "reviewer", "officehead", "leader", "registrar"]
    )

    def v(app: Application) -> int:
        return app.version

    return {
        "accept": lambda a: s.application_accept(application=a, actor=h, expected_version=v(a)),
        "correction": lambda a: s.application_request_correction(
            application=a, actor=reg, expected_version=v(a), notified_on=a.receipt_date,
            items="请写明所需文件的名称、文号或其他特征描述。",
            period_end=a.receipt_date + dt.timedelta(days=15),
        ),
        "corrected": lambda a: s.application_receive_correction(
            application=a, actor=reg, expected_version=v(a),
            received_on=a.receipt_date + dt.timedelta(days=6),
        ),
        "consult": lambda a: s.application_consult(
            application=a, actor=h, expected_version=v(a), kind=ConsultationKind.THIRD_PARTY,
            party="某企业", sent_on=today - dt.timedelta(days=3),
        ),
        "extend": lambda a: s.application_extend(
            application=a, actor=o, expected_version=v(a), workdays=15, approver=o,
            approved_on=today - dt.timedelta(days=2), notified_on=today - dt.timedelta(days=2),
            reason="需调取多个年度档案",
        ),
        "fee": lambda a: s.application_fee_notice(
            application=a, actor=h, expected_version=v(a), method=FeeMethod.PER_VOLUME,
            quantity=120, sent_on=today - dt.timedelta(days=2),
            received_on=today - dt.timedelta(days=1),
        ),
        "draft": lambda a: s.application_submit_draft(
            application=a, actor=h, expected_version=v(a), outcome=Outcome.R3_2, basis="",
            text="经检索，相关信息中涉及个人隐私的部分不予公开，其余部分予以公开，详见附件。",
        ),
        "review": lambda a: s.application_review(
            application=a, actor=r, expected_version=v(a), approve=True
        ),
        "sign": lambda a: s.application_sign(
            application=a, actor=lead, expected_version=v(a), approve=True
        ),
        "reply": lambda a: s.application_reply(
            application=a, actor=reg, expected_version=v(a), replied_on=today - dt.timedelta(days=5)
        ),
        "withdraw": lambda a: s.application_withdraw(
            application=a, actor=reg, expected_version=v(a), on=a.receipt_date,
            note="申请人电话撤回",
        ),
    }  # fmt: skip


def load() -> str:
    organisation = Organisation.objects.filter(code=GOVERNMENT_CODE).first()
    users = _users()
    if organisation is None or len(users) < 5:
        return "跳过（缺少演示机关或账户）"
    if Application.objects.filter(organisation=organisation).exists():
        return "演示申请已存在"
    steps = _steps(users, timezone.localdate())
    for index, (days_ago, kind, name, text, names) in enumerate(CASES, start=1):
        app = s.application_register(
            organisation=organisation,
            data=_input(days_ago, kind, name, text, index),
            actor=users["registrar"],
        )
        for step in names:
            app = steps[step](app)
    return f"{len(CASES)} 件演示申请"
