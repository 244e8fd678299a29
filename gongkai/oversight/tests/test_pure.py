"""The scoring rules and the escalation rule are pure: importing them loads no Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_importing_scoring_and_escalation_loads_no_django():
    code = (
        "import sys, gongkai.oversight.scoring, gongkai.oversight.escalation; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
