from django import forms

from gongkai.disputes.choices import DisputeKind, DisputeResult


class DisputeForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=DisputeKind.choices)
    filed_on = forms.DateField(
        label="申请/立案日期", widget=forms.DateInput(attrs={"type": "date"})
    )
    case_number = forms.CharField(label="案号", max_length=100, required=False)
    authority = forms.CharField(label="复议机关或法院", max_length=120, required=False)
    query_code = forms.CharField(label="相关申请查询码（可选）", max_length=24, required=False)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(forms.Form):
    result = forms.ChoiceField(
        label="结果", choices=[c for c in DisputeResult.choices if c[0] != DisputeResult.PENDING]
    )
    ended_on = forms.DateField(label="审结日期", widget=forms.DateInput(attrs={"type": "date"}))
