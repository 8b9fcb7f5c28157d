"""Tables that would grow forever are pruned by the scheduler: search statistics and login records."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessFailureLog, AccessLog

from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def hits(text, days_ago, count=3):
    # Wagtail dates search hits (Query.add_hit) and prunes them by the UTC calendar: from 15:00
    # UTC Seoul is a day ahead, so counting from timezone.localdate() would be a day off.
    today = timezone.now().date()
    query = Query.get(text)
    QueryDailyHits.objects.create(
        query=query, date=today - datetime.timedelta(days=days_ago), hits=count
    )
    return query


def run_scheduler():
    out, err = StringIO(), StringIO()
    call_command("run_scheduler", "--once", stdout=out, stderr=err)
    assert not err.getvalue(), err.getvalue()
    return out.getvalue()


def test_search_statistics_older_than_90_days_are_deleted(settings):
    assert settings.WAGTAILSEARCH_HITS_MAX_AGE == 90
    old_only = hits("오래된 검색어", 120)
    hits("울쎄라", 120)
    recent = hits("울쎄라", 10)
    output = run_scheduler()
    assert "검색 통계 정리: 일별 기록 2건, 검색어 1건 삭제" in output
    assert not Query.objects.filter(pk=old_only.pk).exists()
    assert list(QueryDailyHits.objects.filter(query=recent).values_list("hits", flat=True)) == [3]


def test_a_query_with_a_promotion_is_kept_without_hits():
    promoted = hits("병원 위치", 200)
    SearchPromotion.objects.create(query=promoted, page=Page.objects.get(depth=2), sort_order=0)
    run_scheduler()
    assert Query.objects.filter(pk=promoted.pk).exists()


def test_a_table_of_many_distinct_queries_stays_bounded():
    for n in range(300):
        hits(f"검색어 {n}", 91 + n % 30, count=1)
    hits("울쎄라", 1)
    run_scheduler()
    assert QueryDailyHits.objects.count() == 1 and Query.objects.count() == 1


def test_login_records_older_than_a_year_are_deleted(settings):
    for model in (AccessLog, AccessFailureLog):
        old = model.objects.create(
            username="x",
            ip_address="203.0.113.1",
            user_agent="",
            http_accept="",
            path_info="/admin/login/",
        )
        model.objects.filter(pk=old.pk).update(
            attempt_time=timezone.now() - datetime.timedelta(days=400)
        )
        model.objects.create(
            username="y",
            ip_address="203.0.113.2",
            user_agent="",
            http_accept="",
            path_info="/admin/login/",
        )
    assert "로그인 기록 정리: 2건 삭제" in run_scheduler()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["y"]
