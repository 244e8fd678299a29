"""The working-day calendar page: everyone on staff reads it, only sysadmins load a year."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.calendars.models import CalendarYear
from gongkai.calendars.selectors import work_calendar

pytestmark = pytest.mark.django_db
SYNTHETIC_2027 = Path(__file__).parents[2] / "workdays/tests/fixtures/2027-synthetic.txt"


def test_staff_read_the_page_and_see_unknown_years_as_provisional(personas):
    page = personas.client_for(personas.handler_a).get(reverse("calendars:index"), {"year": 2021})
    body = page.content.decode()
    assert page.status_code == 200 and "chinesecalendar" in body and "载入年度日历" not in body


def test_only_sysadmins_load_a_year(personas):
    text = SYNTHETIC_2027.read_text("utf-8")
    denied = personas.client_for(personas.admin_a).post(reverse("calendars:index"), {"text": text})
    assert denied.status_code == 403 and not CalendarYear.objects.exists()
    client = personas.client_for(personas.sysadmin)
    upload = SimpleUploadedFile("2027.txt", text.encode())
    response = client.post(reverse("calendars:index"), {"file": upload}, follow=True)
    assert "已载入 2027 年日历" in response.content.decode()
    assert work_calendar().known(2027) and work_calendar().source(2027).startswith("国办发明电")


def test_a_bad_year_file_is_refused_with_the_line(personas):
    client = personas.client_for(personas.sysadmin)
    response = client.post(
        reverse("calendars:index"), {"text": "year: 2027\nholiday: 2027-13-01\n"}
    )
    assert "line 2" in response.content.decode() and not CalendarYear.objects.exists()
