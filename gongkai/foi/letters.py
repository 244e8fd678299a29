"""Letters (文书) rendered to .docx from a case, from editable templates (python-docx).

A template is plain text with ``{名称}`` placeholders (``PLACEHOLDERS``); an organisation may
override the platform default of any kind. Each default cites the article it rests on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from gongkai.audit.services import audit_record
from gongkai.core.errors import ApplicationError
from gongkai.foi.choices import Outcome
from gongkai.foi.models import Application, FeeNotice, LetterTemplate
from gongkai.orgs.choices import Role
from gongkai.orgs.selectors import require_role

if TYPE_CHECKING:
    from gongkai.accounts.models import User
    from gongkai.orgs.models import Organisation


@dataclass(frozen=True)
class DefaultLetter:
    title: str
    body: str


_HEAD = "{申请人}：\n"
_TAIL = "\n\n{机关名称}\n{今日}\n（联系电话：{联系电话}；查询码：{查询码}）"
_RECEIVED = "本机关于{收到申请日期}收到您提出的政府信息公开申请，所需信息为：{申请内容}。\n"

DEFAULTS: dict[str, DefaultLetter] = {
    "receipt": DefaultLetter(
        "政府信息公开申请受理回执",
        _HEAD + _RECEIVED + "依据《中华人民共和国政府信息公开条例》第三十一条、第三十三条，"
        "本机关已登记受理，将于{答复期限}前作出答复。您可凭查询码在网站查询办理进度。" + _TAIL,
    ),
    "correction": DefaultLetter(
        "政府信息公开申请补正告知书",
        _HEAD + _RECEIVED + "经审查，您的申请内容不够明确。依据《中华人民共和国政府信息公开条例》"
        "第三十条，请您在{补正期限}前对以下事项作出补正：\n{补正事项}\n"
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。" + _TAIL,
    ),
    "extension": DefaultLetter(
        "延期答复告知书",
        _HEAD
        + _RECEIVED
        + "因{延期理由}，不能在规定期限内作出答复。经政府信息公开工作机构负责人同意，"
        "依据《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长{延长工作日}个工作日，"
        "本机关将于{答复期限}前作出答复。" + _TAIL,
    ),
    "third_party": DefaultLetter(
        "征求第三方意见函",
        "{第三方}：\n本机关收到一件政府信息公开申请，所申请公开的信息可能涉及贵方的合法权益。"
        "依据《中华人民共和国政府信息公开条例》第三十二条，现书面征求贵方意见。"
        "请于{征求意见期限}前（收到本函之日起15个工作日内）提出意见；逾期未提出意见的，"
        "由本机关依照条例规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；"
        "但不公开可能对公共利益造成重大影响的，本机关可以决定予以公开。\n所涉信息：{申请内容}"
        "\n\n{机关名称}\n{今日}",
    ),
    "fee": DefaultLetter(
        "信息处理费收费通知书",
        _HEAD
        + _RECEIVED
        + "依据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费"
        "管理办法》（国办函〔2020〕109号），本申请按{收费方式}收取信息处理费{收费金额}元。"
        "请于{缴费期限}前（收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。" + _TAIL,
    ),
}

# One reply letter per outcome group (答复告知书), each citing the basis chosen at reply.
_REPLY_INTRO = {
    "R3.1": "经审查，您申请的政府信息属于公开范围，本机关予以公开。",
    "R3.2": "经审查，您申请的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，"
    "本机关向您提供可以公开的部分，并对不予公开的部分说明理由。",
    "R3.3": "经审查，您申请的政府信息依法不予公开。",
    "R3.4": "经审查，本机关无法提供您申请的政府信息。",
    "R3.5": "经审查，您的申请本机关不予处理。",
    "R3.6": "您的政府信息公开申请，本机关不再处理。",
}
for _group, _intro in _REPLY_INTRO.items():
    DEFAULTS[f"reply_{_group}"] = DefaultLetter(
        "政府信息公开申请答复告知书",
        _HEAD + _RECEIVED + _intro + "\n{答复内容}\n依据：{法律依据}。\n办理结果：{办理结果}。\n"
        "如对本答复不服，可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。" + _TAIL,
    )

LETTER_LABELS: dict[str, str] = {
    "receipt": "受理回执",
    "correction": "补正告知书",
    "extension": "延期答复告知书",
    "third_party": "征求第三方意见函",
    "fee": "收费通知书",
    **{f"reply_{group}": f"答复告知书（{group}）" for group in _REPLY_INTRO},
}

PLACEHOLDERS = (
    "机关名称", "申请人", "查询码", "收到申请日期", "申请内容", "答复期限", "补正事项",
    "补正期限", "延长工作日", "延期理由", "第三方", "征求意见期限", "收费方式", "收费金额",
    "缴费期限", "办理结果", "法律依据", "答复内容", "今日", "联系电话",
)  # fmt: skip
_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,10})\}")


def reply_kind(outcome: str) -> str:
    """The reply letter of an outcome leaf: ``R3.3.4`` → ``reply_R3.3``."""
    return "reply_" + ".".join(outcome.split(".")[:2])


def letter_kinds_for(application: Application) -> list[str]:
    """The letters that make sense for the case as it stands."""
    kinds = ["receipt"]
    if application.correction_requested_on:
        kinds.append("correction")
    if application.extension_workdays:
        kinds.append("extension")
    if application.consultations.exists():
        kinds.append("third_party")
    if FeeNotice.objects.filter(application=application).exists():
        kinds.append("fee")
    outcome = application.outcome or application.proposed_outcome
    if outcome:
        kinds.append(reply_kind(outcome))
    return kinds


def template_for(*, organisation: Organisation, kind: str) -> DefaultLetter:
    if kind not in DEFAULTS:
        raise ApplicationError("没有这种文书。")
    row = LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()
    return DefaultLetter(row.title, row.body) if row else DEFAULTS[kind]


def letter_values(application: Application, *, today: dt.date) -> dict[str, str]:
    org = application.organisation
    notice = FeeNotice.objects.filter(application=application).first()
    consultation = application.consultations.order_by("-id").first()
    outcome = application.outcome or application.proposed_outcome
    return {
        "机关名称": org.name,
        "申请人": application.applicant_name,
        "查询码": application.query_code,
        "收到申请日期": _cn(application.receipt_date),
        "申请内容": application.description,
        "答复期限": _cn(application.reply_due) or "（见办理进度）",
        "补正事项": application.correction_items,
        "补正期限": _cn(application.correction_period_end),
        "延长工作日": str(application.extension_workdays),
        "延期理由": application.extension_reason,
        "第三方": consultation.party if consultation else "",
        "征求意见期限": _cn(consultation.answer_due) if consultation else "",
        "收费方式": notice.get_method_display() if notice else "",
        "收费金额": str(notice.amount) if notice else "",
        "缴费期限": _cn(notice.payment_due) if notice else "",
        "办理结果": Outcome(outcome).label if outcome else "",
        "法律依据": application.outcome_basis,
        "答复内容": application.reply_text,
        "今日": _cn(today),
        "联系电话": org.phone,
    }


def render_letter(*, application: Application, kind: str, today: dt.date | None = None) -> bytes:
    """The letter as a .docx file (bytes)."""
    template = template_for(organisation=application.organisation, kind=kind)
    values = letter_values(application, today=today or timezone.localdate())
    body = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template.body)
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(14)
    heading = document.add_heading(template.title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in body.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def letter_template_save(
    *, organisation: Organisation, kind: str, title: str, body: str, actor: User
) -> LetterTemplate:
    """An organisation's own text for one letter kind (org admin or office head)."""
    require_role(user=actor, organisation=organisation, roles={Role.ORG_ADMIN, Role.OFFICE_HEAD})
    if kind not in DEFAULTS:
        raise ApplicationError("没有这种文书。")
    unknown = sorted(set(_PLACEHOLDER.findall(body)) - set(PLACEHOLDERS))
    if unknown:
        raise ApplicationError(f"模板中有未知的占位符：{'、'.join(unknown)}。")
    row, _ = LetterTemplate.objects.update_or_create(
        organisation=organisation, kind=kind, defaults={"title": title, "body": body}
    )
    audit_record(actor=actor, action="foi.letter_template", obj=row, organisation=organisation)
    return row


def _cn(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
