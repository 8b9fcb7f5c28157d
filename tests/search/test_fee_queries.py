"""Questions about price find the 비급여 진료비용 page and the treatment itself (issue #16)."""

import pytest

from wagtail.models import Page

from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db

FEE_PAGE = "비급여 진료비용"


@pytest.mark.parametrize(
    "query, treatment",
    [
        ("보톡스 가격", "보톡스"),
        ("울쎄라 비용", "울쎄라"),
        ("울쎄라 가격", "울쎄라"),
        ("보톡스 얼마예요", "보톡스"),
        ("필러 비용", "필러"),
    ],
)
def test_a_price_question_finds_the_treatment_and_the_fee_page(
    client, page_cache_on, query, treatment
):
    top = result_titles(client.get("/search/", {"q": query}))[:3]
    assert top[0] == treatment
    assert FEE_PAGE in top


@pytest.mark.parametrize("query", ["진료비", "비급여", "가격표", "진료비용"])
def test_asking_for_prices_alone_finds_the_fee_page_first(client, page_cache_on, query):
    assert result_titles(client.get("/search/", {"q": query}))[:1] == [FEE_PAGE]


def test_a_price_word_alone_does_not_pull_in_every_page(client, page_cache_on):
    # 가격 is weak: it finds the fee page, not every page that happens to say 가격.
    assert len(result_titles(client.get("/search/", {"q": "가격"}))) <= 3


def test_an_unpublished_fee_page_is_not_offered(client, page_cache_on):
    Page.objects.get(title=FEE_PAGE).unpublish()
    assert FEE_PAGE not in result_titles(client.get("/search/", {"q": "보톡스 가격"}))
