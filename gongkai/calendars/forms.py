from django import forms

MAX_YEAR_FILE_BYTES = 64 * 1024


class YearFileForm(forms.Form):
    """Paste the year file, or upload it; the format is checked by the service."""

    text = forms.CharField(
        label="年度日历文件内容", widget=forms.Textarea(attrs={"rows": 12}), required=False
    )
    file = forms.FileField(label="或上传文件（UTF-8 文本）", required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_YEAR_FILE_BYTES:
                raise forms.ValidationError("文件过大（不超过 64 KB）。")
            try:
                data["text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError("文件不是 UTF-8 编码的文本。") from None
        if not str(data.get("text") or "").strip():
            raise forms.ValidationError("请粘贴或上传年度日历文件。")
        return data
