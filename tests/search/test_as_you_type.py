"""Korean as-you-type: what a Korean keyboard shows mid-word finds the page, in the header's
suggestions, the admin's page chooser and explorer, and the results page."""

import pytest

from search.analysis import autocomplete_tokens, typed_match, typed_prefilter

# (typed, the page it must offer first)
TYPED = [
    ("울쎄", "울쎄라"),  # a Hangul prefix
    ("ulth", "울쎄라"),  # a Latin prefix of its other name, Ulthera
    ("Ulth", "울쎄라"),
    ("울ㅆ", "울쎄라"),  # ㅆ pressed, its vowel not yet
    ("울쎌", "울쎄라"),  # ㄹ pressed: shown on 쎄 until 라's vowel comes
    ("보토", "보톡스"),  # 토 before its final ㄱ
    ("ㅇㅆㄹ", "울쎄라"),  # initials only (초성)
    ("ㅅㅋㅌㄹ", "스컬트라"),
    ("스ㅋ", "스컬트라"),
    ("스컬", "스컬트라"),
    ("엘란ㅆ", "엘란쎄"),
    ("ㅁㅂㅇㅅ", "모발이식"),
    ("마이어스 칵", "마이어스칵테일"),
]


@pytest.mark.parametrize(
    "typed, word, expected",
    [
        ("울ㅆ", "울쎄라", 0),
        ("울쎌", "울쎄라", 0),
        ("울쎌", "울쎌", 0),
        ("보토", "보톡스", 0),
        ("고", "과일", 0),  # ㅗ may still become ㅘ
        ("ㅇㅆㄹ", "울쎄라", 0),
        ("리프", "실리프팅", 1),  # inside a compound, from a syllable
        ("ㄹㅍㅌ", "실리프팅", 1),
        ("울쎄", "울세라", None),
        ("울ㅅ", "울쎄라", None),
        ("ulth", "ulthera", 0),
        ("ulthera", "ulth", None),
    ],
)
def test_where_a_typed_word_matches(typed, word, expected):
    assert typed_match(typed, word, is_last=True) == expected


def test_an_earlier_word_is_complete():
    assert typed_match("ulth", "ulthera", is_last=False) is None
    assert typed_match("보토", "보톡스", is_last=False) is None
    assert typed_match("보톡스", "보톡스", is_last=False) == 0


@pytest.mark.parametrize("typed", ["울ㅆ", "울쎌", "울쎄", "울", "ㅇㅆㄹ", "쎄ㄹ", "ulth"])
def test_the_index_holds_a_token_for_every_typed_form(typed):
    word = "ulthera" if typed.isascii() else "울쎄라"
    tokens = autocomplete_tokens(word)
    assert any(
        token.startswith(wanted) if prefix else token == wanted
        for wanted, prefix in typed_prefilter(typed, is_last=True)
        for token in tokens
    )


def suggested(client, typed):
    response = client.get("/search/suggest/", {"q": typed})
    assert response.status_code == 200
    return [s["title"] for s in response.json()["suggestions"]]


@pytest.mark.django_db
@pytest.mark.parametrize("typed, expected", TYPED)
def test_the_header_box_suggests_the_page_being_typed(client, typed, expected):
    assert suggested(client, typed)[:1] == [expected]


@pytest.mark.django_db
@pytest.mark.parametrize("typed, expected", TYPED)
def test_the_admin_page_chooser_finds_the_page_being_typed(admin_client, typed, expected):
    response = admin_client.get("/admin/choose-page/search/", {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["울쎄", "ulth", "ㅇㅆㄹ"])
def test_the_admin_explorer_search_lists_the_page_first(admin_client, typed):
    response = admin_client.get("/admin/pages/search/", {"q": typed})
    assert response.status_code == 200
    pages = list(response.context["pages"])
    assert pages[0].title == "울쎄라"


@pytest.mark.django_db
def test_a_search_sent_mid_typing_finds_the_page(client, page_cache_on):
    from tests.search.conftest import result_titles

    assert result_titles(client.get("/search/", {"q": "ㅇㅆㄹ"}))[:1] == ["울쎄라"]
    assert result_titles(client.get("/search/", {"q": "울ㅆ"}))[:1] == ["울쎄라"]


@pytest.mark.django_db
def test_suggestions_rank_titles_starting_with_the_text_first(client):
    assert suggested(client, "울")[:2] == ["울쎄라", "울트라에어리프팅"]
    lifting = suggested(client, "리프팅")
    assert lifting[0] == "리프팅"
