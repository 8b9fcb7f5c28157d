"""The search contract Wagtail's admin and templates rely on, kept by the Korean backend.

Every behaviour here is what modelsearch's stock SQLite/PostgreSQL backends promise
(``.search()`` and ``.autocomplete()`` with filters, operators, query objects, slices,
ordering and facets), checked on the clinic's own pages. The suite runs on SQLite and, with
``DATABASE_URL``, on PostgreSQL.
"""

from collections import Counter

import pytest

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, MATCH_NONE, Boost, Not, Phrase, PlainText

from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def titles(results):
    return [page.title for page in results]


def live():
    return Page.objects.live()


# Empty querysets: a leaf's children, `.none()` (a 500 in the admin before)


def test_searching_an_empty_queryset_finds_nothing():
    leaf = Page.objects.get(slug="ulthera")
    assert list(leaf.get_children().search("리프팅")) == []
    assert leaf.get_children().search("리프팅").count() == 0
    assert list(leaf.get_children().autocomplete("울쎄")) == []
    assert list(Page.objects.none().search("울쎄라", operator="or")) == []
    assert list(Page.objects.none().search(Not(PlainText("울쎄라")))) == []
    assert list(Page.objects.none().search(MATCH_ALL)) == []
    assert list(Page.objects.filter(pk__in=[]).search("울쎄라")) == []


def test_the_explorer_searches_inside_a_page_without_children(admin_client):
    leaf = Page.objects.get(slug="ulthera")
    response = admin_client.get(f"/admin/pages/{leaf.pk}/", {"q": "리프팅"})
    assert response.status_code == 200


# Operators and query objects


def test_and_requires_every_word_where_or_ranks_any():
    both = titles(live().search("녹는 실 삽입", operator="and"))
    assert sorted(both) == ["실루엣 리프팅", "실리프팅"]
    any_word = titles(live().search("녹는 실 삽입", operator="or"))
    assert set(both) < set(any_word)


def test_and_is_the_default_operator_like_wagtails_own_backends():
    assert titles(live().search("녹는 실 삽입")) == titles(
        live().search("녹는 실 삽입", operator="and")
    )


def test_and_and_or_objects_combine_parts():
    lifting, botox = PlainText("녹는 실"), PlainText("보툴리눔")
    assert sorted(titles(live().search(lifting & botox))) == []
    found = set(titles(live().search(lifting | botox)))
    assert {"실루엣 리프팅", "실리프팅", "보톡스"} <= found


def test_not_returns_everything_but_the_matches():
    every = live().count()
    lifting = {p.pk for p in live().search("리프팅")}
    others = list(live().search(Not(PlainText("리프팅"))))
    assert len(others) == every - len(lifting)
    assert not lifting & {p.pk for p in others}
    assert live().search(~PlainText("리프팅")).count() == every - len(lifting)


def test_not_inside_and_excludes_from_the_other_part():
    thread = titles(live().search(PlainText("녹는 실") & ~PlainText("돌기")))
    assert "실리프팅" in thread
    assert "실루엣 리프팅" in titles(live().search(PlainText("녹는 실")))
    assert "실루엣 리프팅" not in thread  # its barbed (돌기) thread


def test_a_phrase_needs_its_words_side_by_side_in_order():
    assert sorted(titles(live().search(Phrase("녹는 실")))) == ["실루엣 리프팅", "실리프팅"]
    assert titles(live().search(Phrase("집속 초음파"))) == ["울쎄라"]
    assert titles(live().search(Phrase("초음파 집속"))) == []


def test_a_boost_reorders_the_parts_it_weighs():
    heavier_botox = PlainText("울쎄라") | Boost(PlainText("보톡스"), 3.0)
    assert titles(live().type(TreatmentPage).search(heavier_botox))[:2] == ["보톡스", "울쎄라"]
    lighter_botox = PlainText("울쎄라") | Boost(PlainText("보톡스"), 0.2)
    assert titles(live().type(TreatmentPage).search(lighter_botox))[:2] == ["울쎄라", "보톡스"]


def test_match_all_and_match_none_inside_combined_queries():
    every = live().count()
    ulthera = titles(live().search(PlainText("울쎄라")))
    assert titles(live().search(PlainText("울쎄라") | MATCH_NONE)) == ulthera
    assert titles(live().search(PlainText("울쎄라") & MATCH_ALL)) == ulthera
    assert list(live().search(PlainText("울쎄라") & MATCH_NONE)) == []
    with_all = live().search(PlainText("울쎄라") | MATCH_ALL)
    assert with_all.count() == every
    assert titles(with_all[:1]) == ["울쎄라"]  # what matched comes first
    assert live().search(Not(MATCH_NONE)).count() == every
    assert list(live().search(Not(MATCH_ALL))) == []


# Results: slices, counts, ordering, scores, fields, facets


def test_counts_respect_slices():
    assert live().search(MATCH_ALL)[2:5].count() == 3
    assert live().search("리프팅")[1:3].count() == 2
    assert len(live().search("리프팅")[1:3]) == 2
    assert live().search(Not(PlainText("리프팅")))[:4].count() == 4


def test_slices_page_through_without_repeats():
    results = live().search("시술", operator="or")
    pages = [titles(results[i : i + 5]) for i in range(0, results.count(), 5)]
    flat = [title for page in pages for title in page]
    assert len(flat) == len(set(flat)) == results.count()


def test_order_of_the_queryset_when_relevance_is_not_asked_for():
    results = live().order_by("-title").search("리프팅", order_by_relevance=False)
    assert titles(results) == sorted(titles(results), reverse=True)


def test_scores_can_be_annotated():
    results = live().search("울쎄라").annotate_score("score")
    assert all(isinstance(page.score, float) for page in results)
    scores = [page.score for page in results]
    assert scores == sorted(scores, reverse=True)


def test_fields_limit_the_search_to_those_fields():
    in_titles = titles(live().search("리프팅", fields=["title"]))
    assert "리프팅" in in_titles
    assert "울쎄라" not in in_titles  # 리프팅 is only in its summary
    assert "울쎄라" in titles(live().search("리프팅"))


def test_facets_count_the_matches_by_field():
    results = live().search("주사", operator="or")
    expected = Counter(page.depth for page in results)
    assert len(expected) > 1
    assert dict(results.facet("depth")) == dict(expected)
    assert list(results.facet("depth").values()) == sorted(expected.values(), reverse=True)


def test_filters_of_the_queryset_apply():
    lifting = Page.objects.get(slug="lifting")
    inside = titles(lifting.get_children().live().search("리프팅"))
    assert inside and all(title != "리프팅" for title in inside)
    assert set(inside) <= set(lifting.get_children().values_list("title", flat=True))


# Autocomplete: prefixes, every autocomplete field


def test_autocomplete_matches_the_start_of_a_word():
    assert titles(live().autocomplete("울쎄"))[:1] == ["울쎄라"]
    assert titles(live().autocomplete("스컬"))[:1] == ["스컬트라"]


def test_autocomplete_reads_every_autocomplete_field():
    # "Ulthera" is only in the treatment's other names (an AutocompleteField of its own).
    assert titles(live().autocomplete("Ulth"))[:1] == ["울쎄라"]
    assert titles(live().autocomplete("ulthera"))[:1] == ["울쎄라"]


def test_autocomplete_with_and_and_or():
    assert titles(live().autocomplete("에어젯 리프")) == ["에어젯 리프팅"]
    assert "울쎄라" in titles(live().autocomplete("울쎄 리프", operator="or"))


def test_the_backend_is_wagtails_default_search_backend():
    backend = get_search_backend()
    assert type(backend).__module__.startswith("search.backends.")
