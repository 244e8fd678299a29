"""The default 公开目录 of an organisation: art 20's fifteen items and the art 21 local items
(spec §1.3). Codes are stable: ``20-01`` is 第二十条第（一）项, ``21-03`` the third art 21 item."""

from __future__ import annotations

from gongkai.orgs.choices import OrganisationKind

# (code, name, legal basis, children as (code suffix, name))
Node = tuple[str, str, str, tuple[tuple[str, str], ...]]

ARTICLE_20: tuple[Node, ...] = (
    (
        "20-01",
        "法规文件",
        "条例第20条第（一）项",
        (("01", "规章"), ("02", "行政规范性文件"), ("03", "其他文件")),
    ),
    (
        "20-02",
        "机构职能",
        "条例第20条第（二）项",
        (("01", "机构职能"), ("02", "领导信息"), ("03", "联系方式")),
    ),
    ("20-03", "规划计划", "条例第20条第（三）项", ()),
    ("20-04", "统计信息", "条例第20条第（四）项", ()),
    ("20-05", "行政许可与服务事项", "条例第20条第（五）项", ()),
    ("20-06", "行政处罚与行政强制", "条例第20条第（六）项", ()),
    ("20-07", "财政预决算", "条例第20条第（七）项", (("01", "预算"), ("02", "决算"))),
    ("20-08", "行政事业性收费", "条例第20条第（八）项", ()),
    ("20-09", "政府集中采购", "条例第20条第（九）项", ()),
    ("20-10", "重大建设项目", "条例第20条第（十）项", ()),
    ("20-11", "民生保障", "条例第20条第（十一）项", ()),
    ("20-12", "突发公共事件应对", "条例第20条第（十二）项", ()),
    ("20-13", "环保、卫生、安全生产、食药、产品质量监督检查", "条例第20条第（十三）项", ()),
    ("20-14", "公务员招考录用", "条例第20条第（十四）项", ()),
    ("20-15", "其他依法应主动公开的信息", "条例第20条第（十五）项", ()),
)

# 条例第21条: districted cities and counties, and their departments.
ARTICLE_21_COUNTY: tuple[Node, ...] = (
    ("21-01", "市政建设", "条例第21条", ()),
    ("21-02", "公共服务", "条例第21条", ()),
    ("21-03", "公益事业", "条例第21条", ()),
    ("21-04", "土地征收", "条例第21条", ()),
    ("21-05", "房屋征收", "条例第21条", ()),
    ("21-06", "治安管理", "条例第21条", ()),
    ("21-07", "社会救助", "条例第21条", ()),
)

# 条例第21条: township governments.
ARTICLE_21_TOWNSHIP: tuple[Node, ...] = (
    ("21-11", "农村工作政策落实", "条例第21条", ()),
    ("21-12", "农田水利工程建设运营", "条例第21条", ()),
    ("21-13", "农村土地承包经营权流转", "条例第21条", ()),
    ("21-14", "宅基地使用审核", "条例第21条", ()),
    ("21-15", "土地征收", "条例第21条", ()),
    ("21-16", "房屋征收", "条例第21条", ()),
    ("21-17", "筹资筹劳", "条例第21条", ()),
    ("21-18", "社会救助", "条例第21条", ()),
)

EXTRA: tuple[Node, ...] = (
    ("JD", "政策解读", "", ()),
    ("NB", "政府信息公开年报", "条例第49条", ()),
)

# Where registry documents and interpretations go by default (used by forms and demo data).
REGULATION_CODE = "20-01-01"
NORMATIVE_CODE = "20-01-02"
INTERPRETATION_CODE = "JD"


def default_directory(kind: str) -> tuple[Node, ...]:
    """The default tree for an organisation of ``kind``."""
    local = ARTICLE_21_TOWNSHIP if kind == OrganisationKind.TOWNSHIP else ARTICLE_21_COUNTY
    return (*ARTICLE_20, *local, *EXTRA)
