"""A visitor's browser (CSRF enforced, as a real one is), the form as the page hands it out, and
the three kinds of staff: 상담 담당, 마케팅 and 개인정보 관리자. The page cache is on, as in
production (tests/conftest.py empties it before each test; `page_cache` keeps it on even in a
PAGE_CACHE=off run)."""

import datetime
import re
from html import unescape

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client

from consultations.access import CONSULTATION_STAFF, MARKETING, ensure_consultation_access
from policies.access import PRIVACY_MANAGERS

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')
THANKS = "/consultation/thanks/"


@pytest.fixture
def visitor():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def other_visitor():
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")


def hidden_fields(html):
    """The hidden inputs of the form on a page (token, stamp, consent version)."""
    return {name: unescape(value) for name, value in HIDDEN.findall(html)}


def answers(**overrides):
    """What a visitor types and ticks, before the hidden fields are added."""
    data = {
        "name": "김민지",
        "phone": "010-1234-5678",
        "treatment": "other",
        "contact_time": "morning",
        "message": "",
        "consent_required": "on",
        "age_confirmed": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def send_form(time_machine):
    """Open the 상담 신청 page, take a visitor's time to fill it in, and send it."""

    def send(client, url="/consultation/", wait=10, **overrides):
        if time_machine.traveller is None:
            time_machine.move_to(datetime.datetime.now(datetime.UTC), tick=True)
        page = client.get(url)
        assert page.status_code == 200
        fields = hidden_fields(page.content.decode())
        time_machine.shift(datetime.timedelta(seconds=wait))
        return client.post("/consultation/submit/", {**fields, **answers(**overrides)})

    return send


def group_user(django_user_model, username, group_name):
    ensure_consultation_access(apps)
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def staff(django_user_model):
    return group_user(django_user_model, "counsellor", CONSULTATION_STAFF)


@pytest.fixture
def marketer(django_user_model):
    return group_user(django_user_model, "marketer", MARKETING)


@pytest.fixture
def privacy_manager(django_user_model):
    return group_user(django_user_model, "privacy", PRIVACY_MANAGERS)
