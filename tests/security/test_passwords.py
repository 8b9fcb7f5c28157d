"""Staff passwords: Django's validators (≥ 10 characters, common, like the user's own names,
all digits) and the clinic's own words, on Wagtail's user forms and the password change."""

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.security.forms import form_fields
from tests.utils import visible_text

pytestmark = pytest.mark.django_db

GOOD = "봄날-레이저-상담실-7"


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("it", "it@example.com", GOOD))
    return client


def create_user(client, password, username="kimnurse", first_name="지은", last_name="김"):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": f"{username}@example.com",
            "first_name": first_name,
            "last_name": last_name,
            "password1": password,
            "password2": password,
        },
    )


@pytest.mark.parametrize(
    "password, message",
    [
        ("clinic2026", "병원 이름이나 사이트에 쓰인 단어"),
        ("Cheongdam-NB!2026", "병원 이름이나 사이트에 쓰인 단어"),
        ("청담엔비1234!!", "병원 이름이나 사이트에 쓰인 단어"),
        ("q7#kd9", "최소 10자 이상"),
        ("password123", "너무 흔히 사용되는"),
        ("20262026202620", "전부 숫자로"),
        ("kimnurse2026", "와 너무 유사합니다"),
    ],
)
def test_wagtails_add_user_form_refuses_weak_passwords(admin_client, password, message):
    response = create_user(admin_client, password)
    assert response.status_code == 200
    assert message in visible_text(response.content.decode())
    assert not User.objects.filter(username="kimnurse").exists()


def test_a_long_uncommon_password_is_accepted(admin_client):
    response = create_user(admin_client, GOOD)
    assert response.status_code == 302
    assert User.objects.get(username="kimnurse").check_password(GOOD)


def test_the_edit_form_checks_a_new_password_too(admin_client):
    user = User.objects.create_user("marketer9", password=GOOD, first_name="민지")
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    data = form_fields(admin_client.get(url).content.decode())
    data.update(password1="clinic2026", password2="clinic2026")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "병원 이름이나 사이트에 쓰인 단어" in visible_text(response.content.decode())
    user.refresh_from_db()
    assert user.check_password(GOOD)


def test_changing_ones_own_password_in_the_account_screen_is_checked(client):
    user = User.objects.create_user(
        "marketer8", "m8@example.com", GOOD, first_name="서연", last_name="이"
    )
    user.groups.add(Group.objects.get(name="마케팅"))
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = form_fields(client.get(url).content.decode())
    data.update(
        {
            "password-old_password": GOOD,
            "password-new_password1": "short1",
            "password-new_password2": "short1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "최소 10자 이상" in visible_text(response.content.decode())
    data.update(
        {
            "password-new_password1": "겨울-필러-창가-42",
            "password-new_password2": "겨울-필러-창가-42",
        }
    )
    assert client.post(url, data).status_code == 302
    user.refresh_from_db()
    assert user.check_password("겨울-필러-창가-42")
