import os

import pytest

from django.core.cache import caches
from django.core.management import call_command

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


@pytest.fixture
def live_site(transactional_db, live_server):
    """A real server on loopback with the clinic's content (a transactional test starts empty)."""
    call_command("load_clinic_content", verbosity=0)
    return live_server
