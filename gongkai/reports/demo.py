"""Demo: 辉县市人民政府's case-level 2021 and 2022 data, so that its 2021 report built from
live data equals the seed report in every table cell, and 2022 carries its 9 open cases over.

Table 三 of the seed (2021): 75 new applications (73 自然人, 2 商业企业), 66 closed — 予以公开 18,
部分公开 12, 不予公开 (第三方 1, 内部事务 2), 不掌握 26, 重复申请 2, 其他 5 — and 9 carried
over. Table 四: three lawsuits filed without reconsideration, all 其他结果. Table 二 comes from
the catalogue demo (24 normative documents issued, 67 in force) and the Article 20 demo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import cycle

from gongkai.accounts.models import User
from gongkai.disputes.choices import DisputeKind, DisputeResult
from gongkai.disputes.services import dispute_create, dispute_decide
from gongkai.foi.choices import Outcome
from gongkai.foi.models import Application
from gongkai.orgs.models import Organisation
from gongkai.reports.casework import Staff, close, register

CODE = "410782"
MARK = "【演示】"
# (applicant type, outcome, count) of the cases closed in 2021
CLOSED_2021 = [
    ("natural", Outcome.R3_1, 18), ("natural", Outcome.R3_2, 11), ("business", Outcome.R3_2, 1),
    ("natural", Outcome.R3_3_4, 1), ("natural", Outcome.R3_3_5, 2),
    ("natural", Outcome.R3_4_1, 25), ("business", Outcome.R3_4_1, 1),
    ("natural", Outcome.R3_5_2, 2), ("natural", Outcome.R3_6_3, 5),
]  # fmt: skip
OPEN_AT_END_2021 = 9
CLOSED_2022 = [
    ("natural", Outcome.R3_1, 20),
    ("business", Outcome.R3_2, 3),
    ("natural", Outcome.R3_4_1, 9),
]
OPEN_AT_END_2022 = 4
TOPICS = cycle([
    "城区道路改造工程的立项批复", "农村集体土地征收补偿方案", "2021年财政预算执行情况",
    "保障性住房分配名单", "企业环境影响评价审批文件", "学校布局调整规划",
    "城乡低保资金发放明细", "建设项目规划许可证", "河道治理工程招标文件",
])  # fmt: skip


def load() -> str:
    government = Organisation.objects.get(code=CODE)
    if Application.objects.filter(organisation=government, description__startswith=MARK).exists():
        return "2021、2022 年依申请公开案件已存在"
    staff = Staff(
        *(User.objects.get(username=u) for u in ("registrar", "handler", "reviewer", "leader"))
    )
    numbers = iter(range(1, 10_000))
    open_2021 = _year_2021(government, staff, numbers)
    _year_2022(government, staff, numbers, open_2021)
    _lawsuits(government, staff.handler)
    return "2021 年 75 件、2022 年依申请公开案件及 3 件行政诉讼已载入"


def _year_2021(government: Organisation, staff: Staff, numbers: Iterator[int]) -> list[Application]:
    day = dt.date(2021, 1, 6)
    for applicant_type, outcome, count in CLOSED_2021:
        for _ in range(count):
            application = _new(government, staff, applicant_type, day, numbers)
            close(
                application=application,
                staff=staff,
                outcome=outcome,
                closed_on=day + dt.timedelta(days=14),
            )
            day += dt.timedelta(days=4)
    return [
        _new(government, staff, "natural", dt.date(2021, 12, 20) + dt.timedelta(days=n), numbers)
        for n in range(OPEN_AT_END_2021)
    ]


def _year_2022(
    government: Organisation, staff: Staff, numbers: Iterator[int], carried: list[Application]
) -> None:
    for n, application in enumerate(carried):
        close(
            application=application,
            staff=staff,
            outcome=Outcome.R3_1,
            closed_on=dt.date(2022, 1, 10) + dt.timedelta(days=n),
        )
    day = dt.date(2022, 2, 8)
    for applicant_type, outcome, count in CLOSED_2022:
        for _ in range(count):
            application = _new(government, staff, applicant_type, day, numbers)
            close(
                application=application,
                staff=staff,
                outcome=outcome,
                closed_on=day + dt.timedelta(days=12),
            )
            day += dt.timedelta(days=9)
    for n in range(OPEN_AT_END_2022):
        _new(government, staff, "natural", dt.date(2022, 12, 26) + dt.timedelta(days=n), numbers)


def _new(
    government: Organisation,
    staff: Staff,
    applicant_type: str,
    day: dt.date,
    numbers: Iterator[int],
) -> Application:
    number = next(numbers)
    return register(
        organisation=government,
        staff=staff,
        applicant_type=applicant_type,
        received_on=day,
        number=number,
        description=f"{MARK}申请公开{next(TOPICS)}（第{number}号）",
    )


def _lawsuits(government: Organisation, handler: User) -> None:
    for n, filed in enumerate([dt.date(2021, 3, 15), dt.date(2021, 6, 8), dt.date(2021, 9, 2)], 1):
        lawsuit = dispute_create(
            organisation=government,
            kind=DisputeKind.LITIGATION_DIRECT,
            filed_on=filed,
            actor=handler,
            case_number=f"（2021）豫0782行初{n}号",
        )
        dispute_decide(
            case=lawsuit,
            result=DisputeResult.OTHER,
            ended_on=filed + dt.timedelta(days=60),
            actor=handler,
        )
