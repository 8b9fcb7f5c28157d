"""500 and 503 pages: static, Korean, with the clinic's phone and hours, and served by a real
production server whose database cannot be reached (no database, no cache needed)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from security.csp import style_hashes
from security.error_pages import page_path
from security.views import server_error
from tests.factories import clinic_settings, weekday_hours
from tests.security.forms import form_fields
from tests.test_settings import REPO
from tests.utils import visible_text

pytestmark = pytest.mark.django_db

PORT = 8331  # this helper's range; nothing listens on CLOSED_PORT
CLOSED_PORT = 8349
SHIPPED_PHONE = "02-543-5856"


@pytest.fixture
def pages_root(settings, tmp_path):
    settings.ERROR_PAGES_ROOT = tmp_path / "error-pages"
    return settings.ERROR_PAGES_ROOT


def save_clinic_settings_in_the_admin(client, django_capture_on_commit_callbacks, **changes):
    """What an editor does in 설정 › 병원 정보: post the form as the browser shows it."""
    client.force_login(User.objects.create_superuser("it", "it@example.com", "x"))
    url = reverse(
        "wagtailsettings:edit",
        args=["home", "clinicsettings", Site.objects.get(is_default_site=True).pk],
    )
    data = form_fields(client.get(url).content.decode())
    # The hours are a StreamField the browser's script posts as numbered fields.
    days = [
        (block["type"], {k: v for k, v in block["value"].items() if v not in (None, False, "")})
        for block in clinic_settings().hours.raw_data
    ]
    data.update(nested_form_data({"hours": streamfield(days)}))
    data.update(changes)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, visible_text(response.content.decode())[:2000]


def test_saving_the_clinic_settings_writes_both_pages(
    client, pages_root, django_capture_on_commit_callbacks
):
    clinic = clinic_settings()
    clinic.hours = weekday_hours()
    clinic.save()
    save_clinic_settings_in_the_admin(
        client, django_capture_on_commit_callbacks, phone="02-555-0101"
    )
    text_500 = visible_text(page_path("500").read_text())
    text_503 = visible_text(page_path("503").read_text())
    assert "일시적인 오류가 발생했습니다" in text_500
    assert "홈페이지를 잠시 이용할 수 없습니다" in text_503
    for text in (text_500, text_503):
        assert "예약·문의 전화 02-555-0101" in text
        assert "월요일 10:00 ~ 19:00 (점심시간 13:00 ~ 14:00)" in text
        assert "토요일 10:00 ~ 15:00" in text and "일요일 휴진" in text


def test_the_500_view_reads_only_the_file(pages_root, django_assert_num_queries):
    pages_root.mkdir(parents=True)
    page_path("500").write_text("<html><style>p{}</style><p>전화 02-000-0000</p></html>")
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        try:
            raise RuntimeError("template bug")
        except RuntimeError:
            response = server_error(request)
    assert response.status_code == 500
    assert "02-000-0000" in response.content.decode()
    assert response._csp_update == {"style-src": style_hashes(response.content.decode())}


def test_without_written_pages_the_shipped_phone_is_shown(pages_root):
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        text = visible_text(server_error(request).content.decode())
    assert SHIPPED_PHONE in text and "진료 시간은 전화로 문의해 주세요" in text


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read())
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


@pytest.fixture
def server_without_database(pages_root):
    """gunicorn on the production settings, its PostgreSQL a closed port, no Redis at all."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY="error-page-test-" + "s3cr3t" * 8,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/nbsite_sec_unreachable",
        SECURE_SSL_REDIRECT="false",
        ERROR_PAGES_ROOT=str(pages_root),
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "nbsite.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(PORT, process)
        yield f"http://127.0.0.1:{PORT}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.mark.parametrize(
    "path", ["/", "/lifting/ulthera/", "/search/?q=%EC%9A%B8%EC%8E%84%EB%9D%BC", "/privacy/"]
)
def test_with_the_database_down_visitors_get_the_503_page_with_the_phone(
    server_without_database, path
):
    status, headers, html = fetch(server_without_database + path)
    assert status == 503
    assert headers["Retry-After"] == "60"
    text = visible_text(html)
    assert "홈페이지를 잠시 이용할 수 없습니다" in text
    assert f"예약·문의 전화 {SHIPPED_PHONE}" in text
    policy = headers["Content-Security-Policy"]
    assert all(h in policy for h in style_hashes(html)) and "unsafe-inline" not in policy


def test_with_the_database_down_the_written_pages_give_the_hours_too(
    client, pages_root, django_capture_on_commit_callbacks, server_without_database
):
    clinic = clinic_settings()
    clinic.hours = weekday_hours()
    clinic.save()
    save_clinic_settings_in_the_admin(client, django_capture_on_commit_callbacks)
    status, _, html = fetch(server_without_database + "/")
    text = visible_text(html)
    assert status == 503
    assert "월요일 10:00 ~ 19:00 (점심시간 13:00 ~ 14:00)" in text and "일요일 휴진" in text


def test_the_deploy_command_writes_the_pages(pages_root):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("write_error_pages", stdout=out)
    assert "작성:" in out.getvalue()
    assert SHIPPED_PHONE in page_path("503").read_text() or "전화" in page_path("503").read_text()
