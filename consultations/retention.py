"""Destroying requests whose retention period is over (§21), run by the scheduler."""

import datetime

from django.db.models import Q
from django.utils import timezone

from . import audit
from .models import AccessLog, ConsentVersion, ConsultationRequest, DestructionRecord

# 개인정보의 안전성 확보조치 기준 §8 asks for at least one year; we keep two, then delete.
ACCESS_LOG_DAYS = 2 * 365


def expired_requests(now):
    """Requests past their period: kept no longer than the wording their visitor agreed to
    says, nor longer than the current wording says (a shortened period applies to everyone)."""
    current = ConsentVersion.current()
    expired = Q(pk__in=[])
    for version in ConsentVersion.objects.all():
        days = min(version.retention_days, current.retention_days)
        condition = Q(created_at__lte=now - datetime.timedelta(days=days))
        closed = [
            d
            for d in (version.closed_retention_days, current.closed_retention_days)
            if d is not None
        ]
        if closed:
            condition |= Q(closed_at__lte=now - datetime.timedelta(days=min(closed)))
        expired |= Q(consent_version=version) & condition
    return ConsultationRequest.objects.filter(expired)


def destroy_expired_requests():
    """Scheduled job: a real delete, logged per request, and the day's count in 파기 기록."""
    now = timezone.now()
    expired = expired_requests(now)
    numbers = list(expired.values_list("pk", flat=True))
    if numbers:
        audit.record(None, audit.Action.DESTROY, numbers, "보유 기간 경과")
        ConsultationRequest.objects.filter(pk__in=numbers).delete()
        DestructionRecord.add(len(numbers))
    AccessLog.objects.filter(at__lt=now - datetime.timedelta(days=ACCESS_LOG_DAYS)).delete()
    return f"상담 신청 {len(numbers)}건 파기 (보유 기간 경과)" if numbers else None
