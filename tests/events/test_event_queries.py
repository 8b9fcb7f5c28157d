"""Query counts of the event pages and the home page stay constant as events and items grow."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventItem, EventPage
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

BUDGETS = {"/": 16, "/events/": 16, "/events/winter-ulthera/": 16}


@pytest.fixture(autouse=True)
def rendered_every_time(settings):
    """The cost of rendering: with the page cache on, a repeat request is one cache read."""
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_events(index, count):
    treatments = list(TreatmentPage.objects.all()[:5])
    for number in range(count):
        event = index.add_child(
            instance=EventPage(
                title=f"추가 이벤트 {number}",
                slug=f"extra-event-{number}",
                starts_on="2026-12-01",
                ends_on="2026-12-31",
                show_in_menus=True,
            )
        )
        event.treatments = treatments
        event.items = [
            EventItem(
                name=f"항목 {n}", regular_price=100000, event_price=80000, conditions="누구나"
            )
            for n in range(5)
        ]
        event.save_revision().publish()


@pytest.mark.parametrize("url", list(BUDGETS))
def test_event_page_query_counts_do_not_grow_with_events_items_or_treatments(
    client, published_event, event_index, url
):
    client.logout()
    before = count_queries(client, url)
    add_events(event_index, 8)
    published = EventPage.objects.get(slug="winter-ulthera").get_latest_revision_as_object()
    published.treatments = list(TreatmentPage.objects.all()[:10])
    published.items = [
        *published.items.all(),
        *[
            EventItem(name=f"추가 {n}", regular_price=1000, event_price=900, conditions="누구나")
            for n in range(10)
        ],
    ]
    published.save_revision().publish()
    after = count_queries(client, url)
    assert after == before
    assert before <= BUDGETS[url], f"{url} took {before} queries"


def test_events_of_a_private_section_stay_off_the_home_page(client, published_event, event_index):
    from wagtail.models import PageViewRestriction

    client.logout()
    assert "/events/winter-ulthera/" in client.get("/").content.decode()
    PageViewRestriction.objects.create(page=event_index, restriction_type="login")
    home = client.get("/").content.decode()
    assert 'id="events-heading"' not in home
