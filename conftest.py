"""Suite-wide fixtures (personas, fast hashing, static files) shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _test_speedups(request, settings):  # type: ignore[no-untyped-def]
    # Manifest storage needs collectstatic; tests render templates against the plain storage.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Argon2 is deliberately slow; tests that check hashing itself are marked real_hashers.
    if "real_hashers" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(db):  # type: ignore[no-untyped-def]
    from gongkai.core.testing import build_personas

    return build_personas()
