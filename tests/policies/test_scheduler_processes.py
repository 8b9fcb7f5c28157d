"""The real scheduler as separate processes against one database (a file or a PostgreSQL
database of its own, since the test database's transactions are invisible to other processes)."""

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

REPO = Path(__file__).resolve().parents[2]

SETUP = """
import datetime, time_machine
from django.apps import apps
from django.contrib.auth.models import Group, User
from policies.access import ensure_policy_access
from policies.models import PolicyPage
from tests.policies.conftest import publish_in_editor
ensure_policy_access(apps)
user = User.objects.create_user("privacy", password="pw")
user.groups.add(Group.objects.get(name="개인정보 관리자"))
with time_machine.travel("2026-11-23T10:00:00+09:00", tick=False):
    publish_in_editor(PolicyPage.objects.get(slug="privacy"), user, "2026-11-24", "2026-12-01")
"""

REPORT = """
import json
from wagtail.models import PageLogEntry
from home.models import NoticePage
from policies.models import PolicyPage, PolicyVersion
page = PolicyPage.objects.get(slug="privacy")
new = PolicyVersion.objects.filter(page=page, number=2).first()
print(json.dumps({
    "versions": PolicyVersion.objects.filter(page=page).count(),
    "scheduled_publishes": PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count(),
    "effective_on": page.effective_on.isoformat(),
    "notices": NoticePage.objects.filter(slug__startswith="privacy-").count(),
    "published_at": new.published_at.isoformat() if new else None,
    "notice_published_at": (
        notice.first_published_at.isoformat()
        if (notice := NoticePage.objects.filter(slug__startswith="privacy-").first())
        and notice.first_published_at
        else None
    ),
}))
"""


@pytest.fixture
def database_url(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'scheduler.sqlite3'}"
        return
    server, _, name = url.rpartition("/")
    name = f"{name.split('?')[0]}_scheduler"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "nbsite.settings.test",
    }


def manage(database_url, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment(database_url),
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def at(database_url, moment, *args, publish_delay=0):
    return subprocess.Popen(
        [sys.executable, "-m", "tests.policies.clock", moment, *args],
        cwd=REPO,
        env={**environment(database_url), "PUBLISH_DELAY": str(publish_delay)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_together(database_url, *args, count=3):
    """Start several processes at once, each slowed down just before it publishes."""
    runs = [
        at(database_url, "2026-12-01T00:00:05+09:00", *args, publish_delay=2) for _ in range(count)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    return [run.returncode for run in runs], outputs


def report(database_url):
    return json.loads(manage(database_url, "shell", "-c", REPORT).strip().splitlines()[-1])


@pytest.fixture
def scheduled_site(database_url):
    manage(database_url, "migrate", "--noinput")
    manage(database_url, "load_clinic_content")
    manage(database_url, "shell", "-c", SETUP)
    assert report(database_url)["versions"] == 1
    return database_url


def test_two_schedulers_at_once_publish_the_due_version_once(scheduled_site):
    codes, outputs = run_together(scheduled_site, "run_scheduler", "--once")
    assert codes == [0, 0, 0], outputs
    state = report(scheduled_site)
    assert state["effective_on"] == "2026-12-01"
    assert state["versions"] == 2
    assert state["scheduled_publishes"] == 1
    assert state["notices"] == 1


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)
def test_without_the_lock_overlapping_runs_publish_twice_but_record_once(scheduled_site):
    """The control for the test above: Wagtail's bare command, run the same way, does race."""
    run_together(scheduled_site, "publish_scheduled")
    state = report(scheduled_site)
    assert state["scheduled_publishes"] > 1
    assert state["versions"] == 2  # the record's unique revision id still holds


def wait_for(database_url, key, seconds=100):
    state = report(database_url)
    deadline = time.monotonic() + seconds
    while state[key] is None and time.monotonic() < deadline:
        time.sleep(3)
        state = report(database_url)
    return state


def seconds_after(moment, iso):
    return (datetime.fromisoformat(moment) - datetime.fromisoformat(iso)).total_seconds()


@pytest.mark.parametrize(
    ("start", "due", "key", "what"),
    [
        ("2026-11-23T23:59:40+09:00", "2026-11-24T00:00:00+09:00", "notice_published_at", "notice"),
        ("2026-11-30T23:59:40+09:00", "2026-12-01T00:00:00+09:00", "published_at", "version"),
    ],
    ids=["notice-on-its-announcement-date", "version-on-its-effective-date"],
)
def test_running_scheduler_makes_it_public_within_a_minute(scheduled_site, start, due, key, what):
    """Started 20 s before 00:00 with the default 30 s interval: the 공지사항 on its 공고일자,
    the version on its 시행일자."""
    scheduler = at(scheduled_site, start, "run_scheduler")
    try:
        state = wait_for(scheduled_site, key)
    finally:
        scheduler.terminate()
        output = scheduler.communicate(timeout=30)
    assert state[key] is not None, output
    delay = seconds_after(state[key], due)
    print(f"scheduled {what} went public {delay:.1f} s after its time")  # noqa: T201 (measured figure)
    assert 0 <= delay < 60
    assert scheduler.returncode == 0 or scheduler.returncode == -15
