import pytest

pytestmark = pytest.mark.django_db


def suggestions(client, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_suggestions_give_title_url_and_section(client):
    first = suggestions(client, "울쎄라")[0]
    assert first == {"title": "울쎄라", "url": "/lifting/ulthera/", "section": "리프팅"}


def test_one_syllable_suggests_titles_starting_with_it(client):
    titles = [s["title"] for s in suggestions(client, "울")]
    assert titles[:2] == ["울쎄라", "울트라에어리프팅"]


def test_english_names_and_misspellings_are_suggested(client):
    assert suggestions(client, "Ulthera")[0]["title"] == "울쎄라"
    assert suggestions(client, "울세라")[0]["title"] == "울쎄라"


def test_at_most_eight_suggestions(client):
    assert len(suggestions(client, "주사")) == 8


@pytest.mark.parametrize("query", ["", " ", '"', "*", "OR", "x" * 2000, "😀", "\x00", "'; --"])
def test_odd_input_gives_an_empty_or_normal_list(client, query):
    assert isinstance(suggestions(client, query), list)


def test_an_unpublished_page_is_no_longer_suggested(client):
    from wagtail.models import Page

    assert suggestions(client, "울쎄라")[0]["title"] == "울쎄라"
    Page.objects.get(slug="ulthera").unpublish()
    assert "울쎄라" not in [s["title"] for s in suggestions(client, "울쎄라")]
