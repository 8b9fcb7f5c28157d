"""The clinic hears of each new request by e-mail, which carries nothing personal; a mail server
that fails loses nothing: the request is stored, and the scheduler sends the mail later."""

import datetime
import socket
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command

from consultations.models import ConsultationRequest
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

CLINIC = ["desk@clinicnb.example", "manager@clinicnb.example"]
# In this helper's port range (8400-8449); nothing listens there, so SMTP is refused.
DEAD_SMTP_PORT = 8449


@pytest.fixture
def notify_clinic(settings):
    settings.CONSULTATION_NOTIFY_EMAILS = CLINIC
    settings.WAGTAILADMIN_BASE_URL = "https://www.clinicnb.example"


def test_a_new_request_mails_the_clinic_a_number_and_a_link_and_nothing_personal(
    visitor, send_form, notify_clinic
):
    hair = TreatmentPage.objects.get(slug="hair-transplant")
    send_form(
        visitor,
        name="김민지",
        phone="010-4321-8765",
        treatment=str(hair.pk),
        message="정수리 탈모가 심해서 상담 원합니다",
    )
    request = ConsultationRequest.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == CLINIC
    assert message.subject == "[청담엔비의원] 새 상담 신청 1건"
    assert f"신청 번호 #{request.pk}" in message.body
    assert "https://www.clinicnb.example/admin/consultation_requests/" in message.body
    for private in ("김민지", "4321", "8765", "탈모", "모발이식", "정수리"):
        assert private not in message.subject and private not in message.body
    assert request.notified_at is not None


def test_without_recipients_nothing_is_sent_and_the_request_is_kept(visitor, send_form, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = []
    assert send_form(visitor).status_code == 303
    assert mail.outbox == [] and ConsultationRequest.objects.count() == 1


def test_a_failing_mail_server_keeps_the_request_and_the_scheduler_sends_it_later(
    visitor, send_form, notify_clinic, settings, time_machine, caplog
):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", DEAD_SMTP_PORT)) != 0, "port in use"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        DEAD_SMTP_PORT,
        2,
    )

    response = send_form(visitor, name="박서준")
    assert response.status_code == 303 and response["Location"] == "/consultation/thanks/"
    request = ConsultationRequest.objects.get()
    assert request.name == "박서준" and request.notified_at is None
    assert "상담 신청 알림 메일을 보내지 못했습니다" in caplog.text

    # The mail server is back; the scheduler's next run after a couple of minutes sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert mail.outbox == []  # too soon: the web request may still be trying
    time_machine.shift(datetime.timedelta(minutes=3))
    call_command("run_scheduler", "--once", stdout=out)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[청담엔비의원] 새 상담 신청 1건"
    assert "상담 신청 알림 메일 발송 1건 (지연분)" in out.getvalue()
    request.refresh_from_db()
    assert request.notified_at is not None
    call_command("run_scheduler", "--once", stdout=out)
    assert len(mail.outbox) == 1  # sent once only
