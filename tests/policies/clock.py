"""Run a manage.py command in a subprocess whose clock starts at a given moment and keeps ticking.

    python -m tests.policies.clock 2026-12-01T00:00:05+09:00 run_scheduler --once
"""

import os
import sys

import time_machine


def main():
    moment, *command = sys.argv[1:]
    time_machine.travel(moment, tick=True).start()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nbsite.settings.test")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *command])


if __name__ == "__main__":
    main()
