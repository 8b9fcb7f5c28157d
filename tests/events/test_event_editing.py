"""Marketers publish events through the admin; a discount needs 정가, the period and 조건."""

import pytest

from events.models import EventPage
from tests.events.conftest import add_url, event_form, item, publish

pytestmark = pytest.mark.django_db


def test_a_discount_without_regular_price_period_or_conditions_is_refused(marketer, event_index):
    data = event_form(starts_on="", ends_on="", items=[item(regular="", conditions="")])
    response = marketer.post(add_url(EventPage, event_index), publish(data))
    assert response.status_code == 200
    html = response.content.decode()
    assert "가격 항목이 있는 이벤트는 시작일과 종료일을 입력해야 게시할 수 있습니다" in html
    assert "할인 전 가격(정가)을 입력해야 게시할 수 있습니다" in html
    assert "조건·대상을 입력해야 게시할 수 있습니다" in html
    assert "겨울 울쎄라 이벤트" in html  # the editor's work is kept
    assert not EventPage.objects.exists()


def test_each_missing_fact_alone_is_refused(marketer, event_index):
    for data, message in [
        (event_form(items=[item(regular="")]), "할인 전 가격(정가)을 입력해야"),
        (event_form(ends_on="", items=[item()]), "시작일과 종료일을 입력해야"),
        (event_form(items=[item(conditions=" ")]), "조건·대상을 입력해야"),
    ]:
        response = marketer.post(add_url(EventPage, event_index), publish(data))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_draft_may_be_saved_without_the_facts(marketer, event_index):
    data = event_form(starts_on="", ends_on="", items=[item(regular="", conditions="")])
    response = marketer.post(add_url(EventPage, event_index), data)
    assert response.status_code == 302
    assert not EventPage.objects.get().live


def test_an_event_price_above_the_regular_price_is_refused(marketer, event_index):
    data = event_form(items=[item(regular="300000", event="350000")])
    response = marketer.post(add_url(EventPage, event_index), publish(data))
    assert "이벤트가는 정가보다 높을 수 없습니다." in response.content.decode()


def test_the_end_date_cannot_come_before_the_start(marketer, event_index):
    data = event_form(starts_on="2026-12-20", ends_on="2026-12-19", items=[item()])
    response = marketer.post(add_url(EventPage, event_index), data)
    assert "종료일은 시작일과 같거나 뒤여야 합니다." in response.content.decode()


def test_an_event_already_over_cannot_be_published(marketer, event_index):
    data = event_form(starts_on="2026-11-01", ends_on="2026-11-30", items=[item()])
    response = marketer.post(add_url(EventPage, event_index), publish(data))
    assert "종료일이 지난 이벤트는 게시할 수 없습니다." in response.content.decode()


def test_a_complete_event_shows_prices_the_computed_discount_and_precautions(
    client, published_event, ulthera
):
    assert published_event.live
    html = client.get("/events/winter-ulthera/").content.decode()
    assert "<s>500,000원</s>" in html and "<strong>350,000원</strong>" in html
    assert "<dt>할인율</dt><dd>30%</dd>" in html  # (500,000 − 350,000) ÷ 500,000, computed
    assert "첫 방문 고객, 1인 1회" in html
    assert "2026.12.01" in html and "2026.12.31" in html
    assert "울쎄라 주의사항 및 부작용" in html
    assert "붉어짐, 부기, 멍, 통증 등이 나타날 수 있으며" in html


def test_the_discount_is_computed_never_typed(published_event):
    [priced] = published_event.items.all()
    assert priced.discount_rate == 30
    assert "discount" not in {field.name for field in priced._meta.fields}


def test_discount_words_pass_the_medical_ads_check_only_with_the_facts(marketer, event_index):
    bare = event_form(body="<p>울쎄라 30% 할인</p>")
    response = marketer.post(add_url(EventPage, event_index), publish(bare))
    assert response.status_code == 200
    assert "게시 불가 표현: ‘할인’" in response.content.decode()

    complete = event_form(body="<p>울쎄라 30% 할인</p>", items=[item()])
    response = marketer.post(add_url(EventPage, event_index), publish(complete))
    assert response.status_code == 302


def test_publishing_the_event_keeps_one_copy_of_each_item(published_event):
    assert published_event.items.count() == 1
