"""Where visitors meet the form: the 상담 신청 page, every treatment page, the sticky bar."""

import re

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from consultations.models import ConsultationPage
from home.models import ContentPage, HomePage
from tests.factories import clinic_settings, weekday_hours
from tests.utils import visible_text
from treatments.models import TreatmentCategoryPage, TreatmentPage

from .conftest import hidden_fields

pytestmark = pytest.mark.django_db


def html_of(url, client=None):
    return (client or Client()).get(url).content.decode()


def options(html):
    select = html[html.index('<select name="treatment"') : html.index("</select>")]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    chosen = re.findall(r'<option value="[^"]*" selected>([^<]+)</option>', select)
    return groups, chosen, select


def test_the_consultation_page_shows_the_form_with_the_table_the_law_asks_for():
    html = html_of("/consultation/")
    text = visible_text(html)
    assert "<h1>상담 신청</h1>" in html
    for heading in ("수집 항목", "수집·이용 목적", "보유·이용 기간", "동의를 거부할 권리와 불이익"):
        assert heading in text
    assert "신청일로부터 1년" in text
    assert "[필수] 개인정보 수집·이용에 동의합니다." in text
    assert "[선택] 이벤트·시술 안내를 문자(SMS)와 카카오톡으로 받겠습니다." in text
    assert "[필수] 만 14세 이상입니다." in text
    assert "건강 상태, 병력, 복용하는 약처럼 민감한 내용은 적지 말아 주세요." in text
    assert "동의 문구 제1판" in text
    # Every consent is its own checkbox, none ticked in advance.
    boxes = re.findall(r'<input type="checkbox"[^>]*>', html)
    assert len(boxes) == 3 and not any("checked" in box for box in boxes)
    fields = hidden_fields(html)
    assert fields["csrfmiddlewaretoken"] and fields["started"]


def test_a_treatment_page_has_the_short_form_with_its_treatment_chosen():
    html = html_of("/lifting/ulthera/")
    groups, chosen, select = options(html)
    assert chosen == ["울쎄라"]
    assert groups == ["리프팅"]  # its own section's treatments: the page stays small
    assert ">실리프팅</option>" in select
    assert '<option value="other">기타 (정하지 않음)</option>' in select
    assert '<textarea name="message"' not in html  # the short form
    assert "울쎄라 상담 신청" in visible_text(html)
    fields = hidden_fields(html)
    assert fields["csrfmiddlewaretoken"] == "" and fields["started"] == ""
    assert 'data-token-url="/consultation/token/"' in html
    assert "consultations/consultation.js" in html


def test_the_sticky_bar_offers_consultation_everywhere():
    treatment_bar = html_of("/lifting/ulthera/").split('<nav class="action-bar"')[1]
    assert '<a href="#consultation">' in treatment_bar and "상담 신청</a>" in treatment_bar
    home_bar = html_of("/").split('<nav class="action-bar"')[1]
    assert '<a href="/consultation/">' in home_bar


def test_without_a_live_consultation_page_there_is_no_form_and_no_button(settings):
    settings.PAGE_CACHE_ENABLED = True
    html_of("/lifting/ulthera/")
    ConsultationPage.objects.get().unpublish()
    html = html_of("/lifting/ulthera/")
    assert "consultation-form" not in html and "상담 신청</a>" not in html
    client = Client()
    assert client.post("/consultation/submit/", {}).status_code == 404


def test_the_treatment_list_follows_publishing_with_the_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    assert "보톡스" in options(html_of("/consultation/"))[2]
    TreatmentPage.objects.get(slug="botox").unpublish()
    assert ">보톡스<" not in options(html_of("/consultation/"))[2]


def test_the_thank_you_page_gives_hours_and_phone_and_is_not_for_search_engines():
    html = html_of("/consultation/thanks/")
    assert '<meta name="robots" content="noindex">' in html
    text = visible_text(html)
    assert "상담 신청이 접수되었습니다" in text
    assert "전화(02-543-5856)로 문의해 주세요." in text
    assert "진료 시간은 진료안내에서 보실 수 있습니다." in text and 'href="/about/hours/"' in html

    clinic = clinic_settings()
    clinic.hours = weekday_hours()
    clinic.save()
    text = visible_text(html_of("/consultation/thanks/"))
    assert "월요일 10:00 ~ 19:00 (점심시간 13:00 ~ 14:00)" in text
    assert "일요일 휴진" in text


def test_the_form_costs_the_same_queries_however_many_treatments_there_are(settings):
    settings.PAGE_CACHE_ENABLED = False  # count the queries of rendering, not of a cache hit
    client = Client()
    client.get("/lifting/ulthera/")
    with CaptureQueriesContext(connection) as before:
        client.get("/lifting/ulthera/")
    section = TreatmentCategoryPage.objects.get(slug="lifting")
    for n in range(10):
        section.add_child(instance=TreatmentPage(title=f"새 시술 {n}", slug=f"treatment-{n}"))
    with CaptureQueriesContext(connection) as after:
        html = client.get("/lifting/ulthera/").content.decode()
    assert "새 시술 9" in options(html)[2]
    assert len(after) == len(before)


class ConsultationPageRulesTests(WagtailPageTestCase):
    def test_one_page_placed_under_home_or_a_content_page_by_editors(self):
        self.assertAllowedParentPageTypes(ConsultationPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())
        self.assertEqual(ConsultationPage.max_count, 1)

    def test_it_is_seeded_out_of_the_menu_at_consultation(self):
        page = Page.objects.get(url_path="/home/consultation/")
        self.assertIsInstance(page.specific, ConsultationPage)
        self.assertFalse(page.show_in_menus)
