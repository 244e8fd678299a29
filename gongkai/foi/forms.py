"""Forms check shape (C10); the services enforce the rules across records."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from gongkai.foi.choices import (
    REPLY_OUTCOMES,
    ApplicantType,
    Channel,
    ConsultationKind,
    Delivery,
    FeeMethod,
    IdType,
    InfoForm,
    Outcome,
)

MAX_FILES = 3
MAX_FILE_BYTES = 5 * 1024 * 1024
# Accepted attachments, recognised by their first bytes (the declared type is not trusted).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")
MARKUP = re.compile(r"[<>]|&#|javascript:", re.IGNORECASE)


class DayField(forms.DateField):
    """A date with the browser's date picker."""

    widget = forms.DateInput(attrs={"type": "date"})


def no_markup(value: str) -> None:
    """Refuse markup: text fields end up in letters, staff pages and exports."""
    if MARKUP.search(value):
        raise forms.ValidationError("请不要输入尖括号等网页标记字符。")


def sniff(upload: UploadedFile) -> str:
    """The real type of an upload from its first bytes, or raise a clear error."""
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type in MAGIC:
        if head.startswith(magic):
            return content_type
    raise forms.ValidationError(f"附件“{upload.name}”不是 PDF、PNG 或 JPEG 文件。")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(f"最多上传{MAX_FILES}个附件。")
        for upload in uploads:
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(f"附件“{upload.name}”超过 5 MB。")
            upload.content_type = sniff(upload)
        return uploads


class ApplicationForm(forms.Form):
    """What the applicant supplies (条例第29条). Shared by the public and counter forms."""

    applicant_type = forms.ChoiceField(label="申请人类型", choices=ApplicantType.choices)
    applicant_name = forms.CharField(label="姓名或单位名称", max_length=100, validators=[no_markup])
    contact_person = forms.CharField(
        label="联系人（法人或其他组织填写）", max_length=60, required=False, validators=[no_markup]
    )
    id_type = forms.ChoiceField(label="证件类型", choices=IdType.choices)
    id_number = forms.RegexField(
        label="证件号码",
        regex=r"^[0-9A-Za-z-]{6,40}$",
        error_messages={"invalid": "证件号码只能包含字母、数字和连字符（6–40位）。"},
    )
    phone = forms.RegexField(
        label="联系电话",
        regex=PHONE,
        error_messages={"invalid": "请填写11位手机号码或带区号的固定电话。"},
    )
    email = forms.EmailField(label="电子邮箱", required=False, max_length=254)
    address = forms.CharField(
        label="通信地址", max_length=200, required=False, validators=[no_markup]
    )
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码为6位数字。"},
    )
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        max_length=2000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "min_length": "请具体描述所需信息（至少5个字）。",
            "max_length": "描述过长（不超过2000字），请精简或分件申请。",
        },
        validators=[no_markup],
    )
    document_number = forms.CharField(
        label="文号（如知道）", max_length=100, required=False, validators=[no_markup]
    )
    info_form = forms.ChoiceField(label="信息的载体形式", choices=InfoForm.choices)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=Delivery.choices)
    attachments = MultipleFileField(
        label="附件（身份证明等，PDF/PNG/JPEG，每个不超过5MB，最多3个）", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("applicant_type") not in (None, ApplicantType.NATURAL_PERSON) and not data.get(
            "contact_person"
        ):
            self.add_error("contact_person", "法人或其他组织申请的，请填写联系人。")
        if data.get("delivery") == Delivery.EMAIL and not data.get("email"):
            self.add_error("email", "选择电子邮件获取的，请填写电子邮箱。")
        return data


class PublicApplicationForm(ApplicationForm):
    """The online form: organisation chosen by the applicant, plus a honeypot field."""

    organisation = forms.ChoiceField(label="向哪个机关申请")
    website = forms.CharField(label="请勿填写此项", required=False)  # honeypot for bots
    accept = forms.BooleanField(label="我承诺所填信息真实有效")

    def __init__(self, *args: Any, organisations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "请选择"), *organisations]


class CounterApplicationForm(ApplicationForm):
    """Registration by staff: the channel and the arrival/confirmation times (条例第31条)."""

    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices)
    arrived_at = forms.DateTimeField(
        label="到达（递交/签收）时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    confirmed_at = forms.DateTimeField(
        label="与申请人确认收到的时间（平常信函、网络、传真、电子邮件）",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class StatusQueryForm(forms.Form):
    query_code = forms.RegexField(
        label="查询码",
        regex=r"^[A-Za-z0-9]{4}(-?[A-Za-z0-9]{4}){3}$",
        error_messages={"invalid": "查询码格式不正确（形如 ABCD-EFGH-JKLM-NPQR）。"},
    )
    phone_last4 = forms.RegexField(
        label="联系电话后四位", regex=r"^\d{4}$", error_messages={"invalid": "请填写4位数字。"}
    )

    def clean_query_code(self) -> str:
        raw = self.cleaned_data["query_code"].replace("-", "").upper()
        return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


# --- case actions -----------------------------------------------------------------------------


class ActionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(ActionForm):
    note = forms.CharField(
        label="意见", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CorrectionRequestForm(ActionForm):
    notified_on = DayField(label="补正告知日期")
    period_end = DayField(label="补正期限（申请人应在此日前补正）")
    items = forms.CharField(
        label="需补正的全部事项", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReceivedOnForm(ActionForm):
    received_on = DayField(label="收到补正申请日期")


class OnDateForm(ActionForm):
    on = DayField(label="日期")


class WithdrawForm(OnDateForm):
    note = forms.CharField(label="撤回方式与理由", max_length=500)


class ConsultForm(ActionForm):
    kind = forms.ChoiceField(label="类型", choices=ConsultationKind.choices)
    party = forms.CharField(label="被征求意见方", max_length=120)
    sent_on = DayField(label="发函日期")
    received_on = DayField(label="对方收到日期（不填同发函日期）", required=False)


class ConsultAnswerForm(ActionForm):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    answered_on = DayField(label="收到意见日期（不填：期限届满未答复）", required=False)
    objects_to_disclosure = forms.BooleanField(label="不同意公开", required=False)
    answer = forms.CharField(label="意见摘要", required=False, max_length=2000)


class ExtendForm(ActionForm):
    workdays = forms.IntegerField(label="延长工作日（≤20）", min_value=1, max_value=20)
    approver = forms.CharField(label="批准人（公开办负责人账号）", max_length=150)
    approved_on = DayField(label="批准日期")
    notified_on = DayField(label="告知申请人日期")
    reason = forms.CharField(label="延期理由", max_length=300)


class FeeNoticeForm(ActionForm):
    method = forms.ChoiceField(label="计收方式", choices=FeeMethod.choices)
    quantity = forms.IntegerField(
        label="本月第几件（按件）或页数（按量）", min_value=1, max_value=100000
    )
    sent_on = DayField(label="发出日期")
    received_on = DayField(label="申请人收到日期")


class PaidForm(ActionForm):
    paid_on = DayField(label="缴费日期")


class Art35Form(ActionForm):
    due = DayField(label="合理答复期限")
    notified_on = DayField(label="告知申请人日期")
    reason = forms.CharField(label="理由", max_length=300)


class DraftForm(ActionForm):
    outcome = forms.ChoiceField(
        label="办理结果（年报表三）",
        choices=[(o.value, o.label) for o in Outcome if o in REPLY_OUTCOMES],
    )
    basis = forms.CharField(label="法律依据（不填按默认条款）", required=False, max_length=300)
    text = forms.CharField(
        label="答复内容", max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ReplyForm(ActionForm):
    replied_on = DayField(label="答复日期")


class FeeCalculatorForm(forms.Form):
    method = forms.ChoiceField(label="计收方式", choices=FeeMethod.choices)
    quantity = forms.IntegerField(label="本月第几件 / 页数", min_value=1, max_value=100000)


class LetterTemplateForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label="标题", max_length=100)
    body = forms.CharField(
        label="正文", max_length=10000, widget=forms.Textarea(attrs={"rows": 14})
    )
