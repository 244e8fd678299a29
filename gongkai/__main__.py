"""The ``gongkai`` command: Django's manage.py with the settings preset (conventions C15)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "gongkai"
    if len(argv) > 1 and argv[1] == "--help":
        argv[1] = "help"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
