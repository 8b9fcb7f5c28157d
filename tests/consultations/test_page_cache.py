"""With the page cache on, as in production: a cached treatment page holds nobody's token, every
visitor gets their own, and nothing a visitor typed is ever kept in the cache."""

import datetime
import json

import pytest

from django.core.cache import cache

from consultations.models import ConsultationRequest
from tests.utils import visible_text
from treatments.models import TreatmentPage

from .conftest import THANKS, answers, hidden_fields

pytestmark = pytest.mark.django_db

TREATMENT = "/lifting/ulthera/"


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(datetime.datetime.now(datetime.UTC), tick=True)
    return time_machine


def fetch_token(client):
    response = client.get("/consultation/token/")
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    return json.loads(response.content)


def test_two_anonymous_visitors_send_the_form_of_one_cached_treatment_page(
    page_cache, visitor, other_visitor, clock
):
    first = visitor.get(TREATMENT)
    second = other_visitor.get(TREATMENT)
    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    assert second.content == first.content  # the very same bytes, so they hold no token
    form = hidden_fields(first.content.decode())
    assert form["csrfmiddlewaretoken"] == "" and form["started"] == ""
    assert "csrftoken" not in first.cookies

    # What consultation.js does when each of them starts typing.
    tokens = [fetch_token(visitor), fetch_token(other_visitor)]
    assert tokens[0]["csrf"] != tokens[1]["csrf"]
    clock.shift(15)
    ulthera = str(TreatmentPage.objects.get(slug="ulthera").pk)
    for client, token, name in zip(
        (visitor, other_visitor), tokens, ("김민지", "박서준"), strict=True
    ):
        response = client.post(
            "/consultation/submit/",
            {
                **form,
                "csrfmiddlewaretoken": token["csrf"],
                "started": token["started"],
                **answers(name=name, treatment=ulthera),
            },
        )
        assert response.status_code == 303 and response["Location"] == THANKS
    assert sorted(ConsultationRequest.objects.values_list("name", "treatment_title")) == [
        ("김민지", "울쎄라"),
        ("박서준", "울쎄라"),
    ]


def test_one_visitors_token_is_no_good_to_another(page_cache, visitor, other_visitor, clock):
    visitor.get(TREATMENT)
    other_visitor.get(TREATMENT)
    token = fetch_token(visitor)
    fetch_token(other_visitor)  # the second visitor has a cookie of their own
    clock.shift(15)
    response = other_visitor.post(
        "/consultation/submit/",
        {"csrfmiddlewaretoken": token["csrf"], "started": token["started"], **answers()},
    )
    assert response.status_code == 200
    assert "보안을 위해 한 번 더 확인합니다." in visible_text(response.content.decode())
    assert not ConsultationRequest.objects.exists()


def test_the_full_form_page_is_never_kept_in_the_cache(page_cache, visitor, other_visitor):
    pages = [visitor.get("/consultation/"), other_visitor.get("/consultation/")]
    assert all("X-Page-Cache" not in page for page in pages)
    tokens = [hidden_fields(page.content.decode())["csrfmiddlewaretoken"] for page in pages]
    assert tokens[0] != tokens[1] and all(tokens)


def test_two_visitors_send_the_full_form_with_the_cache_on(
    page_cache, visitor, other_visitor, send_form
):
    assert send_form(visitor, name="김민지").status_code == 303
    assert send_form(other_visitor, name="박서준").status_code == 303
    assert ConsultationRequest.objects.count() == 2


def test_without_script_the_cached_form_comes_back_filled_in_to_send_again(
    page_cache, visitor, clock
):
    visitor.get(TREATMENT)
    cached_form = hidden_fields(visitor.get(TREATMENT).content.decode())
    clock.shift(20)
    response = visitor.post(
        "/consultation/submit/", {**cached_form, **answers(name="최유나", phone="01055556666")}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "보안을 위해 한 번 더 확인합니다." in visible_text(html)
    assert 'value="최유나"' in html and 'value="01055556666"' in html
    assert not ConsultationRequest.objects.exists()
    # One more click, a moment later, with the token the page now carries.
    clock.shift(5)
    again = visitor.post(
        "/consultation/submit/",
        {**hidden_fields(html), **answers(name="최유나", phone="01055556666")},
    )
    assert again.status_code == 303
    assert ConsultationRequest.objects.get().phone == "010-5555-6666"


def test_nothing_a_visitor_typed_is_ever_kept_in_the_cache(page_cache, visitor, send_form):
    send_form(visitor, name="한가람", phone="010-7777-8888", message="오전에 전화 주세요")
    send_form(visitor, name="한가람", phone="02-9876-1111")  # refused, shown back
    assert visitor.get(THANKS).status_code == 200
    assert visitor.get(THANKS)["X-Page-Cache"] == "hit"  # the thank-you page is the same for all
    visitor.get(TREATMENT)
    stored = b"".join(value for value in cache._cache.values())
    assert stored  # the pages are there …
    for typed in ("한가람", "7777-8888", "010-7777-8888", "오전에 전화 주세요", "9876-1111"):
        assert typed.encode() not in stored  # … and nothing of the visitor's
