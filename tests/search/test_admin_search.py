"""Wagtail's admin searches go through the same Korean backend and keep working."""

import pytest

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_admin_page_search_understands_korean(admin_client):
    response = admin_client.get("/admin/pages/search/", {"q": "울쎄라가"})
    assert response.status_code == 200
    assert "울쎄라" in response.content.decode()


def test_admin_page_chooser_search(admin_client):
    response = admin_client.get("/admin/choose-page/search/", {"q": "울쎄"})
    assert response.status_code == 200
    assert "울쎄라" in response.content.decode()


def test_admin_search_finds_drafts_too():
    # The admin searches every page; only the public view filters live().public().
    Page.objects.get(slug="ulthera").unpublish()
    assert "울쎄라" in [p.title for p in Page.objects.search("울쎄라")]
    assert "울쎄라" not in [p.title for p in Page.objects.live().search("울쎄라")]


def test_search_ordered_by_the_queryset_instead_of_relevance():
    results = Page.objects.live().order_by("title").search("리프팅", order_by_relevance=False)
    titles = [p.title for p in results]
    assert titles == sorted(titles)
    assert "울쎄라" in titles


@pytest.mark.parametrize(
    "url", ["/admin/images/", "/admin/documents/", "/admin/snippets/search/searchsynonym/"]
)
def test_other_admin_listings_search_without_error(admin_client, url):
    assert admin_client.get(url, {"q": "울쎄라"}).status_code == 200


def test_autocomplete_matches_titles_and_alternative_names():
    assert [p.title for p in Page.objects.live().autocomplete("울쎄")][:1] == ["울쎄라"]
    assert [p.title for p in Page.objects.live().autocomplete("Ulthera")][:1] == ["울쎄라"]
