from django import forms

from gongkai.interaction.models import MessageChannel


class ChannelForm(forms.Form):
    name = forms.CharField(
        label="渠道名称",
        max_length=60,
        help_text="例如：12345市长热线、市长信箱、中国政府网网民留言",
    )


class MessageForm(forms.Form):
    channel = forms.ModelChoiceField(label="渠道", queryset=MessageChannel.objects.none())
    reference = forms.CharField(label="编号", max_length=60, required=False)
    subject = forms.CharField(label="标题", max_length=200, required=False)
    received_on = forms.DateField(label="收到日期", widget=forms.DateInput(attrs={"type": "date"}))
    replied_on = forms.DateField(
        label="答复日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, channels: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["channel"].queryset = channels  # type: ignore[attr-defined]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV 或 XLSX 文件", help_text="表头：渠道、编号、标题、收到日期、答复日期"
    )
