"""System-administration views of the oversight data. Sheets are validated on save through
the same service as ``gongkai oversight load-sheet``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from gongkai.oversight import scoring
from gongkai.oversight.models import (
    AssessmentSheet,
    CheckRound,
    IndicatorSheet,
    Platform,
    Rectification,
    TrainingRecord,
)
from gongkai.oversight.services import indicator_sheet_load


class IndicatorSheetForm(forms.ModelForm[IndicatorSheet]):
    class Meta:
        model = IndicatorSheet
        fields = ["data", "is_default"]

    def clean_data(self) -> Any:
        data = self.cleaned_data["data"]
        try:
            scoring.sheet_from_dict(data)
        except scoring.SheetError as error:
            raise forms.ValidationError(str(error)) from None
        return data


@admin.register(IndicatorSheet)
class IndicatorSheetAdmin(admin.ModelAdmin[IndicatorSheet]):
    form = IndicatorSheetForm
    list_display = ("code", "title", "version", "variant", "is_default", "loaded_at")

    def save_model(
        self, request: HttpRequest, obj: IndicatorSheet, form: Any, change: bool
    ) -> None:
        sheet, _ = indicator_sheet_load(
            data=form.cleaned_data["data"],
            actor=request.user,  # type: ignore[arg-type]
            make_default=form.cleaned_data["is_default"],
        )
        obj.pk = sheet.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin[Platform]):
    list_display = ("name", "kind", "organisation", "address", "status")
    list_filter = ("kind", "status")
    search_fields = ("name", "address")


@admin.register(CheckRound)
class CheckRoundAdmin(admin.ModelAdmin[CheckRound]):
    list_display = ("title", "organisation", "year", "quarter", "status")
    readonly_fields = [f.name for f in CheckRound._meta.fields]


@admin.register(Rectification)
class RectificationAdmin(admin.ModelAdmin[Rectification]):
    list_display = ("title", "organisation", "due_on", "status", "level")
    list_filter = ("status", "level")
    readonly_fields = [f.name for f in Rectification._meta.fields]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin[TrainingRecord]):
    list_display = ("held_on", "topic", "organisation", "kind", "participants")


class AssessmentSheetForm(forms.ModelForm[AssessmentSheet]):
    class Meta:
        model = AssessmentSheet
        fields = ["title", "indicators"]

    def clean_indicators(self) -> Any:
        data = self.cleaned_data["indicators"]
        try:
            scoring.assessment_indicators_from_list(data)
        except scoring.SheetError as error:
            raise forms.ValidationError(str(error)) from None
        return data


@admin.register(AssessmentSheet)
class AssessmentSheetAdmin(admin.ModelAdmin[AssessmentSheet]):
    """Edit the title and indicator lines of a year's sheet (created on the staff pages)."""

    form = AssessmentSheetForm
    list_display = ("title", "organisation", "year")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
