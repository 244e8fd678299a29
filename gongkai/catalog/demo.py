"""Demo catalog for 辉县市人民政府 (410782) and its departments: a few hundred items in every
directory column, and the normative-document registry behind the seed report's table 二
(行政规范性文件 2021: 本年制发 24, 本年废止 0, 现行有效 67; 规章 0/0/0). All wording is made up.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from gongkai.accounts.models import User
from gongkai.catalog import search
from gongkai.catalog.choices import DocumentType, EventKind, ItemStatus, NormativeStatus, Topic
from gongkai.catalog.models import DirectoryNode, IndexSequence, Item, ItemEvent
from gongkai.catalog.services import directory_ensure_default, due_for
from gongkai.orgs.models import Organisation

GOVERNMENT_CODE = "410782"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))

SUBJECTS = [
    ("城市生活垃圾分类", Topic.CONSTRUCTION),
    ("农村集体经营性建设用地入市", Topic.LAND),
    ("政府投资项目", Topic.ECONOMY),
    ("行政事业单位国有资产", Topic.FINANCE),
    ("城区停车场建设", Topic.CONSTRUCTION),
    ("高标准农田建设", Topic.AGRICULTURE),
    ("中小学校外培训机构", Topic.EDUCATION),
    ("养老服务补贴", Topic.CIVIL_AFFAIRS),
    ("城乡居民医疗救助", Topic.HEALTH),
    ("安全生产责任", Topic.MARKET),
    ("食品小作坊", Topic.MARKET),
    ("政务服务“一网通办”", Topic.GENERAL),
    ("重大行政决策程序", Topic.GENERAL),
    ("行政规范性文件合法性审核", Topic.GENERAL),
    ("太行山区生态保护", Topic.CONSTRUCTION),
    ("百泉湖景区", Topic.COMMERCE),
    ("农村饮水安全", Topic.AGRICULTURE),
    ("河长制", Topic.AGRICULTURE),
    ("秸秆禁烧和综合利用", Topic.AGRICULTURE),
    ("城市供热", Topic.CONSTRUCTION),
    ("国有土地上房屋征收与补偿", Topic.LAND),
    ("住房公积金", Topic.FINANCE),
    ("困难群众基本生活保障", Topic.CIVIL_AFFAIRS),
    ("残疾人两项补贴", Topic.CIVIL_AFFAIRS),
    ("就业创业补贴", Topic.LABOUR),
    ("人才引进", Topic.LABOUR),
    ("优化营商环境", Topic.ECONOMY),
    ("招商引资奖励", Topic.ECONOMY),
    ("政府购买服务", Topic.FINANCE),
    ("电动自行车管理", Topic.PUBLIC_SECURITY),
    ("烟花爆竹燃放", Topic.PUBLIC_SECURITY),
    ("建筑垃圾处置", Topic.CONSTRUCTION),
    ("物业服务", Topic.CONSTRUCTION),
    ("老旧小区改造", Topic.CONSTRUCTION),
    ("林长制", Topic.AGRICULTURE),
    ("地质灾害防治", Topic.LAND),
    ("公共资源交易", Topic.ECONOMY),
    ("政府信息公开", Topic.GENERAL),
    ("乡村振兴衔接资金", Topic.CIVIL_AFFAIRS),
    ("学前教育资助", Topic.EDUCATION),
    ("突发公共卫生事件应急", Topic.HEALTH),
    ("消防安全", Topic.PUBLIC_SECURITY),
    ("农村宅基地审批", Topic.LAND),
    ("城镇燃气安全", Topic.MARKET),
    ("文物保护", Topic.CULTURE),
    ("全民健身", Topic.HEALTH),
]

FORMS = ["管理办法", "实施办法", "实施细则", "暂行办法", "实施方案", "若干规定"]

# (directory code, title pattern, document type, topic or None for the subject's)
COLUMNS = [
    ("20-02-01", "{org}主要职责和内设机构", DocumentType.OTHER, Topic.ORGANISATION),
    ("20-02-02", "{org}领导班子成员及分工", DocumentType.OTHER, Topic.ORGANISATION),
    ("20-03", "{org}{year}年{subject}工作计划", DocumentType.PLAN, None),
    ("20-04", "{year}年{month}月{org}主要统计数据", DocumentType.STATISTICS, Topic.ECONOMY),
    ("20-05", "{org}{subject}行政许可事项办理结果公示", DocumentType.OTHER, None),
    ("20-06", "{org}行政处罚决定书（{year}年第{n}号）", DocumentType.OTHER, Topic.MARKET),
    ("20-07-01", "{org}{year}年部门预算公开说明", DocumentType.BUDGET, Topic.FINANCE),
    ("20-07-02", "{org}{year}年部门决算公开说明", DocumentType.BUDGET, Topic.FINANCE),
    ("20-08", "{org}行政事业性收费项目清单（{year}年版）", DocumentType.OTHER, Topic.FINANCE),
    ("20-10", "{org}{subject}重大建设项目批准和实施情况", DocumentType.OTHER, None),
    ("20-11", "{org}关于做好{year}年{subject}工作的通知", DocumentType.NOTICE, None),
    ("20-12", "{org}{subject}应急预案", DocumentType.PLAN, Topic.PUBLIC_SECURITY),
    ("20-13", "{org}{year}年{subject}监督检查情况通报", DocumentType.REPORT, Topic.MARKET),
    ("20-14", "{org}{year}年公开招聘工作人员公告", DocumentType.NOTICE, Topic.LABOUR),
    ("21-01", "{org}{subject}项目建设进展情况", DocumentType.WORK_NEWS, Topic.CONSTRUCTION),
    ("21-02", "{org}{subject}公共服务事项清单", DocumentType.OTHER, None),
    (
        "21-07",
        "{org}{year}年{month}月城乡低保资金发放情况",
        DocumentType.OTHER,
        Topic.CIVIL_AFFAIRS,
    ),
    ("20-15", "{org}召开{subject}工作推进会", DocumentType.WORK_NEWS, None),
]

BODY = (
    "<p>为深入贯彻落实党中央、国务院和省、市关于{subject}工作的决策部署，进一步提升工作水平，"
    "结合{place}实际，现将有关事项公开如下。</p>"
    "<h2>一、总体要求</h2><p>坚持以人民为中心的发展思想，坚持依法行政、公开透明，"
    "统筹推进{subject}各项工作，确保各项任务按期完成。</p>"
    "<h2>二、主要内容</h2><p>各乡镇（街道）、各有关部门要明确责任分工，细化工作措施，"
    "加强协调配合，及时向社会公开工作进展和结果，主动接受群众监督。</p>"
    "<h2>三、工作要求</h2><p>各单位要高度重视，加强组织领导，严格落实有关规定，"
    "对工作中遇到的问题及时向{org}报告。</p>"
)


def _day(rng: random.Random, year: int, start_month: int = 1, end_month: int = 12) -> dt.date:
    start = dt.date(year, start_month, 1).toordinal()
    stop = dt.date(year, end_month, 28).toordinal()
    return dt.date.fromordinal(rng.randint(start, stop))


def _published(rng: random.Random, formed: dt.date, late: bool = False) -> dt.datetime:
    delay = rng.randint(40, 60) if late else rng.randint(1, 12)
    day = formed + dt.timedelta(days=delay)
    return dt.datetime(
        day.year, day.month, day.day, 9 + rng.randint(0, 8), rng.randint(0, 59), tzinfo=SHANGHAI
    )


class _Builder:
    """Collects unsaved items and gives each the next 索引号 of its organisation and year."""

    def __init__(self, author: User) -> None:
        self.author = author
        self.items: list[Item] = []
        self.sequence: dict[tuple[int, int], int] = defaultdict(int)
        self.nodes: dict[tuple[int, str], DirectoryNode] = {
            (n.organisation_id, n.code): n for n in DirectoryNode.objects.select_related("parent")
        }

    def add(self, org: Organisation, code: str, formed: dt.date, **fields: Any) -> Item:
        self.sequence[(org.pk, formed.year)] += 1
        seq = self.sequence[(org.pk, formed.year)]
        item = Item(
            organisation=org,
            index_number=f"{org.code}-{formed.year}-{seq:05d}",
            category=self.nodes[(org.pk, code)],
            formed_on=formed,
            publication_due=due_for(formed),
            issuing_organisation=org.name,
            created_by=self.author,
            created_at=dt.datetime(formed.year, formed.month, formed.day, 8, tzinfo=SHANGHAI),
            status=ItemStatus.PUBLISHED,
            **fields,
        )
        item.document_number_key = search.docno_key(item.document_number)
        if item.published_at is not None:
            item.published_late = item.published_at.date() > item.publication_due
        self.items.append(item)
        return item


def _normative(b: _Builder, rng: random.Random, government: Organisation) -> list[Item]:
    """Registry of 辉县市人民政府: 43 documents of 2015–2020 still in force at the end of 2021
    (6 of them abolished or expired in 2022–2023), 24 issued in 2021, 5 abolished before 2021."""
    subjects = rng.sample(SUBJECTS, len(SUBJECTS))
    plan: list[tuple[int, dt.date | None]] = [
        (year, None) for year in (2015, 2016, 2017, 2018, 2019, 2020) for _ in range(7)
    ]
    plan = [*plan, (2020, None), *[(2021, None)] * 24]
    plan += [
        (2014, dt.date(2019, 6, 30)),
        (2016, dt.date(2020, 3, 1)),
        (2017, dt.date(2020, 12, 31)),
    ]
    plan += [(2015, dt.date(2018, 5, 1)), (2013, dt.date(2019, 1, 1))]
    later_end = {
        3: (NormativeStatus.ABOLISHED, dt.date(2022, 4, 1)),
        11: (NormativeStatus.EXPIRED, dt.date(2022, 12, 31)),
        19: (NormativeStatus.ABOLISHED, dt.date(2023, 3, 15)),
        27: (NormativeStatus.AMENDED, dt.date(2022, 8, 1)),
        33: (NormativeStatus.ABOLISHED, dt.date(2022, 10, 10)),
        40: (NormativeStatus.ABOLISHED, dt.date(2023, 6, 1)),
    }
    numbers: dict[int, int] = defaultdict(int)
    made = []
    for index, (year, abolished) in enumerate(plan):
        subject, topic = subjects[index % len(subjects)]
        numbers[year] += rng.randint(1, 3)
        office = index % 3 == 0
        prefix = "辉政办" if office else "辉政"
        issuer = "辉县市人民政府办公室" if office else "辉县市人民政府"
        form = FORMS[index % len(FORMS)]
        issued = _day(rng, year)
        status, status_on = (NormativeStatus.IN_FORCE, None)
        if abolished:
            status, status_on = NormativeStatus.ABOLISHED, abolished
        elif index in later_end:
            status, status_on = later_end[index]
        title = f"{issuer}关于印发辉县市{subject}{form}的通知"
        item = b.add(
            government,
            "20-01-02",
            issued,
            title=title,
            document_number=f"{prefix}〔{year}〕{numbers[year]}号",
            doc_type=DocumentType.NORMATIVE,
            topic=topic,
            summary=f"印发辉县市{subject}{form}，自印发之日起施行。",
            body=BODY.format(subject=subject, place="我市", org="市政府"),
            keywords=f"{subject},{form},规范性文件",
            published_at=_published(rng, issued),
            issued_on=issued,
            effective_on=issued + dt.timedelta(days=rng.choice([0, 30])),
            normative_status=status,
            normative_status_on=status_on,
        )
        item.issuing_organisation = issuer
        made.append(item)
    return made


def _columns(b: _Builder, rng: random.Random, organisations: list[Organisation]) -> int:
    count = 0
    for org in organisations:
        for code, pattern, doc_type, topic in COLUMNS:
            if (org.pk, code) not in b.nodes:
                continue  # townships have their own art 21 columns
            for year in (2020, 2021, 2022):
                if rng.random() < 0.45:
                    continue
                subject, subject_topic = rng.choice(SUBJECTS)
                formed = _day(rng, year, 1, 11)
                title = pattern.format(
                    org=org.name,
                    year=year,
                    month=formed.month,
                    subject=subject,
                    n=rng.randint(1, 90),
                )
                b.add(
                    org,
                    code,
                    formed,
                    title=title,
                    doc_type=doc_type,
                    topic=topic or subject_topic,
                    summary=f"{org.name}公开{subject}相关信息。",
                    body=BODY.format(subject=subject, place="本地", org=org.display_name),
                    keywords=subject,
                    published_at=_published(rng, formed, late=rng.random() < 0.06),
                )
                count += 1
    return count


def _extras(
    b: _Builder, rng: random.Random, government: Organisation, policies: list[Item]
) -> None:
    b.add(
        government,
        "NB",
        dt.date(2022, 3, 20),
        title="辉县市人民政府2021年政府信息公开工作年度报告",
        doc_type=DocumentType.REPORT,
        topic=Topic.GENERAL,
        summary="辉县市人民政府2021年政府信息公开工作年度报告。",
        body="<p>本报告根据《中华人民共和国政府信息公开条例》第五十条编制，统计期限为2021年1月1日至12月31日。</p>",
        keywords="年度报告,政府信息公开",
        published_at=dt.datetime(2022, 3, 25, 10, tzinfo=SHANGHAI),
    )
    for policy in policies:
        formed = policy.issued_on or policy.formed_on
        b.add(
            government,
            "JD",
            formed,
            title=f"《{policy.title.split('关于印发')[-1].removesuffix('的通知')}》政策解读",
            doc_type=DocumentType.INTERPRETATION,
            topic=policy.topic,
            summary="解读文件出台背景、主要内容和适用范围。",
            body="<h2>一、出台背景</h2><p>为进一步规范相关工作，制定本文件。</p>"
            "<h2>二、主要内容</h2><p>文件共分五章，明确了适用范围、职责分工和监督管理措施。</p>",
            keywords="政策解读",
            published_at=(policy.published_at or _published(rng, formed)) + dt.timedelta(hours=2),
            interprets=policy,
        )


def _pending(b: _Builder, rng: random.Random, organisations: list[Organisation]) -> None:
    """Items still in the workflow (some already past their art 26 due date)."""
    statuses = [
        ItemStatus.DRAFT,
        ItemStatus.FIRST_REVIEW,
        ItemStatus.SECOND_REVIEW,
        ItemStatus.FINAL_REVIEW,
    ]
    for index, org in enumerate(organisations[:6]):
        subject, topic = rng.choice(SUBJECTS)
        formed = dt.date(2026, 10, 1) + dt.timedelta(days=index * 9)
        item = b.add(
            org,
            "20-11",
            formed,
            title=f"{org.name}关于做好{subject}工作的通知",
            doc_type=DocumentType.NOTICE,
            topic=topic,
            summary=f"部署{subject}相关工作。",
            body=BODY.format(subject=subject, place="本地", org=org.display_name),
        )
        item.status = statuses[index % len(statuses)]


def load() -> str:
    government = Organisation.objects.filter(code=GOVERNMENT_CODE).first()
    if government is None:
        return "未找到辉县市人民政府，跳过"
    if Item.objects.filter(organisation=government).exists():
        return f"已存在，共 {Item.objects.count()} 条信息"
    organisations = list(
        Organisation.objects.filter(path__startswith=government.path).order_by("path")
    )
    for org in organisations:
        directory_ensure_default(organisation=org)
    author = User.objects.get(username="handler")
    leader = User.objects.get(username="leader")
    rng = random.Random(410782)  # noqa: S311  made-up demo data, not security
    b = _Builder(author)
    normative = _normative(b, rng, government)
    columns = _columns(b, rng, organisations)
    _extras(
        b, rng, government, [n for n in normative if n.issued_on and n.issued_on.year == 2021][:8]
    )
    _pending(b, rng, organisations)
    _routine_2021(b, rng, organisations)
    _save(b, leader)
    return f"{len(b.items)} 条信息（{len(normative)} 件行政规范性文件，{columns} 条栏目信息）"


# The seed report: "全年主动公开各类政府信息3200条" through the portal of 辉县市人民政府 and its
# departments; the annual-report demo states this figure from live data.
PUBLISHED_2021 = 3200
ROUTINE_COLUMNS = ("20-03", "20-05", "20-11")


def _routine_2021(b: _Builder, rng: random.Random, organisations: list[Organisation]) -> None:
    """Routine items (work plans, licensing results, notices) spread over the portal's bodies,
    so that exactly PUBLISHED_2021 items were published in 2021 across the subtree."""
    published = sum(
        1 for i in b.items
        if i.status == ItemStatus.PUBLISHED and i.published_at and i.published_at.year == 2021
    )  # fmt: skip
    slots = [(org, code) for org in organisations for code in ROUTINE_COLUMNS
             if (org.pk, code) in b.nodes]  # fmt: skip
    for n in range(PUBLISHED_2021 - published):
        org, code = slots[n % len(slots)]
        subject, topic = rng.choice(SUBJECTS)
        formed = _day(rng, 2021, 1, 11)
        b.add(
            org, code, formed,
            title=f"{org.name}{formed.month}月{subject}工作动态（第{n + 1}期）",
            doc_type=DocumentType.NOTICE, topic=topic,
            summary=f"{org.name}{subject}工作进展。",
            body=BODY.format(subject=subject, place="本地", org=org.display_name),
            keywords=subject, published_at=_published(rng, formed),
        )  # fmt: skip


def _save(b: _Builder, leader: User) -> None:
    interprets = {id(item): item.interprets for item in b.items}
    for item in b.items:
        item.interprets = None
    Item.objects.bulk_create(b.items)
    saved = {
        item.index_number: item
        for item in Item.objects.filter(index_number__in=[i.index_number for i in b.items])
    }
    for item in b.items:
        item.pk = saved[item.index_number].pk
    linked = [item for item in b.items if interprets[id(item)] is not None]
    for item in linked:
        item.interprets = interprets[id(item)]
    Item.objects.bulk_update(linked, ["interprets"])
    events = []
    for item in b.items:
        events.append(
            ItemEvent(
                item=item,
                kind=EventKind.CREATED,
                to_status=ItemStatus.DRAFT,
                actor=b.author,
                at=item.created_at,
            )
        )
        if item.published_at is not None:
            events.append(
                ItemEvent(
                    item=item,
                    kind=EventKind.PUBLISHED,
                    from_status=ItemStatus.SCHEDULED,
                    to_status=ItemStatus.PUBLISHED,
                    actor=leader,
                    at=item.published_at,
                )
            )
    ItemEvent.objects.bulk_create(events)
    published = [item for item in b.items if item.status == ItemStatus.PUBLISHED]
    from gongkai.catalog.models import SearchEntry

    SearchEntry.objects.bulk_create(search.entries_for(published), batch_size=500)
    IndexSequence.objects.bulk_create(
        [
            IndexSequence(organisation_id=org, year=year, last=last)
            for (org, year), last in b.sequence.items()
        ]
    )
