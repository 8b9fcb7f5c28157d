import uuid

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.cache import purge_page_cache
from home.models import ContentPage
from tests.seed import SEED_MENU
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_request(settings):
    """These tests count the queries of rendering a page, which a page-cache hit would skip."""
    settings.PAGE_CACHE_ENABLED = False


def menu_html(client, url="/"):
    html = client.get(url).content.decode()
    start = html.index('<nav class="main-menu"')
    return html[start : html.index("</nav>", start)]


def test_home_page_holds_the_whole_menu_in_order(client):
    menu = menu_html(client)
    position = 0
    for section, pages in SEED_MENU:
        for title in [section, *pages]:
            position = (
                menu.index(f">{title}</a>", position) + 1
            )  # ValueError if missing or out of order


def test_hiding_a_page_from_menus_removes_it(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    assert ">울쎄라</a>" in menu_html(client)
    ulthera.show_in_menus = False
    ulthera.save_revision().publish()
    assert ">울쎄라</a>" not in menu_html(client)


def test_hiding_a_section_hides_its_pages(client):
    body = TreatmentCategoryPage.objects.get(slug="body")
    body.show_in_menus = False
    body.save_revision().publish()
    menu = menu_html(client)
    assert ">바디케어</a>" not in menu
    assert ">지방흡입</a>" not in menu


def test_unpublished_pages_leave_the_menu(client):
    TreatmentPage.objects.get(slug="botox").unpublish()
    assert ">보톡스</a>" not in menu_html(client)


def test_reordering_pages_reorders_the_menu(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    first = TreatmentPage.objects.get(slug="3d-lifting")
    ulthera.move(first, pos="left")
    menu = menu_html(client)
    assert menu.index(">울쎄라</a>") < menu.index(">3D입체리프팅</a>")


def test_breadcrumbs_lead_from_home_to_the_page(client):
    html = client.get("/lifting/ulthera/").content.decode()
    crumbs = html[html.index('<nav class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert (
        crumbs.index(">홈</a>")
        < crumbs.index(">리프팅</a>")
        < crumbs.index('aria-current="page">울쎄라<')
    )


def test_footer_names_the_clinic_and_links_the_privacy_policy_in_bold(client):
    html = client.get("/lifting/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert "청담엔비의원" in footer
    assert 'href="/privacy/"><strong>개인정보처리방침</strong></a>' in footer


def count_queries(client, url, settings=None, page_cache="off"):
    """The queries of rendering the page. With the page cache off everything is read from the
    database (an editor's view); with it on, a URL it has not stored yet is rendered with the
    site, route, menu and settings from the cache (a search, a list's next page, a page not
    visited since the last publish)."""
    if settings is not None:
        settings.PAGE_CACHE_ENABLED = page_cache == "on"
    client.get(url)  # warm per-process caches (content types, site root paths)
    if page_cache == "on":
        url += ("&" if "?" in url else "?") + f"unseen={uuid.uuid4().hex}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    if page_cache == "on":
        assert "X-Page-Cache" not in response
    return len(queries)


def add_pages(count):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    about = ContentPage.objects.get(slug="about")
    for number in range(count):
        parent = lifting if number % 2 else about
        model = TreatmentPage if number % 2 else ContentPage
        parent.add_child(
            instance=model(
                title=f"추가 페이지 {number}", slug=f"extra-{number}", show_in_menus=True
            )
        )


PAGE_TYPE_URLS = [
    "/",
    "/about/",
    "/lifting/",
    "/lifting/ulthera/",
    "/about/philosophy/",
    "/about/doctors/",
    "/about/hours/",
    "/about/directions/",
    "/about/fees/",
    "/notices/",
    "/privacy/",
]


# With the page cache off (editors, PAGE_CACHE=off) every render reads the site, the route (a
# query per path segment), the view restrictions, the settings, the menu (two queries) and the
# 상담 신청 page before the page's own content.
COLD_BUDGETS = {"/lifting/ulthera/": 18, "/about/fees/": 16}
# A render the page cache has not stored (the first visitor after a publish pays the cold
# count once per site): the page (one query by its cached route), its own content and pictures.
# Listing pages read their cards' fields in the same query whatever their types, and count them
# for the pager; the home page adds the featured treatments, latest notices and events.
MISS_BUDGETS = {"/": 8}


@pytest.mark.parametrize("page_cache", ["off", "on"])
@pytest.mark.parametrize("url", PAGE_TYPE_URLS)
def test_query_count_does_not_grow_with_the_menu(client, settings, url, page_cache):
    before = count_queries(client, url, settings, page_cache)
    add_pages(50)
    purge_page_cache()  # as publishing them would
    assert ">리프팅 전체 보기</a>" in menu_html(client)
    assert count_queries(client, url, settings, page_cache) == before
    budget = (COLD_BUDGETS if page_cache == "off" else MISS_BUDGETS).get(
        url, 15 if page_cache == "off" else 6
    )
    assert before <= budget, f"{url} took {before} queries (page cache {page_cache})"


def add_priced_doctors(count):
    """`count` doctors with photos, each performing 울쎄라, which gets `count` priced items."""
    from tests.factories import doctor
    from treatments.models import TreatmentFee

    ulthera = TreatmentPage.objects.get(slug="ulthera").get_latest_revision_as_object()
    doctors = [doctor(name=f"의사{n}", with_photo=True) for n in range(count)]
    ulthera.doctors = [*ulthera.doctors.all(), *doctors]
    ulthera.fees = [
        *ulthera.fees.all(),
        *[TreatmentFee(name=f"항목 {n}", price_min=1000 * (n + 1)) for n in range(count)],
    ]
    ulthera.save_revision().publish()


@pytest.mark.parametrize("url", ["/about/doctors/", "/lifting/ulthera/", "/about/fees/"])
def test_query_count_does_not_grow_with_doctors_or_fees(client, url):
    add_priced_doctors(1)
    before = count_queries(client, url)
    add_priced_doctors(12)
    html = client.get(url).content.decode()
    assert "의사11" in html or "항목 11" in html
    assert count_queries(client, url) == before
    assert before <= 20, f"{url} took {before} queries"


def test_a_menu_label_replaces_the_title_in_the_menu_only(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.menu_label = "울쎄라 HIFU"
    ulthera.save_revision().publish()
    menu = menu_html(client)
    assert ">울쎄라 HIFU</a>" in menu and ">울쎄라</a>" not in menu
    assert "<h1>울쎄라</h1>" in client.get("/lifting/ulthera/").content.decode()
