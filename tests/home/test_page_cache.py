import re

import pytest

from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def test_anonymous_pages_come_from_the_cache_the_second_time(
    client, page_cache, django_assert_num_queries
):
    first = client.get("/lifting/ulthera/")
    assert first.status_code == 200 and "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = client.get("/lifting/ulthera/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_browsers_revalidate_html_every_time(client, page_cache):
    response = client.get("/")
    assert "max-age=0" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert response.has_header("ETag")
    assert client.get("/", headers={"if-none-match": response["ETag"]}).status_code == 304


def test_publishing_a_change_shows_on_the_next_anonymous_request(client, page_cache):
    client.get("/lifting/ulthera/")
    client.get("/")
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.title = "울쎄라 리프팅"
    ulthera.save_revision().publish()
    assert "<h1>울쎄라 리프팅</h1>" in client.get("/lifting/ulthera/").content.decode()
    assert ">울쎄라 리프팅</a>" in client.get("/").content.decode()


def test_unpublishing_and_moving_purge_the_cache(client, page_cache):
    assert ">보톡스</a>" in client.get("/").content.decode()
    TreatmentPage.objects.get(slug="botox").unpublish()
    assert ">보톡스</a>" not in client.get("/").content.decode()
    assert client.get("/botox-filler/botox/").status_code == 404


def test_logged_in_editors_never_get_cached_pages(client, page_cache, django_user_model):
    client.get("/")
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    response = client.get("/")
    assert "X-Page-Cache" not in response


def test_menu_is_cached_per_site_until_the_next_publish(client, page_cache, django_user_model):
    editor = django_user_model.objects.create_superuser("editor2", "e2@example.com", "pw")
    client.force_login(editor)  # editors are never served cached pages, but share the cached menu
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/lifting/")
    with CaptureQueriesContext(connection) as first:
        client.get("/lifting/")
    with CaptureQueriesContext(connection) as again:
        client.get("/lifting/")
    menu_queries = [
        q for q in again.captured_queries if "COALESCE" in q["sql"] and "show_in_menus" in q["sql"]
    ]
    assert [
        q for q in first.captured_queries if "COALESCE" in q["sql"] and "show_in_menus" in q["sql"]
    ] == []
    assert menu_queries == [] and len(again) == len(first)
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.show_in_menus = False
    ulthera.save_revision().publish()
    html = client.get("/lifting/").content.decode()
    menu = html[html.index('<nav class="main-menu"') :]
    assert ">울쎄라</a>" not in menu[: menu.index("</nav>")]


def test_without_the_cache_every_request_reads_the_menu(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    client.get("/lifting/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/lifting/")
    # Filtered on the flag (not merely selecting it, as every page row does).
    menu = [q for q in queries.captured_queries if re.search(r'"show_in_menus"(?!,)', q["sql"])]
    assert len(menu) == 2  # the sections, then their pages


def test_clinic_settings_are_cached_until_they_are_saved(client, page_cache, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Site

    from home.models import ClinicSettings

    client.force_login(
        django_user_model.objects.create_superuser("editor3", "e3@example.com", "pw")
    )
    client.get("/lifting/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/lifting/")
    assert not [q for q in queries.captured_queries if "home_clinicsettings" in q["sql"]]
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.name = "청담엔비의원 본원"
    clinic.save()
    html = client.get("/lifting/").content.decode()
    assert "청담엔비의원 본원" in html[html.index('<footer class="site-footer"') :]


def test_making_a_section_private_hides_it_from_visitors_at_once(client, page_cache):
    """A view restriction moves the generation: the cached pages, menu and routes all drop."""
    from wagtail.models import PageViewRestriction

    from treatments.models import TreatmentCategoryPage

    assert client.get("/lifting/ulthera/").status_code == 200
    assert 'href="/lifting/"' in client.get("/").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=TreatmentCategoryPage.objects.get(slug="lifting"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert client.get("/lifting/ulthera/").status_code == 302  # to the login
    assert 'href="/lifting/"' not in client.get("/").content.decode()
    restriction.delete()
    assert client.get("/lifting/ulthera/").status_code == 200
