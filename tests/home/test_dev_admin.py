import io

import pytest

from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from home.management.commands import ensure_dev_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / "dev-admin-password"
    monkeypatch.setattr(ensure_dev_admin, "PASSWORD_FILE", path)
    return path


def run(*args):
    out = io.StringIO()
    call_command("ensure_dev_admin", *args, stdout=out)
    return out.getvalue()


def test_prints_a_working_login_at_the_address_the_server_uses(settings, password_file):
    settings.DEBUG = True
    output = run("--address", "127.0.0.1:8011")
    password = password_file.read_text().strip()
    assert "http://127.0.0.1:8011/admin/" in output
    assert f"비밀번호: {password}" in output
    # as the login form asks: with the request (django-axes counts failures per address)
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="admin", password=password).is_superuser
    # A second run keeps the same password, so the one printed earlier still works.
    assert f"비밀번호: {password}" in run()


def test_refuses_outside_development(settings, password_file):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="개발 환경"):
        run()
    assert not password_file.exists()
