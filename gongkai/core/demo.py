"""Demo data: ``gongkai demo`` runs every installed app's ``demo.load()`` in app order.

Each step must be idempotent (get-or-create by natural keys), so the command can run on every
``make run`` and only fills what is missing.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

from django.apps import apps
from django.db import transaction

DEMO_PASSWORD = "Gongkai-demo-2026"  # noqa: S105  documented in the README; demo data only


def demo_steps() -> list[tuple[str, Callable[[], str]]]:
    steps = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if config.name.startswith("gongkai.") and importlib.util.find_spec(module_name):
            module = importlib.import_module(module_name)
            if hasattr(module, "load"):
                steps.append((config.label, module.load))
    return steps


def demo_load() -> list[str]:
    """Run every step in one transaction; returns one summary line per step."""
    lines = []
    with transaction.atomic():
        for label, load in demo_steps():
            lines.append(f"{label}: {load()}")
    return lines
