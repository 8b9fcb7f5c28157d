import signal
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone

from wagtail.models import Revision

# Any fixed number: the PostgreSQL advisory lock that lets one scheduler at a time publish.
ADVISORY_LOCK_KEY = 0x6E6273_01


@contextmanager
def scheduler_lock():
    """One transaction that no other scheduler can run beside: a PostgreSQL advisory lock, or on
    SQLite a write lock taken at BEGIN. The second scheduler waits, then finds nothing left due."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
            yield
    elif connection.vendor == "sqlite":
        previous = connection.transaction_mode
        connection.transaction_mode = "IMMEDIATE"
        try:
            with transaction.atomic():
                connection.transaction_mode = previous
                yield
        finally:
            connection.transaction_mode = previous
    else:
        with transaction.atomic():
            yield


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
            self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} 예약 게시 {due}건")
            self.stdout.flush()
        return due

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.5, deadline - time.monotonic()))

    def stop(self, *args):
        self.running = False
