"""Pytest plugin loaded before Django is configured (``-p config.testenv`` in pyproject).

Tests use the production settings module with DEBUG off; only a throwaway secret key is set
here so that the settings' "SECRET_KEY is required" guard is satisfied in the test process.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else-0123456789")
