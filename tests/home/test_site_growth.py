"""The site grown to a large clinic's size: 1,000 more treatments keep every page small and the
menu short; a section's pages stay reachable from its own page, 48 cards at a time."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import clinic_settings, many_treatments, running_event
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home": "/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "content": "/about/",
    "policy": "/privacy/",
    "notices": "/notices/",
    "events": "/events/",
    "search": "/search/?q=%EC%9A%B8%EC%8E%84%EB%9D%BC",
}
MAX_HTML_KB = 80


def menu_html(html):
    start = html.index('<nav class="main-menu"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def grown_site(db):
    running_event()
    many_treatments(1000)


@pytest.mark.parametrize("cache", ["on", "off"])
def test_every_page_type_stays_under_80_kb_with_1000_more_treatments(
    client, settings, grown_site, cache
):
    settings.PAGE_CACHE_ENABLED = cache == "on"
    for name, url in PAGE_TYPES.items():
        response = client.get(url)
        assert response.status_code == 200, name
        size = len(response.content) / 1024
        assert size < MAX_HTML_KB, f"{name} ({url}) is {size:.0f} KB"


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_1000_more_treatments(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    running_event()
    before = {name: count_queries(client, url) for name, url in PAGE_TYPES.items()}
    many_treatments(1000)
    assert {name: count_queries(client, url) for name, url in PAGE_TYPES.items()} == before


def test_the_menu_shows_the_set_number_of_pages_per_section_and_links_the_rest(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    many_treatments(70)  # 10 more in each of the seven treatment sections: 18 in 리프팅
    menu = menu_html(client.get("/").content.decode())
    lifting = menu[menu.index('href="/lifting/"') :]
    lifting = lifting[: lifting.index('class="main-menu__section"')]
    assert lifting.count("<li>") == 10
    assert '<a href="/lifting/">리프팅 전체 보기</a>' in lifting
    about = menu[menu.index('href="/about/"') :]
    assert "전체 보기" not in about[: about.index('class="main-menu__section"')]  # 5 of 5

    settings_ = clinic_settings()
    settings_.menu_pages_per_section = 3
    settings_.save()
    menu = menu_html(client.get("/").content.decode())
    lifting = menu[menu.index('href="/lifting/"') :]
    assert lifting[: lifting.index('class="main-menu__section"')].count("<li>") == 3


def test_a_section_page_lists_every_page_48_cards_at_a_time(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    for number in range(50):
        lifting.add_child(instance=TreatmentPage(title=f"리프팅 {number}", slug=f"l-{number}"))
    first = client.get("/lifting/").content.decode()
    assert first.count('class="card ') == 48
    assert '<a href="?page=2" rel="next">다음</a>' in first and "1 / 2" in first
    second = client.get("/lifting/?page=2").content.decode()
    assert second.count('class="card ') == 58 - 48
    assert ">리프팅 49</a>" in second and '<a href="?page=1" rel="prev">이전</a>' in second
