"""Settings come from the environment and fail loudly on bad values (conventions C12)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "GONGKAI_DEMO"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG, s.TIME_ZONE)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_defaults_are_production_safe():
    result = load_settings(SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False Asia/Shanghai"


def test_secret_key_is_required_outside_demo_and_debug():
    result = load_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr
    assert load_settings(GONGKAI_DEMO="1").returncode == 0


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("LOGIN_MAX_FAILURES", "five"),
        ("SESSION_IDLE_SECONDS", "10"),
        ("MEDIA_STORAGE", "ftp"),
        ("EMAIL_PORT", "-1"),
    ],
)
def test_a_malformed_value_stops_startup_naming_the_variable(variable, value):
    result = load_settings(SECRET_KEY="k" * 50, **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.splitlines()[-1]


def test_the_database_defaults_to_the_embedded_sqlite_file(settings):
    if "DATABASE_URL" in os.environ:
        pytest.skip("DATABASE_URL is set for this run")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.PASSWORD_HASHERS  # argon2 first outside tests; see accounts tests
