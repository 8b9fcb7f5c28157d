import logging
import signal
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Revision

logger = logging.getLogger(__name__)

# Any fixed number: the PostgreSQL advisory lock that lets one scheduler at a time publish.
ADVISORY_LOCK_KEY = 0x6E6273_01


@contextmanager
def scheduler_lock():
    """One transaction that no other scheduler can run beside: a PostgreSQL advisory lock, or on
    SQLite the write lock every transaction takes at BEGIN (`transaction_mode` IMMEDIATE in the
    database settings). The second scheduler waits, then finds nothing left due."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        yield


def scheduled_jobs():
    """Periodic work the apps register with `@hooks.register("register_scheduled_job")`: each
    hook returns a callable that takes no argument and returns a short Korean line or None."""
    return [register() for register in hooks.get_hooks("register_scheduled_job")]


class Command(BaseCommand):
    help = (
        "예약 게시를 실행합니다: 게시 시각이 지난 리비전을 게시하고 만료된 페이지를 내립니다. "
        "--interval 초마다 되풀이하며(기본 30초), 여러 개를 함께 실행해도 한 번씩만 게시합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=30, help="확인 간격(초), 기본 30")
        parser.add_argument(
            "--once", action="store_true", help="한 번만 실행하고 끝냅니다 (cron용)"
        )

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        if once:
            self.tick()
            return
        self.stdout.write(f"예약 게시 스케줄러 시작: {interval:g}초 간격")
        self.stdout.flush()
        while self.running:
            started = time.monotonic()
            try:
                self.tick()
            except DatabaseError as error:  # a locked or restarted database: try again next time
                self.stderr.write(f"예약 게시 실패, 다음 주기에 다시 시도합니다: {error}")
            close_old_connections()
            self.sleep(max(0.0, interval - (time.monotonic() - started)))

    def tick(self):
        with scheduler_lock():
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
            call_command("publish_scheduled")
        if due:
            self.report(f"예약 게시 {due}건")
        for job in scheduled_jobs():
            self.run_job(job)
        return due

    def run_job(self, job):
        """One app's periodic job, under the same lock; a failing job never stops publishing."""
        try:
            with scheduler_lock():
                line = job()
        except Exception:
            logger.exception("scheduled job %s failed", getattr(job, "__name__", job))
            self.stderr.write(
                f"정기 작업 실패: {getattr(job, '__name__', job)} (다음 주기에 다시 시도)"
            )
            return
        if line:
            self.report(line)

    def report(self, line):
        self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {line}")
        self.stdout.flush()

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.5, deadline - time.monotonic()))

    def stop(self, *args):
        self.running = False
