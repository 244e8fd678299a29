"""Load the 2019 national indicator sheets (国办秘函〔2019〕19号) as the defaults."""

import json
from pathlib import Path

from django.db import migrations

SHEETS = Path(__file__).resolve().parent.parent / "sheets"
FILES = ["gb2019_website.json", "gb2019_new_media.json"]


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from gongkai.oversight import scoring

    IndicatorSheet = apps.get_model("oversight", "IndicatorSheet")
    for name in FILES:
        sheet = scoring.sheet_from_dict(json.loads((SHEETS / name).read_text("utf-8")))
        IndicatorSheet.objects.get_or_create(
            code=sheet.code,
            defaults={
                "version": sheet.version,
                "title": sheet.title,
                "variant": sheet.variant,
                "data": scoring.sheet_to_dict(sheet),
                "is_default": not IndicatorSheet.objects.filter(
                    variant=sheet.variant, is_default=True
                ).exists(),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
