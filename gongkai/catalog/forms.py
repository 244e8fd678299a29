"""Forms check shape; services enforce the rules (C10)."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.catalog.choices import CONFIDENTIALITY_CHECKLIST, NormativeStatus
from gongkai.catalog.models import CatalogProfile, DirectoryNode, Item
from gongkai.catalog.selectors import directory_nodes, normative_candidates
from gongkai.orgs.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CategoryField(forms.ModelChoiceField[DirectoryNode]):
    def label_from_instance(self, obj: DirectoryNode) -> str:
        return f"　{obj.name}" if obj.parent_id else obj.name


class ItemForm(forms.ModelForm[Item]):
    class Meta:
        model = Item
        fields = [
            "title",
            "document_number",
            "issuing_organisation",
            "formed_on",
            "category",
            "topic",
            "doc_type",
            "disclosure_attribute",
            "summary",
            "body",
            "keywords",
            "publish_at",
            "issued_on",
            "effective_on",
            "interprets",
        ]
        field_classes = {"category": CategoryField}
        widgets = {
            "formed_on": DATE,
            "issued_on": DATE,
            "effective_on": DATE,
            "publish_at": DATETIME,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {
            "body": "可使用段落、标题、列表、表格和链接；其他标记在保存时清除。",
            "publish_at": "留空则终审通过后立即发布。",
            "issued_on": "规章和行政规范性文件必填。",
            "interprets": "仅政策解读填写。",
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        assert isinstance(category, forms.ModelChoiceField)
        nodes = directory_nodes(organisation=organisation)
        category.queryset = DirectoryNode.objects.filter(pk__in=[n.pk for n in nodes])
        interprets = self.fields["interprets"]
        assert isinstance(interprets, forms.ModelChoiceField)
        interprets.queryset = Item.objects.filter(organisation=organisation).exclude(
            doc_type="interpretation"
        )
        interprets.required = False


class ApproveForm(forms.Form):
    note = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, with_checklist: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_checklist:
            for key, label in CONFIDENTIALITY_CHECKLIST:
                self.fields[key] = forms.BooleanField(label=label, required=False)

    def checklist(self) -> dict[str, bool]:
        return {key: bool(self.cleaned_data.get(key)) for key, _ in CONFIDENTIALITY_CHECKLIST}


class ReturnForm(forms.Form):
    comment = forms.CharField(label="修改意见", widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤回理由", widget=forms.Textarea(attrs={"rows": 3}))


class NormativeStatusForm(forms.Form):
    status = forms.ChoiceField(label="效力状态", choices=NormativeStatus.choices)
    on = forms.DateField(label="变更日期", required=False, widget=DATE)
    superseded_by = forms.ModelChoiceField(
        label="替代文件", queryset=Item.objects.none(), required=False
    )
    note = forms.CharField(label="说明", required=False)

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["superseded_by"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = normative_candidates(organisation=item.organisation).exclude(pk=item.pk)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="附件（PDF、DOCX、XLSX 或图片）")


class DirectoryNodeForm(forms.Form):
    parent = forms.ModelChoiceField(
        label="上级栏目", queryset=DirectoryNode.objects.none(), required=False
    )
    code = forms.CharField(label="栏目编码", max_length=32)
    name = forms.CharField(label="栏目名称", max_length=100)
    legal_basis = forms.CharField(label="依据", max_length=60, required=False)
    position = forms.IntegerField(label="排序", min_value=0, initial=0)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = DirectoryNode.objects.filter(organisation=organisation).filter(parent=None)


class DirectoryNodeEditForm(forms.Form):
    name = forms.CharField(label="栏目名称", max_length=100)
    position = forms.IntegerField(label="排序", min_value=0)
    is_active = forms.BooleanField(label="启用", required=False)


class ProfileForm(forms.ModelForm[CatalogProfile]):
    class Meta:
        model = CatalogProfile
        fields = [
            "index_pattern",
            "guide_intro",
            "guide_classification",
            "guide_obtain",
            "guide_request",
            "guide_other",
        ]
        help_texts = {"guide_intro": "指南各部分留空时按本机关信息自动生成。"}
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in [
                "guide_intro",
                "guide_classification",
                "guide_obtain",
                "guide_request",
                "guide_other",
            ]
        }
