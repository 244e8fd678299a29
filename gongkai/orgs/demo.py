"""Demo organisation tree of 辉县市人民政府 (the seed report's city) and one user per role."""

from __future__ import annotations

from gongkai.accounts.models import User
from gongkai.core.demo import DEMO_PASSWORD
from gongkai.orgs.choices import OrganisationKind as Kind
from gongkai.orgs.choices import ReportOwnerType as Owner
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Membership, Organisation
from gongkai.orgs.services import organisation_create

GOVERNMENT_CODE = "410782"

# (code, full name, short name, kind, parent code)
TREE = [
    (GOVERNMENT_CODE, "辉县市人民政府", "辉县市政府", Kind.GOVERNMENT, None),
    ("410782-001", "辉县市人民政府办公室", "市政府办", Kind.OFFICE, GOVERNMENT_CODE),
    ("410782-101", "辉县市教育局", "教育局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-102", "辉县市公安局", "公安局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-103", "辉县市财政局", "财政局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-104", "辉县市自然资源局", "自然资源局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-105", "辉县市住房和城乡建设局", "住建局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-106", "辉县市卫生健康委员会", "卫健委", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-107", "辉县市市场监督管理局", "市场监管局", Kind.DEPARTMENT, GOVERNMENT_CODE),
    ("410782-201", "辉县市城关街道办事处", "城关街道", Kind.SUBDISTRICT, GOVERNMENT_CODE),
    ("410782-202", "辉县市百泉镇人民政府", "百泉镇", Kind.TOWNSHIP, GOVERNMENT_CODE),
    ("410782-203", "辉县市孟庄镇人民政府", "孟庄镇", Kind.TOWNSHIP, GOVERNMENT_CODE),
    ("410782-204", "辉县市薄壁镇人民政府", "薄壁镇", Kind.TOWNSHIP, GOVERNMENT_CODE),
]

CONTACT = {
    "office_name": "辉县市人民政府办公室（政务公开办）",
    "address": "河南省辉县市行政服务中心三楼",
    "postcode": "453600",
    "office_hours": "工作日上午 8:30–12:00，下午 15:00–18:00（法定节假日除外）",
    "phone": "0373-6200000",
    "fax": "0373-6200001",
    "email": "gongkai@example.gov.cn",
    "website": "https://www.example.gov.cn/",
}

# (username, full name, organisation code, roles)
USERS = [
    ("registrar", "登记员 李静", GOVERNMENT_CODE, [Role.REGISTRAR]),
    ("handler", "承办人 王磊", GOVERNMENT_CODE, [Role.HANDLER]),
    ("reviewer", "初审人 张敏", GOVERNMENT_CODE, [Role.REVIEWER]),
    ("officehead", "公开办主任 刘洋", GOVERNMENT_CODE, [Role.OFFICE_HEAD]),
    ("leader", "分管领导 陈刚", GOVERNMENT_CODE, [Role.LEADER]),
    ("orgadmin", "单位管理员 赵芳", GOVERNMENT_CODE, [Role.ORG_ADMIN]),
    ("supervisor", "监督员 孙伟", GOVERNMENT_CODE, [Role.SUPERVISOR]),
    ("educlerk", "教育局经办人 周丽", "410782-101", [Role.REGISTRAR, Role.HANDLER]),
]


def _owner(kind: str) -> str:
    return Owner.GOVERNMENT if kind in {Kind.GOVERNMENT, Kind.TOWNSHIP} else Owner.DEPARTMENT


def _ensure_tree() -> int:
    created = 0
    for code, name, short, kind, parent_code in TREE:
        if Organisation.objects.filter(code=code).exists():
            continue
        parent = Organisation.objects.get(code=parent_code) if parent_code else None
        contact = CONTACT if code == GOVERNMENT_CODE else {}
        organisation_create(
            code=code,
            name=name,
            short_name=short,
            kind=kind,
            report_owner_type=_owner(kind),
            parent=parent,
            actor=None,
            **contact,
        )
        created += 1
    return created


def _ensure_user(username: str, full_name: str, *, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "is_superuser": superuser, "is_staff": superuser},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def load() -> str:
    created = _ensure_tree()
    _ensure_user("admin", "系统管理员", superuser=True)
    for username, full_name, code, roles in USERS:
        user = _ensure_user(username, full_name)
        organisation = Organisation.objects.get(code=code)
        for role in roles:
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    total = Organisation.objects.count()
    return f"{created} 个机关新建，共 {total} 个机关，{len(USERS) + 1} 个演示账户"
