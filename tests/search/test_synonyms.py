"""Marketing's synonym list (a snippet) changes what search finds, without reindexing."""

import pytest

from wagtail.models import Page

from search.models import SearchSynonym

pytestmark = pytest.mark.django_db


def top(query):
    return [page.title for page in Page.objects.live().public().search(query)[:3]]


def test_a_new_synonym_takes_effect_on_the_next_search():
    assert "울쎄라" not in top("하이푸")
    SearchSynonym.objects.create(words="울쎄라, 하이푸")
    assert top("하이푸")[0] == "울쎄라"


def test_deleting_a_synonym_takes_it_away():
    group = SearchSynonym.objects.create(words="울쎄라, 하이푸")
    assert top("하이푸")[0] == "울쎄라"
    group.delete()
    assert "울쎄라" not in top("하이푸")


def test_marketing_edits_synonyms_in_the_admin(admin_client):
    listing = admin_client.get("/admin/snippets/search/searchsynonym/")
    assert listing.status_code == 200
    assert "울쎄라, 울세라" in listing.content.decode()
    response = admin_client.post(
        "/admin/snippets/search/searchsynonym/add/", {"words": "홍조, 딸기코", "note": ""}
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(words="홍조, 딸기코").exists()


def test_a_synonym_added_in_the_admin_reaches_cached_search_pages(
    admin_client, client, page_cache_on
):
    from tests.search.conftest import result_titles

    assert "울쎄라" not in result_titles(client.get("/search/", {"q": "하이푸"}))
    admin_client.post(
        "/admin/snippets/search/searchsynonym/add/", {"words": "울쎄라, 하이푸", "note": ""}
    )
    assert result_titles(client.get("/search/", {"q": "하이푸"}))[:1] == ["울쎄라"]
