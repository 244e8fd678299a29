"""Forms check shape only; the services enforce the rules (conventions C10)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from gongkai.orgs.models import Organisation
from gongkai.oversight import scoring
from gongkai.oversight.choices import FindingKind, PlatformKind, TrainingKind
from gongkai.oversight.models import Platform

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PlatformForm(forms.Form):
    organisation = forms.ModelChoiceField(label="主办单位", queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label="类型", choices=PlatformKind.choices)
    name = forms.CharField(label="名称", max_length=120)
    address = forms.CharField(label="网址或账号", max_length=255)
    operator = forms.CharField(label="运维单位", max_length=120, required=False)
    is_portal = forms.BooleanField(label="门户网站", required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class PlatformEditForm(forms.Form):
    name = forms.CharField(label="名称", max_length=120)
    address = forms.CharField(label="网址或账号", max_length=255)
    operator = forms.CharField(label="运维单位", max_length=120, required=False)
    is_portal = forms.BooleanField(label="门户网站", required=False)
    note = forms.CharField(label="备注", max_length=255, required=False)


class RoundForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="组织检查的机关", queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(label="年度", min_value=2019, max_value=2100)
    quarter = forms.IntegerField(label="季度", min_value=1, max_value=4)
    window_start = forms.DateField(label="监测开始日", widget=DATE)
    window_end = forms.DateField(label="监测结束日", widget=DATE)
    title = forms.CharField(label="名称（可留空自动生成）", max_length=200, required=False)
    sample_note = forms.CharField(
        label="抽样说明", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class RecordForm(forms.Form):
    platform = forms.ModelChoiceField(label="抽查对象", queryset=Platform.objects.none())
    checked_on = forms.DateField(label="检查日期", widget=DATE)

    def __init__(self, *args: Any, platforms: QuerySet[Platform], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = platforms  # type: ignore[attr-defined]


class SampleForm(forms.Form):
    percent = forms.IntegerField(label="抽样比例（%）", min_value=1, max_value=100, initial=30)
    checked_on = forms.DateField(label="检查日期", widget=DATE)


class FindingForm(forms.Form):
    item_code = forms.ChoiceField(label="指标")
    points = forms.DecimalField(
        label="扣分/加分（单项否决不填）",
        min_value=0,
        max_digits=6,
        decimal_places=2,
        required=False,
    )
    description = forms.CharField(
        label="问题描述", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    url = forms.URLField(label="问题页面网址", required=False, assume_scheme="https")
    observed_at = forms.DateTimeField(
        label="发现时间",
        required=False,
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
    )
    screenshot = forms.FileField(label="截图", required=False)

    def __init__(self, *args: Any, sheet: scoring.Sheet, is_portal: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        groups: list[tuple[str, list[tuple[str, str]]]] = [
            (FindingKind.VETO.label, [(i.code, i.label) for i in sheet.vetoes]),
            (
                FindingKind.DEDUCTION.label,
                [(i.code, f"{i.group}·{i.label}（{i.points}分）") for i in sheet.deductions],
            ),
        ]
        if is_portal and sheet.bonuses:
            groups.append(
                (
                    FindingKind.BONUS.label,
                    [(i.code, f"{i.label}（{i.points}分）") for i in sheet.bonuses],
                )
            )
        self.fields["item_code"].choices = groups  # type: ignore[attr-defined]


class IssueForm(forms.Form):
    title = forms.CharField(label="整改事项", max_length=200)
    workdays = forms.IntegerField(label="整改期限（工作日）", min_value=1, max_value=60, initial=10)
    requirement = forms.CharField(
        label="整改要求", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class TaskForm(IssueForm):
    organisation = forms.ModelChoiceField(label="整改单位", queryset=Organisation.objects.none())
    field_order = ["organisation", "title", "workdays", "requirement"]

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    response = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 4}))
    evidence = forms.FileField(label="整改佐证（截图或文件）", required=False)


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label="核验结论",
        choices=[("accept", "通过，销号"), ("return", "未通过，退回重改")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="核验意见", max_length=500, required=False)


class TrainingForm(forms.Form):
    organisation = forms.ModelChoiceField(label="组织单位", queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label="类型", choices=TrainingKind.choices)
    held_on = forms.DateField(label="日期", widget=DATE)
    topic = forms.CharField(label="主题", max_length=200)
    organiser = forms.CharField(label="主办", max_length=120, required=False)
    participants = forms.IntegerField(label="参加人数", min_value=0)
    materials = forms.FileField(label="材料", required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class AssessmentForm(forms.Form):
    organisation = forms.ModelChoiceField(label="考核机关", queryset=Organisation.objects.none())
    year = forms.IntegerField(label="年度", min_value=2019, max_value=2100)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class ScoreForm(forms.Form):
    organisation = forms.ModelChoiceField(label="单位", queryset=Organisation.objects.none())
    indicator_code = forms.ChoiceField(label="指标")
    count = forms.IntegerField(label="问题数（自动类指标）", min_value=0, required=False)
    score = forms.DecimalField(
        label="得分", min_value=0, max_digits=6, decimal_places=2, required=False
    )
    note = forms.CharField(label="说明", max_length=300, required=False)

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        lines: tuple[scoring.AssessmentIndicator, ...],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["indicator_code"].choices = [(i.code, i.label) for i in lines]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("count") is None and data.get("score") is None:
            raise forms.ValidationError("请填写问题数或得分。")
        return data
