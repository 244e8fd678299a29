"""Enumerations of disclosure on request (依申请公开). Labels are the official ones (spec §2.4)."""

from django.db import models


class ApplicantType(models.TextChoices):
    """Table 三's applicant columns C1–C6 (spec §1.4, §2.4)."""

    NATURAL_PERSON = "natural", "自然人"
    BUSINESS = "business", "商业企业"
    RESEARCH = "research", "科研机构"
    NONPROFIT = "nonprofit", "社会公益组织"
    LEGAL_SERVICE = "legal", "法律服务机构"
    OTHER_ORG = "other_org", "其他"


# Table 三 column ids, in order (C7 is the total).
APPLICANT_COLUMNS: tuple[str, ...] = tuple(ApplicantType.values)


class Channel(models.TextChoices):
    """How the application arrived (条例第29条), which decides the receipt date (第31条)."""

    IN_PERSON = "in_person", "当面"
    POST_SIGNED = "post_signed", "邮寄签收"
    POST_UNSIGNED = "post_unsigned", "平常信函"
    ONLINE = "online", "网络"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    ORAL = "oral", "口头代填"


# 条例第31条: for these channels the receipt date is the day receipt is confirmed.
CONFIRMATION_CHANNELS = frozenset(
    {Channel.POST_UNSIGNED, Channel.ONLINE, Channel.FAX, Channel.EMAIL}
)


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    OTHER = "other", "其他证件"


class InfoForm(models.TextChoices):
    """Requested form of the information (条例第29条第2款第3项)."""

    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"
    OTHER = "other", "其他"


class Delivery(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    FAX = "fax", "传真"
    ONLINE = "online", "网上获取"


class Status(models.TextChoices):
    """Stages of a case (条例第45条: 登记、审核、办理、答复、归档)."""

    REGISTERED = "registered", "已登记"
    IN_PROGRESS = "in_progress", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    UNDER_REVIEW = "under_review", "待审核"
    AWAITING_SIGNOFF = "awaiting_signoff", "待签发"
    SIGNED = "signed", "已签发待答复"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已终止"
    ARCHIVED = "archived", "已归档"


OPEN_STATUSES = frozenset(
    {
        Status.REGISTERED,
        Status.IN_PROGRESS,
        Status.AWAITING_CORRECTION,
        Status.CONSULTING,
        Status.AWAITING_FEE,
        Status.UNDER_REVIEW,
        Status.AWAITING_SIGNOFF,
        Status.SIGNED,
    }
)
DONE_STATUSES = frozenset({Status.REPLIED, Status.CLOSED, Status.ARCHIVED})


class Phase(models.TextChoices):
    """Open (any of OPEN_STATUSES) or done; stored next to the status for the queue indexes."""

    OPEN = "open", "未结"
    DONE = "done", "已结"


class Outcome(models.TextChoices):
    """The leaves of table 三 (2021 format), value = row id. Exactly one per closed case (D6)."""

    R3_1 = "R3.1", "（一）予以公开"
    R3_2 = "R3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    R3_3_1 = "R3.3.1", "（三）不予公开 1.属于国家秘密"
    R3_3_2 = "R3.3.2", "（三）不予公开 2.其他法律行政法规禁止公开"
    R3_3_3 = "R3.3.3", "（三）不予公开 3.危及“三安全一稳定”"
    R3_3_4 = "R3.3.4", "（三）不予公开 4.保护第三方合法权益"
    R3_3_5 = "R3.3.5", "（三）不予公开 5.属于三类内部事务信息"
    R3_3_6 = "R3.3.6", "（三）不予公开 6.属于四类过程性信息"
    R3_3_7 = "R3.3.7", "（三）不予公开 7.属于行政执法案卷"
    R3_3_8 = "R3.3.8", "（三）不予公开 8.属于行政查询事项"
    R3_4_1 = "R3.4.1", "（四）无法提供 1.本机关不掌握相关政府信息"
    R3_4_2 = "R3.4.2", "（四）无法提供 2.没有现成信息需要另行制作"
    R3_4_3 = "R3.4.3", "（四）无法提供 3.补正后申请内容仍不明确"
    R3_5_1 = "R3.5.1", "（五）不予处理 1.信访举报投诉类申请"
    R3_5_2 = "R3.5.2", "（五）不予处理 2.重复申请"
    R3_5_3 = "R3.5.3", "（五）不予处理 3.要求提供公开出版物"
    R3_5_4 = "R3.5.4", "（五）不予处理 4.无正当理由大量反复申请"
    R3_5_5 = "R3.5.5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"
    R3_6_1 = (
        "R3.6.1",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    R3_6_2 = (
        "R3.6.2",
        "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    R3_6_3 = "R3.6.3", "（六）其他处理 3.其他"


# The legal basis a reply cites for each leaf (spec §1.4 outcomes table); editable per case.
OUTCOME_BASIS: dict[str, str] = {
    Outcome.R3_1: "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    Outcome.R3_2: "《中华人民共和国政府信息公开条例》第三十七条",
    Outcome.R3_3_1: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    Outcome.R3_3_2: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    Outcome.R3_3_3: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    Outcome.R3_3_4: "《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项",
    Outcome.R3_3_5: "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项",
    Outcome.R3_3_6: "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
    Outcome.R3_3_7: "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
    Outcome.R3_3_8: "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
    Outcome.R3_4_1: "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    Outcome.R3_4_2: "《中华人民共和国政府信息公开条例》第三十八条",
    Outcome.R3_4_3: "《中华人民共和国政府信息公开条例》第三十条",
    Outcome.R3_5_1: "《中华人民共和国政府信息公开条例》第三十九条第一款",
    Outcome.R3_5_2: "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
    Outcome.R3_5_3: "《中华人民共和国政府信息公开条例》第三十九条第二款",
    Outcome.R3_5_4: "《中华人民共和国政府信息公开条例》第三十五条",
    Outcome.R3_5_5: "《中华人民共和国政府信息公开条例》第三十九条",
    Outcome.R3_6_1: "《中华人民共和国政府信息公开条例》第三十条",
    Outcome.R3_6_2: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    Outcome.R3_6_3: "",
}

# Outcomes a case reaches by closure rather than by a signed reply.
CLOSURE_OUTCOMES = frozenset({Outcome.R3_6_1, Outcome.R3_6_2, Outcome.R3_6_3})
REPLY_OUTCOMES = frozenset(set(Outcome) - CLOSURE_OUTCOMES)


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见（条例第32条）"
    AGENCY = "agency", "征求其他机关意见（条例第34条）"


class FeeMethod(models.TextChoices):
    """109号第3条: one method per application (D9)."""

    PER_ITEM = "per_item", "按件计收"
    PER_VOLUME = "per_volume", "按量计收"


class EventKind(models.TextChoices):
    """Kinds of timeline events; each transition writes exactly one."""

    REGISTER = "register", "登记"
    ACCEPT = "accept", "受理"
    REQUEST_CORRECTION = "request_correction", "发出补正告知"
    RECEIVE_CORRECTION = "receive_correction", "收到补正材料"
    LAPSE_CORRECTION = "lapse_correction", "逾期未补正，终止办理"
    START_CONSULTATION = "start_consultation", "发出征求意见函"
    END_CONSULTATION = "end_consultation", "征求意见结束"
    EXTEND = "extend", "延长答复期限"
    FEE_NOTICE = "fee_notice", "发出收费通知"
    FEE_PAID = "fee_paid", "缴纳信息处理费"
    FEE_LAPSE = "fee_lapse", "逾期未缴费，终止办理"
    ART35_DELAY = "art35_delay", "第三十五条：确定合理答复期限"
    SUBMIT_DRAFT = "submit_draft", "提交答复稿"
    REVIEW_APPROVE = "review_approve", "审核通过"
    REVIEW_REJECT = "review_reject", "审核退回"
    SIGN_OFF = "sign_off", "领导签发"
    SIGN_REJECT = "sign_reject", "签发退回"
    REPLY = "reply", "答复"
    ARCHIVE = "archive", "归档"
    WITHDRAW = "withdraw", "申请人撤回"
    DEADLINE_RECOMPUTED = "deadline_recomputed", "重新计算期限"
    OVERDUE = "overdue", "超过答复期限"
    PERSONAL_DATA = "personal_data", "修改申请人信息"
