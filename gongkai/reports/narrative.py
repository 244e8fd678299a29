"""Drafts of the report's running text from the computed figures (no Django import).

Staff edit the drafts; the engine's narrative rules (N-01 … N-08) keep the edited text checked
against the tables. The sentences are the platform's own wording; each figure appears in the
form the rules look for (e.g. "受理…申请N件" for N-01, a fee statement for N-03/F-05).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

PLACEHOLDER = "【待填写】"


@dataclass(frozen=True)
class SpotCheckFigures:
    rounds: int = 0
    platforms_checked: int = 0
    pass_rate_percent: Decimal | None = None
    trainings: int = 0
    training_participants: int = 0
    assessments: int = 0


@dataclass(frozen=True)
class NarrativeFigures:
    org_name: str
    year: int
    is_government: bool
    items_published: int
    normative_issued: int
    messages: list[tuple[str, int]] = field(default_factory=list)
    received: int = 0
    carried_over: int = 0
    closed: int = 0
    carried_forward: int = 0
    overdue_replies: int = 0
    fee_notices: int = 0
    fee_notice_amount_yuan: Decimal = Decimal("0")
    fees_collected_yuan: Decimal = Decimal("0")
    reconsiderations: int = 0
    lawsuits: int = 0
    oversight: SpotCheckFigures = field(default_factory=SpotCheckFigures)


def draft_sections(f: NarrativeFigures) -> dict[str, str]:
    """S1 and S5/S6 drafts; S2–S4 are the tables and carry no running text."""
    return {
        "S1": "\n".join(
            [
                _opening(f),
                *_proactive(f),
                *_on_request(f),
                *_management(),
                *_platforms(f),
                *_supervision(f),
            ]
        ),
        "S2": "",
        "S3": "",
        "S4": "",
        "S5": f"（一）主要问题\n{PLACEHOLDER}\n（二）改进措施\n{PLACEHOLDER}",
        "S6": fee_statement(f),
    }


def _opening(f: NarrativeFigures) -> str:
    return (
        f"{f.year}年，{f.org_name}认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
        "不公开为例外，依法做好政府信息公开各项工作。"
    )


def _proactive(f: NarrativeFigures) -> list[str]:
    lines = [
        "（一）主动公开情况",
        f"全年通过政府网站等渠道主动公开政府信息{f.items_published}条，"
        f"本年制发行政规范性文件{f.normative_issued}件。",
    ]
    if f.messages:
        handled = "，".join(f"{name}{count}件" for name, count in f.messages)
        lines.append(f"政民互动方面，全年共办理{handled}。")
    return lines


def _on_request(f: NarrativeFigures) -> list[str]:
    timely = (
        "均在法定期限内予以答复" if f.overdue_replies == 0 else f"其中逾期答复{f.overdue_replies}件"
    )
    fee = (
        "未向申请人收取任何费用"
        if f.fees_collected_yuan == 0
        else (f"收取信息处理费{_yuan(f.fees_collected_yuan)}元")
    )
    carry = f"上年结转{f.carried_over}件，" if f.carried_over else ""
    return [
        "（二）依申请公开情况",
        f"全年共受理政府信息公开申请{f.received}件，{carry}本年度办结{f.closed}件，"
        f"结转下年度继续办理{f.carried_forward}件；已办结的申请{timely}，{fee}。",
    ]


def _management() -> list[str]:
    return [
        "（三）政府信息管理情况",
        "严格执行政府信息公开发布前的三级审核和保密审查制度，规范信息发布流程，"
        "及时更新、发布法定主动公开内容。",
    ]


def _platforms(f: NarrativeFigures) -> list[str]:
    o = f.oversight
    lines = ["（四）政府信息公开平台建设情况"]
    if o.rounds:
        rate = f"，合格率{o.pass_rate_percent}%" if o.pass_rate_percent is not None else ""
        lines.append(
            f"全年开展政府网站和政务新媒体抽查{o.rounds}次，抽查平台{o.platforms_checked}个次{rate}。"
        )
    if o.trainings:
        lines.append(
            f"全年组织政务公开工作会议和业务培训{o.trainings}次，参加{o.training_participants}人次。"
        )
    if len(lines) == 1:
        lines.append("依托政府门户网站集中发布政府信息，持续完善公开平台的检索和浏览功能。")
    return lines


def _supervision(f: NarrativeFigures) -> list[str]:
    lines = ["（五）监督保障情况"]
    if f.is_government:
        lines.append(
            f"将政务公开工作纳入年度考核，本年度完成考核{f.oversight.assessments}次，"
            "开展社会评议，未发生因政府信息公开工作引起的责任追究。"
        )
    else:
        lines.append("落实政务公开工作责任制，接受上级主管部门和社会公众监督。")
    if f.reconsiderations or f.lawsuits:
        lines.append(
            f"本年度因政府信息公开被申请行政复议{f.reconsiderations}件、"
            f"被提起行政诉讼{f.lawsuits}件。"
        )
    return lines


def fee_statement(f: NarrativeFigures) -> str:
    """Section 六: the 信息处理费 statement (109号), even when nil (F-05)."""
    if f.fee_notices == 0 and f.fees_collected_yuan == 0:
        return "本年度未发出信息处理费收费通知，未收取信息处理费。"
    return (
        f"本年度发出信息处理费收费通知{f.fee_notices}件，金额{_yuan(f.fee_notice_amount_yuan)}元；"
        f"实际收取信息处理费{_yuan(f.fees_collected_yuan)}元。"
    )


def has_placeholders(sections: dict[str, str]) -> list[str]:
    return [sid for sid, text in sections.items() if PLACEHOLDER in text]


def _yuan(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'))}"
