from django import forms

from gongkai.orgs.models import Organisation


class DraftForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="机关", queryset=Organisation.objects.none(), to_field_name="code"
    )
    year = forms.IntegerField(label="年度", min_value=2019, max_value=2100)

    def __init__(self, *args: object, organisations: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class SectionsForm(forms.Form):
    S1 = forms.CharField(
        label="一、总体情况", widget=forms.Textarea(attrs={"rows": 18}), max_length=20000
    )
    S5 = forms.CharField(
        label="五、存在的主要问题及改进情况",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
    )
    S6 = forms.CharField(
        label="六、其他需要报告的事项", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="意见", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviseForm(forms.Form):
    reason = forms.CharField(
        label="更正原因", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="机关", queryset=Organisation.objects.none(), to_field_name="code"
    )
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)
    file = forms.FileField(label="报告文件（TXT、HTML、DOCX 或 PDF）")

    def __init__(self, *args: object, organisations: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("文件过大（上限 20 MB）。")
        return upload
