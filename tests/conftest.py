import importlib
import os
import threading
import time

import pytest

from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.core.management.commands import flush
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# beside it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session", autouse=True)
def flush_lifts_the_archive_triggers():
    """A transactional test ends with Django's flush, which on SQLite deletes every row: the
    policy archive's triggers (policies/migrations/0007) refuse that, so they are lifted for
    the flush alone and put back. PostgreSQL flushes with TRUNCATE, which they allow."""
    archive = importlib.import_module("policies.migrations.0007_archive_triggers")
    original = flush.Command.handle

    def handle(self, *args, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite":
            return original(self, *args, **options)
        execute_schema(connection, archive.DROP["sqlite"])
        try:
            return while_unlocked(lambda: original(self, *args, **options))
        finally:
            execute_schema(connection, archive.CREATE["sqlite"])

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


def while_unlocked(operation, patience=10.0):
    """Run `operation`, again while SQLite's shared in-memory test database is locked: a live
    server thread may still finish a request (Wagtail's autosave) as a browser test ends, and
    SQLite answers "database table is locked" at once instead of waiting."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return operation()
        except (OperationalError, CommandError) as error:
            cause = error if isinstance(error, OperationalError) else error.__cause__
            if "locked" not in str(cause) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def execute_schema(connection, statements):
    with connection.cursor() as cursor:
        for statement in statements:
            while_unlocked(lambda statement=statement: cursor.execute(statement))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The clinic's real content, loaded once for the whole run; each test rolls back its changes."""
    with django_db_blocker.unblock():
        call_command("load_clinic_content", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: the page cache is on, as in production."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def page_cache(settings):
    """For tests about the page cache itself: on even when the run turns it off (PAGE_CACHE=off)."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, never a browser downloaded by Playwright."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, answering one request at a time. On SQLite the test database lives in
    memory and every server thread shares the test's one connection: the admin's overlapping
    requests (Wagtail's autosave and preview, the 의료광고 check) would interleave transactions on
    it ("cannot start a transaction within a transaction"). Production has a connection per
    thread; PostgreSQL runs keep Django's threaded server."""

    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session", autouse=True)
def live_server_in_turn():
    if connections[DEFAULT_DB_ALIAS].vendor != "sqlite":
        yield
        return
    original = LiveServerThread.server_class
    LiveServerThread.server_class = OneRequestAtATime
    yield
    LiveServerThread.server_class = original


@pytest.fixture
def live_site(transactional_db, live_server):
    """A real server on loopback with the clinic's content (a transactional test starts empty)."""
    call_command("load_clinic_content", verbosity=0)
    return live_server
