"""``gongkai report`` on live data and files; importing an earlier year's report file."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.core.errors import ApplicationError
from gongkai.reports import services
from gongkai.reports.choices import ReportSource, ReportStatus
from gongkai.reports.management.commands.report import Command
from gongkai.reports.selectors import previous_report

SYNTHETIC = (
    Path(__file__).resolve().parents[2] / "reportkit" / "tests" / "fixtures" / "synthetic-2023.txt"
)


def test_build_prints_the_engine_json_of_live_data(personas):
    out = io.StringIO()
    call_command("report", "build", "--org", "A1", "--year", "2021", "--to", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["org"] == "测试市甲局"
    assert data["table3"]["R1"] == [0] * 7
    assert set(data["table4"]) == {f"{b}{i}" for b in "ABC" for i in range(1, 6)}


def test_build_writes_binary_formats_to_a_file(personas, tmp_path):
    target = tmp_path / "r.docx"
    call_command(
        "report", "build", "--org", "A1", "--year", "2021", "--to", "docx", "-o", str(target)
    )
    assert target.read_bytes()[:2] == b"PK"
    with pytest.raises(CommandError, match="-o"):
        call_command("report", "build", "--org", "A1", "--year", "2021", "--to", "pdf")


def test_build_names_an_unknown_organisation(db):
    with pytest.raises(CommandError, match="机关代码 ZZ 不存在"):
        call_command("report", "build", "--org", "ZZ", "--year", "2021")


def test_file_subcommands_keep_the_engines_exit_codes(tmp_path, capsys):
    with pytest.raises(SystemExit) as missing:
        Command().run_from_argv(["gongkai", "report", "check", str(tmp_path / "nope.txt")])
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as fine:
        Command().run_from_argv(["gongkai", "report", "check", str(SYNTHETIC)])
    assert fine.value.code in (0, 1)
    assert "2021" in capsys.readouterr().out


def test_an_earlier_years_file_becomes_that_years_figures(personas):
    imported = services.report_import_earlier(
        organisation=personas.org_a,
        year=2023,
        data=SYNTHETIC.read_bytes(),
        filename="synthetic-2023.txt",
        actor=personas.office_head_a,
    )
    assert (imported.status, imported.source) == (ReportStatus.PUBLISHED, ReportSource.IMPORTED)
    previous = previous_report(organisation=personas.org_a, year=2024)
    assert previous is not None and previous.year == 2023
    with pytest.raises(ApplicationError, match="已有报告"):
        services.report_import_earlier(
            organisation=personas.org_a,
            year=2023,
            data=SYNTHETIC.read_bytes(),
            filename="again.txt",
            actor=personas.office_head_a,
        )


def test_an_unreadable_file_is_refused_and_nothing_is_stored(personas):
    with pytest.raises(ApplicationError, match="无法作为年度报告读取"):
        services.report_import_earlier(
            organisation=personas.org_a,
            year=2020,
            data=b"\x00\x01 not a report",
            filename="x.pdf",
            actor=personas.office_head_a,
        )
    assert not personas.org_a.annual_reports.exists()
