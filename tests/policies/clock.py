"""Run a manage.py command in a subprocess whose clock starts at a given moment and keeps ticking.

    python -m tests.policies.clock 2026-12-01T00:00:05+09:00 run_scheduler --once

PUBLISH_DELAY=<seconds> makes every revision publish wait first, so that processes started
together are sure to overlap (the race the scheduler's lock exists for).
"""

import os
import sys
import time

import time_machine


def main():
    moment, *command = sys.argv[1:]
    time_machine.travel(moment, tick=True).start()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nbsite.settings.test")
    delay = float(os.environ.get("PUBLISH_DELAY", "0"))
    if delay:
        import django

        django.setup()
        from wagtail.models import Revision

        publish = Revision.publish

        def slow_publish(self, *args, **kwargs):
            time.sleep(delay)
            return publish(self, *args, **kwargs)

        Revision.publish = slow_publish
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *command])


if __name__ == "__main__":
    main()
