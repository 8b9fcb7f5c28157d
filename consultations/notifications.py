"""New 상담 신청 → an e-mail to the clinic that says how many and where to look, nothing personal.

Names and numbers stay in the admin, where every view is in the access log; the mail carries
request numbers and a link. A failing mail server is logged, never raised: the request is stored
first, and the scheduler sends what is still unsent (send_pending_notifications).
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import ConsultationRequest

logger = logging.getLogger(__name__)
# The web request tries first; the scheduler retries only what it left unsent by then.
RETRY_AFTER = datetime.timedelta(minutes=2)


def recipients():
    return list(getattr(settings, "CONSULTATION_NOTIFY_EMAILS", []))


def notify(requests):
    """One mail about these requests; True when the mail server took it."""
    requests = list(requests)
    to = recipients()
    if not requests or not to:
        return False
    context = {
        "requests": requests,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("consultation_requests:index"),
    }
    subject = f"[{settings.WAGTAIL_SITE_NAME}] 새 상담 신청 {len(requests)}건"
    body = render_to_string("consultations/email/new_requests.txt", context)
    try:
        send_mail(subject, body, None, to)
    except (smtplib.SMTPException, OSError):
        logger.warning(
            "상담 신청 알림 메일을 보내지 못했습니다 (다음 주기에 다시 보냅니다)", exc_info=True
        )
        return False
    ConsultationRequest.objects.filter(pk__in=[r.pk for r in requests]).update(
        notified_at=timezone.now()
    )
    return True


def send_pending_notifications():
    """Scheduled job: one mail for every request whose notification has not gone out yet."""
    if not recipients():
        return None
    pending = list(
        ConsultationRequest.objects.filter(
            notified_at__isnull=True, created_at__lt=timezone.now() - RETRY_AFTER
        ).order_by("created_at")
    )
    if pending and notify(pending):
        return f"상담 신청 알림 메일 발송 {len(pending)}건 (지연분)"
    return None
