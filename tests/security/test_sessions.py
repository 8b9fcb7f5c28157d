"""An admin left idle is signed out; one who keeps working is not."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import User
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "봄날-레이저-상담실-7"


@pytest.fixture
def signed_in(client):
    User.objects.create_superuser("it", "it@example.com", PASSWORD)
    response = client.post("/admin/login/", {"username": "it", "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_thirty_idle_minutes_end_the_admin_session(signed_in):
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=31)):
        response = signed_in.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_each_request_restarts_the_idle_clock(signed_in):
    start = timezone.now()
    for minutes in (20, 40, 60):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert signed_in.get("/admin/").status_code == 200


def test_the_session_cookie_ends_with_the_browser_and_is_not_readable_by_script(signed_in):
    cookie = signed_in.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert not cookie["max-age"] and not cookie["expires"]
