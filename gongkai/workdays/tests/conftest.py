from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.workdays import WorkCalendar, YearCalendar, parse_year_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    """The bundled chinesecalendar data, 2004–2026, no overlays."""
    return WorkCalendar.bundled()


@pytest.fixture(scope="session")
def overlay_2027() -> YearCalendar:
    """A synthetic (made-up) 2027 notice with holidays and 调休 days."""
    return parse_year_file((FIXTURES / "2027-synthetic.txt").read_text("utf-8"))
