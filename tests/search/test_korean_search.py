"""Korean queries as visitors type them (the search page asks for any word, ranked); the
suite runs on SQLite and on PostgreSQL."""

import pytest

from wagtail.models import Page

from search.analysis import index_tokens, query_terms, stem
from search.views import search_pages

pytestmark = pytest.mark.django_db


def top_titles(query, count=3):
    return [page.title for page in search_pages(query)[:count]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("울쎄라가 아픈가요", "울쎄라"),
        ("백옥주사가 뭐예요", "백옥주사"),
        ("헤어셀이란", "헤어셀"),
        ("여드름흉터", "여드름/모공/흉터"),
        ("실 리프팅", "실리프팅"),
        ("실리프팅", "실리프팅"),
        ("태반 주사", "태반주사"),
        ("탈모치료", "탈모치료 프로그램"),
        ("울트라 에어 리프팅", "울트라에어리프팅"),
        ("Ulthera", "울쎄라"),
        ("울세라", "울쎄라"),
        ("Botox", "보톡스"),
        ("Sculptra", "스컬트라"),
        ("sculptra", "스컬트라"),
        ("리프팅 종류", "리프팅"),
        ("리프팅 시술", "리프팅"),
        ("주사요법", "주사요법"),
        ("병원 위치", "오시는길"),
        ("개인정보 보유기간", "개인정보처리방침"),
    ],
)
def test_korean_query_puts_the_right_page_first(query, expected):
    assert top_titles(query)[0] == expected


def test_a_partial_word_finds_the_treatment():
    assert "울쎄라" in top_titles("울쎄")
    assert "마이어스칵테일" in top_titles("마이어스")


def test_a_category_query_ranks_the_category_then_its_treatments():
    lifting = Page.objects.get(slug="lifting")
    titles = top_titles("리프팅 종류", count=6)
    assert titles[0] == "리프팅"
    children = set(lifting.get_children().values_list("title", flat=True))
    assert set(titles[1:6]) <= children


def test_same_query_gives_the_same_order_on_every_database():
    # The expected lists are literal: this test passes on SQLite and PostgreSQL only if both
    # databases rank identically (the ranking is computed from the stored tokens in Python).
    assert top_titles("실 리프팅") == ["실리프팅", "실루엣 리프팅", "리프팅"]
    assert top_titles("주사요법") == ["주사요법", "태반주사", "백옥주사"]


def test_whole_word_search_alone_would_miss_these_queries():
    # Without the analyzer the index holds "울쎄라는" and the query "울쎄라가": no shared word.
    assert "울쎄라가" not in index_tokens("울쎄라는 리프팅 시술입니다")
    assert set(query_terms("울쎄라가")) & set(index_tokens("울쎄라는 리프팅 시술입니다"))


def test_stem_strips_particles_but_keeps_two_syllables():
    assert stem("울쎄라가") == "울쎄라"
    assert stem("헤어셀이란") == "헤어셀"
    assert stem("시술입니다") == "시술"
    assert stem("필러") == "필러"
    assert stem("기미를") == "기미"


def test_unrelated_text_finds_nothing():
    assert top_titles("우주선 발사") == []
