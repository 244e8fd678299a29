"""reportkit is pure Python: its tests run without Django (``pytest -p no:django``).

The suite-wide autouse fixture in the root conftest needs pytest-django's ``settings``; this
same-named fixture overrides it for this package so the pure tests need no Django at all.
"""

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _test_speedups() -> Iterator[None]:
    yield
