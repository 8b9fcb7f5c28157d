"""PostgreSQL plans every page's queries as cheap, on a fresh database and after ANALYZE.

A plan PostgreSQL estimates above `jit_above_cost` (100,000) is JIT-compiled: the old header
menu (ten LEFT JOINs with Coalesce) was estimated at ~10^15 rows and cost ~10^18 on a fresh
database and took ~0.5 s of compilation per request. These tests read PostgreSQL's own estimate
(EXPLAIN, not a clock), so they are steady on any machine. Skipped on SQLite.
"""

import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans"),
]

# Below PostgreSQL's default jit_above_cost: such a plan is never JIT-compiled, whatever `jit` says.
MAX_COST = 100_000
MAX_ROWS = 10_000

URLS = [
    "/",
    "/about/",
    "/lifting/",
    "/lifting/ulthera/",
    "/about/doctors/",
    "/about/fees/",
    "/notices/",
    "/privacy/",
    "/search/?q=%EC%9A%B8%EC%8E%84%EB%9D%BC",
]


@pytest.fixture(autouse=True)
def render_every_request(settings):
    settings.PAGE_CACHE_ENABLED = False


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("SELECT")]


def estimate(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Total Cost"], plan[0]["Plan"]["Plan Rows"]


def assert_cheap_plans(client, url):
    for sql in page_queries(client, url):
        cost, rows = estimate(sql)
        assert cost < MAX_COST and rows < MAX_ROWS, (
            f"{url}: estimated cost {cost:.3g}, rows {rows:.3g} for\n{sql[:2000]}"
        )


@pytest.mark.parametrize("url", URLS)
def test_page_queries_are_planned_cheap_on_a_fresh_database(client, url):
    assert_cheap_plans(client, url)


@pytest.mark.parametrize("url", URLS)
def test_page_queries_are_planned_cheap_after_analyze(client, url):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    assert_cheap_plans(client, url)


def test_jit_is_off_for_the_site(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
