"""Requests are destroyed by the scheduler when their retention period is over: a real delete,
a destruction record of the day and count, and nothing else touched."""

import datetime
from io import StringIO

import pytest

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from consultations.models import (
    AccessLog,
    ConsentVersion,
    ConsultationRequest,
    DestructionRecord,
)
from tests.utils import seoul

pytestmark = pytest.mark.django_db

START = seoul(2026, 3, 2, 10, 0)


def run_scheduler():
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything the retention job must leave alone."""
    return {
        "pages": Page.objects.count(),
        "consents": ConsentVersion.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "log": AccessLog.objects.exclude(action="destroy").count(),
    }


def test_a_year_after_creation_the_request_is_destroyed_and_only_counted(
    client, visitor, other_visitor, send_form, staff, time_machine
):
    time_machine.move_to(START, tick=True)
    send_form(visitor, name="김민지")
    old = ConsultationRequest.objects.get()
    client.force_login(staff)
    client.get(reverse("consultation_requests:edit", args=[old.pk]))  # one access entry
    time_machine.move_to(START + datetime.timedelta(days=200), tick=True)
    send_form(other_visitor, name="박서준")
    before = snapshot()

    time_machine.move_to(START + datetime.timedelta(days=364), tick=True)
    assert "파기" not in run_scheduler()
    assert ConsultationRequest.objects.count() == 2

    time_machine.move_to(START + datetime.timedelta(days=365, hours=1), tick=True)
    out = run_scheduler()
    assert "상담 신청 1건 파기 (보유 기간 경과)" in out
    assert list(ConsultationRequest.objects.values_list("name", flat=True)) == ["박서준"]
    assert not ConsultationRequest.objects.filter(pk=old.pk).exists()
    record = DestructionRecord.objects.get()
    assert (record.destroyed_on, record.count) == (datetime.date(2027, 3, 2), 1)
    assert [f.name for f in DestructionRecord._meta.concrete_fields] == [
        "id",
        "destroyed_on",
        "count",
    ]
    destroyed = AccessLog.objects.get(action="destroy")
    assert (destroyed.request_number, destroyed.user, destroyed.username) == (
        old.pk,
        None,
        "(자동 파기)",
    )
    assert snapshot() == before
    assert run_scheduler().count("파기") == 0  # nothing left to do


def test_a_closed_request_goes_sooner_when_the_wording_says_so(client, staff, time_machine):
    time_machine.move_to(START, tick=True)
    ConsentVersion.objects.create(closed_retention_days=30)
    done, cancelled, open_ = (
        ConsultationRequest.objects.create(
            name=name,
            phone="010-1234-5678",
            treatment_title="기타",
            consent_version=ConsentVersion.current(),
            consented_at=timezone.now(),
            age_confirmed=True,
        )
        for name in ("완료", "취소", "진행")
    )
    client.force_login(staff)
    for request, status in ((done, "done"), (cancelled, "cancelled")):
        client.post(
            reverse("consultation_requests:edit", args=[request.pk]),
            {"status": status, "staff_memo": ""},
        )
    time_machine.move_to(START + datetime.timedelta(days=29), tick=True)
    run_scheduler()
    assert ConsultationRequest.objects.count() == 3
    time_machine.move_to(START + datetime.timedelta(days=31), tick=True)
    assert "상담 신청 2건 파기" in run_scheduler()
    assert list(ConsultationRequest.objects.all()) == [open_]
    assert DestructionRecord.objects.get().count == 2


def test_reopening_a_request_stops_its_early_destruction(client, staff, time_machine):
    time_machine.move_to(START, tick=True)
    ConsentVersion.objects.create(closed_retention_days=30)
    request = ConsultationRequest.objects.create(
        name="김민지",
        phone="010-1234-5678",
        treatment_title="기타",
        consent_version=ConsentVersion.current(),
        consented_at=timezone.now(),
        age_confirmed=True,
    )
    client.force_login(staff)
    edit = reverse("consultation_requests:edit", args=[request.pk])
    client.post(edit, {"status": "done", "staff_memo": ""})
    client.post(edit, {"status": "contacted", "staff_memo": "다시 연락 요청"})
    time_machine.move_to(START + datetime.timedelta(days=40), tick=True)
    run_scheduler()
    assert ConsultationRequest.objects.filter(pk=request.pk).exists()


def test_a_shorter_period_in_a_new_wording_applies_to_older_requests_too(time_machine):
    time_machine.move_to(START, tick=True)
    first = ConsentVersion.current()
    old = ConsultationRequest.objects.create(
        name="김민지",
        phone="010-1234-5678",
        treatment_title="기타",
        consent_version=first,
        consented_at=timezone.now(),
        age_confirmed=True,
    )
    time_machine.move_to(START + datetime.timedelta(days=100), tick=True)
    ConsentVersion.objects.create(retention_days=180)
    time_machine.move_to(START + datetime.timedelta(days=181), tick=True)
    assert "상담 신청 1건 파기" in run_scheduler()
    assert not ConsultationRequest.objects.filter(pk=old.pk).exists()


def test_destructions_on_one_day_add_up_in_one_record(time_machine):
    time_machine.move_to(START, tick=True)
    for hour in (0, 5):
        time_machine.move_to(START + datetime.timedelta(hours=hour), tick=True)
        ConsultationRequest.objects.create(
            name="김민지",
            phone="010-1234-5678",
            treatment_title="기타",
            consent_version=ConsentVersion.current(),
            consented_at=timezone.now(),
            age_confirmed=True,
        )
    time_machine.move_to(START + datetime.timedelta(days=365, hours=1), tick=True)
    run_scheduler()
    time_machine.move_to(START + datetime.timedelta(days=365, hours=6), tick=True)
    run_scheduler()
    assert list(DestructionRecord.objects.values_list("destroyed_on", "count")) == [
        (datetime.date(2027, 3, 2), 2)
    ]


def test_the_access_log_is_kept_two_years_then_deleted(time_machine):
    time_machine.move_to(START, tick=True)
    AccessLog.objects.create(username="counsellor", action="view", request_number=1)
    time_machine.move_to(START + datetime.timedelta(days=400), tick=True)
    AccessLog.objects.create(username="counsellor", action="view", request_number=2)
    run_scheduler()
    assert AccessLog.objects.count() == 2  # more than a year old, still kept
    time_machine.move_to(START + datetime.timedelta(days=2 * 365 + 1), tick=True)
    run_scheduler()
    assert list(AccessLog.objects.values_list("request_number", flat=True)) == [2]
