from decimal import Decimal

from django import forms


class FiguresForm(forms.Form):
    licensing = forms.IntegerField(
        label="行政许可（本年处理决定数量）", min_value=0, max_value=10**9
    )
    penalty = forms.IntegerField(label="行政处罚（本年处理决定数量）", min_value=0, max_value=10**9)
    coercion = forms.IntegerField(
        label="行政强制（本年处理决定数量）", min_value=0, max_value=10**9
    )
    fee_wan_yuan = forms.DecimalField(
        label="行政事业性收费（本年收费金额，单位：万元，保留4位小数）",
        min_value=Decimal("0"),
        max_digits=16,
        decimal_places=4,
        help_text="请以万元为单位填写；例如 75394432.52 元应填 7539.4433。",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV 或 XLSX 文件",
        help_text="表头：机关代码、年度、行政许可、行政处罚、行政强制、行政事业性收费（万元）",
    )
