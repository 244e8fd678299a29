"""Disclosure requests (依申请公开) from intake to archive (条例第四章)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from gongkai.foi.choices import (
    OPEN_STATUSES,
    ApplicantType,
    Channel,
    ConsultationKind,
    Delivery,
    EventKind,
    FeeMethod,
    IdType,
    InfoForm,
    Outcome,
    Phase,
    Status,
)

_OPEN = models.Q(status__in=sorted(OPEN_STATUSES))


class Application(models.Model):
    """One application for government information, the case that follows it, and its clock.

    The applicant fields (name, identity, contact) are personal data: lists show them masked,
    and a full view writes an audit entry. ``reply_due`` is stored and indexed; services
    recompute it whenever a fact that changes it changes (C6). ``version`` guards against two
    staff acting on the same case at once.
    """

    # Indexes are few on purpose: every recomputed deadline rewrites each index entry. The
    # composite indexes in Meta lead with the organisation, so the foreign keys need none.
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="受理机关",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    query_code = models.CharField("查询码", max_length=24, unique=True, editable=False)
    version = models.PositiveIntegerField(default=1)
    status = models.CharField("状态", max_length=24, choices=Status.choices)
    # Open or done (status in OPEN_STATUSES or not), kept by the services next to status. It
    # leads the queue indexes: SQLite cannot match a partial index (status IN ...) against
    # bound parameters, and Django renders a boolean filter as a bare column that SQLite does
    # not use for an index lookup, hence a short text column compared with "=".
    phase = models.CharField("办理阶段", max_length=4, choices=Phase.choices, default=Phase.OPEN)

    applicant_type = models.CharField("申请人类型", max_length=16, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名/名称", max_length=100)
    contact_person = models.CharField("联系人", max_length=60, blank=True)
    id_type = models.CharField("证件类型", max_length=16, choices=IdType.choices)
    id_number = models.CharField("证件号码", max_length=40)
    phone = models.CharField("联系电话", max_length=20)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    applicant_key = models.CharField(max_length=64, editable=False)

    channel = models.CharField("申请方式", max_length=16, choices=Channel.choices)
    arrived_at = models.DateTimeField("到达时间")
    confirmed_at = models.DateTimeField("确认收到时间", null=True, blank=True)
    receipt_date = models.DateField("收到申请之日")
    receipt_warning = models.CharField("收件提示", max_length=200, blank=True)

    description = models.TextField("所需政府信息的名称、文号或描述")
    document_number = models.CharField("文号", max_length=100, blank=True)
    info_form = models.CharField("信息载体形式", max_length=16, choices=InfoForm.choices)
    delivery = models.CharField("获取方式", max_length=16, choices=Delivery.choices)
    submitted_online = models.BooleanField("网上提交", default=False)
    month_seq = models.PositiveIntegerField("本月第几件", default=1)
    repeat_of = models.ForeignKey(
        "self",
        verbose_name="疑似重复申请",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )

    # Facts that move the reply clock (spec §1.6).
    correction_requested_on = models.DateField("补正告知日", null=True, blank=True)
    correction_period_end = models.DateField("补正期限", null=True, blank=True)
    correction_items = models.TextField("需补正事项", blank=True)
    corrected_receipt_date = models.DateField("收到补正申请之日", null=True, blank=True)
    extension_workdays = models.PositiveSmallIntegerField("延长工作日", default=0)
    extension_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="延期批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    extension_approved_on = models.DateField("延期批准日", null=True, blank=True)
    extension_notified_on = models.DateField("延期告知日", null=True, blank=True)
    extension_reason = models.CharField("延期理由", max_length=300, blank=True)
    art35_due = models.DateField("第三十五条答复期限", null=True, blank=True)
    art35_reason = models.CharField("第三十五条理由", max_length=300, blank=True)
    pauses = models.JSONField("暂停期间", default=list, blank=True)

    reply_due = models.DateField("答复期限", null=True, blank=True)
    reply_due_provisional = models.BooleanField("期限为暂定", default=False)
    deadline_explanation = models.TextField("期限计算说明", blank=True)

    proposed_outcome = models.CharField(
        "拟办结果", max_length=8, choices=Outcome.choices, blank=True
    )
    outcome = models.CharField("办理结果", max_length=8, choices=Outcome.choices, blank=True)
    outcome_basis = models.CharField("法律依据", max_length=300, blank=True)
    reply_text = models.TextField("答复内容", blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-receipt_date", "-id"]
        indexes = [
            # The queue: open cases by due date, overdue / due-soon ranges (C6).
            models.Index(fields=["organisation", "phase", "reply_due"], name="foi_app_queue"),
            models.Index(
                fields=["organisation", "phase", "reply_due_provisional", "reply_due"],
                name="foi_app_provisional",
            ),
            models.Index(fields=["organisation", "status", "reply_due"], name="foi_app_status"),
            models.Index(fields=["organisation", "phase", "closed_on"], name="foi_app_closed"),
            models.Index(fields=["applicant_key", "receipt_date"], name="foi_app_applicant"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(extension_workdays__lte=20), name="foi_app_extension_max_20"
            ),
            models.CheckConstraint(
                condition=(_OPEN & models.Q(phase=Phase.OPEN))
                | (~_OPEN & models.Q(phase=Phase.DONE)),
                name="foi_app_phase_matches_status",
            ),
            # D6: a closed case has exactly one outcome leaf and a closing date; an open one none.
            models.CheckConstraint(
                condition=(_OPEN & models.Q(outcome="", closed_on__isnull=True))
                | (~_OPEN & ~models.Q(outcome="") & models.Q(closed_on__isnull=False)),
                name="foi_app_outcome_iff_closed",
            ),
        ]

    def __str__(self) -> str:
        return f"申请 {self.query_code}"


class Attachment(models.Model):
    """A file the applicant supplied (identity proof, supporting material)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="foi/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "申请附件"
        verbose_name_plural = "申请附件"

    def __str__(self) -> str:
        return self.original_name


class Consultation(models.Model):
    """A written consultation of a third party (条例第32条) or another organ (第34条).

    It pauses the reply clock from ``sent_on`` to ``answered_on``, or to ``answer_due`` while
    no answer has come (D2); the party has 15 working days from receiving the letter.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="consultations"
    )
    kind = models.CharField("类型", max_length=16, choices=ConsultationKind.choices)
    party = models.CharField("被征求意见方", max_length=120)
    sent_on = models.DateField("发函日期")
    received_on = models.DateField("对方收到日期")
    answer_due = models.DateField("答复期限")
    answered_on = models.DateField("收到意见日期", null=True, blank=True)
    objects_to_disclosure = models.BooleanField("不同意公开", default=False)
    answer = models.TextField("意见", blank=True)

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.party}"

    @property
    def pause(self) -> tuple[str, str]:
        end = self.answered_on or self.answer_due
        return (self.sent_on.isoformat(), min(end, self.answer_due).isoformat())


class FeeNotice(models.Model):
    """The 收费通知 of an application: one per application, one method (109号第3条, D9)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="fee_notice"
    )
    method = models.CharField("计收方式", max_length=16, choices=FeeMethod.choices)
    quantity = models.PositiveIntegerField("件次/页数")
    amount = models.DecimalField("金额（元）", max_digits=10, decimal_places=2)
    sent_on = models.DateField("发出日期")
    received_on = models.DateField("申请人收到日期")
    payment_due = models.DateField("缴费期限")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    lapsed_on = models.DateField("逾期日期", null=True, blank=True)

    class Meta:
        verbose_name = "收费通知"
        verbose_name_plural = "收费通知"
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="foi_fee_positive")
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount} 元"

    @property
    def pause(self) -> tuple[str, str]:
        end = self.paid_on or self.lapsed_on or self.payment_due
        return (self.sent_on.isoformat(), end.isoformat())


class ApplicationEventQuerySet(models.QuerySet["ApplicationEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise RuntimeError("办理记录只能追加，不能修改。")

    def delete(self) -> NoReturn:
        raise RuntimeError("办理记录只能追加，不能删除。")


class ApplicationEvent(models.Model):
    """One step of a case, append-only (C11). Timelines and statistics read these rows."""

    # No single-column indexes: (application, at) serves the timeline, and events are written
    # in bulk when a calendar load recomputes deadlines.
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="events", db_index=False
    )
    kind = models.CharField("事项", max_length=24, choices=EventKind.choices)
    from_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField("事项日期", null=True, blank=True)
    note = models.CharField("说明", max_length=500, blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = ApplicationEventQuerySet.as_manager()

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("办理记录只能追加，不能修改。")
        super().save(*args, **kwargs)


class Reminder(models.Model):
    """A reminder sent for one application and one due date; makes ``gongkai remind``
    idempotent (the unique constraint admits each reminder once, even run in parallel)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    due = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "期限提醒"
        verbose_name_plural = "期限提醒"
        constraints = [
            models.UniqueConstraint(fields=["application", "kind", "due"], name="foi_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due}"


class LetterTemplate(models.Model):
    """An editable letter text; ``organisation`` empty means the platform default.
    Placeholders are ``{申请人}``-style names listed in ``gongkai.foi.letters.PLACEHOLDERS``."""

    organisation = models.ForeignKey(
        "orgs.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("文书", max_length=24)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="foi_letter_once")
        ]

    def __str__(self) -> str:
        return self.title
