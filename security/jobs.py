"""Periodic clean-up the scheduler runs (security/wagtail_hooks.py): tables that would grow forever."""

import datetime

from django.conf import settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits


def prune_search_statistics():
    """Daily search counts older than WAGTAILSEARCH_HITS_MAX_AGE days, then queries left with none
    (and no promotion): Wagtail's own garbage collection, as `searchpromotions_garbage_collect`."""
    hits_before = QueryDailyHits.objects.count()
    queries_before = Query.objects.count()
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
    hits = hits_before - QueryDailyHits.objects.count()
    queries = queries_before - Query.objects.count()
    if hits or queries:
        return f"검색 통계 정리: 일별 기록 {hits}건, 검색어 {queries}건 삭제"
    return None


def prune_login_records():
    """Login records (axes) older than LOGIN_RECORD_DAYS: they hold staff names and addresses."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    since = timezone.now() - datetime.timedelta(days=settings.LOGIN_RECORD_DAYS)
    deleted = sum(
        model.objects.filter(attempt_time__lt=since).delete()[0]
        for model in (AccessLog, AccessFailureLog, AccessAttempt)
    )
    return f"로그인 기록 정리: {deleted}건 삭제" if deleted else None
