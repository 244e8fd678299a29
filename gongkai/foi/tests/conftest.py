"""Helpers for the foi tests: registering an application on a given day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gongkai.foi.choices import ApplicantType, Channel, Delivery, IdType, InfoForm
from gongkai.foi.services import ApplicationInput, application_register

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def d(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


def app_input(day: str = "2021-09-24", **overrides):  # type: ignore[no-untyped-def]
    values = {
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "applicant_name": "张三丰",
        "id_type": IdType.RESIDENT_ID,
        "id_number": "410782199001011234",
        "phone": "13812345678",
        "email": "zhang@example.com",
        "address": "河南省辉县市某路1号",
        "description": "2021年本市城区道路改造工程的立项批复文件",
        "info_form": InfoForm.PAPER,
        "delivery": Delivery.POST,
        "channel": Channel.IN_PERSON,
        "arrived_at": at(day),
    }
    values.update(overrides)
    return ApplicationInput(**values)


@pytest.fixture
def register(personas):  # type: ignore[no-untyped-def]
    def make(day: str = "2021-09-24", **overrides):  # type: ignore[no-untyped-def]
        return application_register(
            organisation=personas.org_a,
            data=app_input(day, **overrides),
            actor=personas.registrar_a,
        )

    return make


@pytest.fixture(autouse=True)
def _fresh_rate_limits():  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
