"""Password guessing on Wagtail's own login form: five tries per account and per address."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tests.utils import visible_text

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "원장님의-긴-비밀번호-2026"


@pytest.fixture
def staff():
    return User.objects.create_superuser("director", "director@example.com", PASSWORD)


def login(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def fail(client, times, username="director", ip="203.0.113.7"):
    return [login(client, username, f"틀린비밀번호{n}", ip).status_code for n in range(times)]


def test_wagtails_login_form_answers_the_first_five_wrong_passwords_normally(client, staff):
    assert fail(client, 5)[:4] == [200, 200, 200, 200]


def test_after_five_failures_the_account_is_locked_even_with_the_right_password(client, staff):
    fail(client, 5)
    response = login(client, "director", PASSWORD)
    assert response.status_code == 429
    text = visible_text(response.content.decode())
    assert "로그인이 잠시 제한되었습니다" in text
    assert "5번 틀려" in text and "15분 동안" in text
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(client, staff):
    fail(client, 5, ip="203.0.113.7")
    assert login(client, "director", PASSWORD, ip="198.51.100.20").status_code == 429


def test_the_address_is_locked_for_every_account(client, staff):
    User.objects.create_user("marketer2", password=PASSWORD, is_staff=True)
    for n in range(5):
        login(client, f"guess{n}", "password", ip="203.0.113.9")
    assert login(client, "marketer2", PASSWORD, ip="203.0.113.9").status_code == 429
    assert login(client, "marketer2", PASSWORD, ip="198.51.100.30").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, staff):
    fail(client, 5)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = login(client, "director", PASSWORD)
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_successful_login_resets_the_count(client, staff):
    fail(client, 4)
    assert login(client, "director", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, 4) == [200] * 4


def test_behind_the_proxy_the_visitors_address_counts(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{n}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.50",
        )
    assert AccessFailureLog.objects.filter(ip_address="203.0.113.50").count() == 5
    # Another visitor behind the same nginx is not locked out by the first one's guesses.
    response = client.post(
        LOGIN,
        {"username": "director", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert response.status_code == 302


def test_a_superuser_reads_the_failures_and_lifts_a_lock(client, staff):
    fail(client, 5, ip="203.0.113.7")
    admin = User.objects.create_superuser("it", "it@example.com", PASSWORD)
    client.force_login(admin)
    response = client.get(reverse("login_failures:index"))
    text = visible_text(response.content.decode())
    assert response.status_code == 200
    assert "director" in text and "203.0.113.7" in text
    locks = client.get(reverse("login_locks:index"))
    assert "director" in visible_text(locks.content.decode())
    attempt = AccessAttempt.objects.get(username="director")
    response = client.post(reverse("login_locks:delete", args=[attempt.pk]))
    assert response.status_code == 302
    client.logout()
    assert login(client, "director", PASSWORD).status_code == 302


def test_staff_who_are_not_superusers_cannot_read_the_records(client, staff):
    from tests.factories import marketing_user

    fail(client, 1)
    client.force_login(marketing_user())
    assert client.get(reverse("login_failures:index")).status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert "로그인 실패 기록" not in menu
