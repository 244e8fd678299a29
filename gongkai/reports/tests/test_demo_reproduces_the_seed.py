"""Issue acceptance: after ``gongkai demo`` the 2021 report of 辉县市人民政府 (410782) built
from live data equals the seed report's gold values in every table cell, its section 一
states the seed's figures, and 2022 carries the 9 open cases over."""

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.reportkit import parse_bytes, validate
from gongkai.reportkit.jsonio import report_to_dict
from gongkai.reportkit.render_docx import render_docx
from gongkai.reportkit.render_pdf import render_pdf
from gongkai.reportkit.schema import Severity
from gongkai.reports.compute import build_report
from gongkai.reports.narrative import draft_sections
from gongkai.reports.sources import live_figures

REPO = Path(__file__).resolve().parents[3]


def gold() -> dict:
    shared = Path(os.environ.get("GONGKAI_SHARED", REPO.parent / "shared"))
    path = shared / "fixtures" / "real" / "gold" / "huixian-2021.json"
    if not path.exists():
        pytest.skip(f"seed gold values not found at {path} (set GONGKAI_SHARED)")
    return json.loads(path.read_text(encoding="utf-8"))


def report(figures):  # type: ignore[no-untyped-def]
    return build_report(figures=figures, sections=draft_sections(figures.narrative))


@pytest.mark.django_db
def test_the_demo_reproduces_the_seed_report():
    expected = gold()
    call_command("demo", verbosity=0)
    from gongkai.orgs.models import Organisation

    government = Organisation.objects.get(code="410782")
    y2021, y2022 = (live_figures(organisation=government, year=y) for y in (2021, 2022))
    built = report_to_dict(report(y2021))
    for table in ("table2", "table3", "table4"):  # every table cell equals the seed
        assert built[table] == expected[table], table
    text = report(y2021).sections["S1"]
    for figure in ["主动公开政府信息3200条", "12345市长热线14287件", "中国政府网网民留言28件",
                   "人民网新乡市长留言17件", "新乡市长信箱104件", "辉县市长信箱549件",
                   "受理政府信息公开申请75件", "会议和业务培训4次"]:  # fmt: skip
        assert figure in text  # section 一 states the seed's figures
    assert [f for f in validate(report(y2021)) if f.severity == Severity.ERROR] == []
    assert y2022.table3["R2"][6] == y2021.table3["R4"][6] == 9  # carried over into 2022
    for fmt, render in (("docx", render_docx), ("pdf", render_pdf)):  # `report check` on files
        parsed = parse_bytes(render(report(y2021)), f"huixian-2021.{fmt}")
        assert report_to_dict(parsed.report)["table3"] == expected["table3"], fmt
        assert [f for f in validate(parsed.report) if f.severity == Severity.ERROR] == [], fmt
