"""``python -m gongkai.reportkit check|convert|diff …`` (see ``cli``)."""

import sys

from gongkai.reportkit.cli import main

sys.exit(main(sys.argv[1:]))
