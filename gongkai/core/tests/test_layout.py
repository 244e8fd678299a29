"""The pure cores import nothing from Django (conventions: workdays, reportkit, fee rules)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PURE = [
    "gongkai/workdays",
    "gongkai/reportkit",
    "gongkai/foi/fees.py",
    "gongkai/oversight/scoring.py",
    "gongkai/oversight/escalation.py",
    "gongkai/reports/narrative.py",
]


def python_files(target: str) -> list[Path]:
    path = ROOT / target
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("target", PURE)
def test_pure_package_sources_never_import_django(target):
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in python_files(target)
        for module in imported_modules(path)
        if module == "django" or module.startswith(("django.", "gongkai.core", "gongkai.orgs"))
    ]
    assert offenders == []


def test_importing_the_pure_packages_loads_no_django():
    code = (
        "import sys, gongkai.workdays, gongkai.reportkit, gongkai.foi.fees, "
        "gongkai.oversight.scoring, gongkai.oversight.escalation, gongkai.reports.narrative; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
