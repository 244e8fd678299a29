"""The pure CLI helpers behind ``gongkai deadline`` and ``gongkai calendar show``."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from gongkai.workdays import WorkCalendar, YearCalendar, parse_year_file
from gongkai.workdays.__main__ import main
from gongkai.workdays.cli import deadline_main, show_main, show_year
from gongkai.workdays.tests.conftest import FIXTURES

SYNTHETIC = str(FIXTURES / "2027-synthetic.txt")


def run(argv: list[str], overlays: tuple[YearCalendar, ...] = ()) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = deadline_main(argv, overlays=overlays, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_the_due_date_first_and_whether_it_is_provisional() -> None:
    """D1: the Saturday example."""
    code, out, _ = run(["--start", "2021-10-16", "--workdays", "20"])
    lines = out.splitlines()
    assert code == 0
    assert lines[:2] == ["2021-11-12", "provisional: no"]


def test_it_prints_json_with_pauses() -> None:
    """D2 through the CLI: a pause of two working days."""
    code, out, _ = run(
        ["--start", "2021-10-29", "--workdays", "1", "--pause", "2021-11-01:2021-11-02", "--json"]
    )
    payload = json.loads(out)
    assert code == 0
    assert payload["due"] == "2021-11-03"
    assert payload["paused_workdays"] == 2
    assert payload["pauses"] == [["2021-11-01", "2021-11-02"]]


def test_the_pause_end_can_be_excluded_from_the_command_line() -> None:
    """D2 configurable."""
    argv = ["--start", "2021-10-29", "--workdays", "1", "--pause", "2021-11-01:2021-11-02"]
    _, out, _ = run([*argv, "--pause-end-exclusive", "--json"])
    assert json.loads(out)["due"] == "2021-11-02"


def test_it_marks_an_unknown_year_provisional_until_an_overlay_is_given(
    overlay_2027: YearCalendar,
) -> None:
    """D5: overlays passed in (from the database) or read from a year file make it final."""
    argv = ["--start", "2027-01-29", "--workdays", "10", "--json"]
    assert json.loads(run(argv)[1])["provisional"] is True
    from_db = json.loads(run(argv, overlays=(overlay_2027,))[1])
    from_file = json.loads(run([*argv, "--year-file", SYNTHETIC])[1])
    assert from_db["provisional"] is from_file["provisional"] is False
    assert from_db["due"] == from_file["due"] == "2027-02-18"


def test_it_returns_2_with_a_message_for_bad_arguments() -> None:
    assert run(["--start", "2021-13-01", "--workdays", "1"])[0] == 2
    assert "bad date" in run(["--start", "2021-13-01", "--workdays", "1"])[2]
    assert "n >= 1" in run(["--start", "2021-10-01", "--workdays", "0"])[2]
    assert "START:END" in run(["--start", "2021-10-01", "--workdays", "1", "--pause", "x"])[2]
    assert "required" in run([])[2]


def test_it_returns_2_for_a_broken_year_file(tmp_path: object) -> None:
    from pathlib import Path

    broken = Path(str(tmp_path)) / "broken.txt"
    broken.write_text("year: 2027\nholiday: 2027-01-01\n", "utf-8")
    code, _, err = run(["--start", "2027-01-01", "--workdays", "1", "--year-file", str(broken)])
    assert code == 2
    assert "missing 'notice" in err


def test_help_returns_0() -> None:
    assert run(["--help"])[0] == 0


def test_show_year_renders_a_loadable_year_file(calendar: WorkCalendar) -> None:
    text = show_year(calendar, 2021)
    assert "workday: 2021-10-09" in text
    assert "holiday: 2021-10-01..2021-10-07" in text
    assert parse_year_file(text) == calendar.year(2021)


def test_show_year_says_when_a_year_has_no_data(calendar: WorkCalendar) -> None:
    """D5: the administrator sees that deadlines in the year are provisional."""
    assert "no holiday data" in show_year(calendar, 2027)


def test_show_main_prints_an_overlay(overlay_2027: YearCalendar) -> None:
    out = io.StringIO()
    assert show_main(["2027"], overlays=[overlay_2027], stdout=out) == 0
    assert overlay_2027.source in out.getvalue()


def test_the_module_entry_point_dispatches(capsys: object) -> None:
    assert main(["check", SYNTHETIC]) == 0
    assert main(["nonsense"]) == 2


def test_python_dash_m_runs_the_deadline_command() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gongkai.workdays",
            "deadline",
            "--start",
            "2021-09-24",
            "--workdays",
            "20",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "2021-10-27"


def test_the_package_imports_nothing_from_django() -> None:
    """Conventions: workdays is a pure core usable from the CLI without settings."""
    code = (
        "import sys, gongkai.workdays.cli, gongkai.workdays.__main__, gongkai.foi.fees; "
        "print('django' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
