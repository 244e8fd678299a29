"""The command line: check / convert / diff and the exit codes 0, 1, 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from gongkai.reportkit import load_json
from gongkai.reportkit.cli import main
from gongkai.reportkit.tests.builders import REPO_ROOT, shared_dir

SYNTHETIC = Path(__file__).with_name("fixtures") / "synthetic-2023.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_of_a_clean_report_exits_0_and_names_the_format() -> None:
    code, out, _ = run("check", str(SYNTHETIC))
    assert code == 0
    assert "格式：2021（txt）" in out and "示例县交通运输局" in out


def test_check_exits_1_on_an_error_finding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    text = SYNTHETIC.read_text("utf-8").replace(
        "四、结转下年度继续办理\t1\t0", "四、结转下年度继续办理\t2\t0"
    )
    broken.write_text(text.replace("\t0\t1\n\n四、政府", "\t0\t2\n\n四、政府"), "utf-8")
    code, out, _ = run("check", str(broken))
    assert code == 1
    assert "T3-01" in out


def test_check_exits_2_for_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    other = tmp_path / "note.txt"
    other.write_text("会议纪要：明天开会。", "utf-8")
    odd = tmp_path / "data.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    for path in (tmp_path / "missing.txt", empty, other, odd):
        code, _out, err = run("check", str(path))
        assert code == 2, path
        assert err.count("\n") == 1 and str(path) in err


def test_check_json_gives_one_object_per_file() -> None:
    code, out, _ = run("check", "--json", str(SYNTHETIC), str(SYNTHETIC))
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    data = json.loads(lines[0])
    assert set(data) == {"file", "format_version", "report", "findings"}
    assert data["report"]["table3"]["R1"] == [12, 1, 0, 0, 0, 0, 13]


def test_check_with_previous_applies_continuity_rules(tmp_path: Path) -> None:
    previous = tmp_path / "previous.json"
    code, _, _ = run("convert", str(SYNTHETIC), "--to", "json", "-o", str(previous))
    assert code == 0
    data = json.loads(previous.read_text("utf-8"))
    data["year"] = 2022
    data["table3"]["R4"] = [3, 0, 0, 0, 0, 0, 3]
    previous.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, _ = run("check", str(SYNTHETIC), "--previous", str(previous))
    assert code == 1 and "T3-04" in out


def test_convert_to_json_and_back(tmp_path: Path) -> None:
    out_file = tmp_path / "r.json"
    assert run("convert", str(SYNTHETIC), "--to", "json", "-o", str(out_file))[0] == 0
    report = load_json(out_file.read_text("utf-8"))
    assert report.year == 2023
    txt = tmp_path / "r.txt"
    assert run("convert", str(out_file), "--to", "txt", "-o", str(txt))[0] == 0
    assert "行政规范性文件" in txt.read_text("utf-8")


def test_diff_of_the_real_pingtan_years(tmp_path: Path) -> None:
    real = shared_dir() / "fixtures" / "real"
    code, out, _ = run(
        "diff", "--json", str(real / "pingtan-2022.txt"), str(real / "pingtan-2023.txt")
    )
    data = json.loads(out)
    assert code == 0 and data["relation"] == "consecutive"
    assert {"cell": "t3:R1:C7", "old": 74, "new": 81} in data["cells"]


def test_usage_errors_exit_2() -> None:
    assert run("frobnicate")[0] == 2


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gongkai.reportkit", "check", str(SYNTHETIC)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
