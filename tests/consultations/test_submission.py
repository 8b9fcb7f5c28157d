"""A visitor sends the form: what is stored, the thank-you page, and every refusal in Korean."""

import re

import pytest

from django.test import Client
from django.utils.html import escape

from consultations.models import ConsentVersion, ConsultationRequest
from tests.utils import visible_text
from treatments.models import TreatmentPage

from .conftest import THANKS, answers, hidden_fields

pytestmark = pytest.mark.django_db


def text_of(response):
    return visible_text(response.content.decode())


def test_a_request_is_stored_normalised_with_its_consent_and_the_visitor_thanked(
    visitor, send_form
):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    response = send_form(
        visitor,
        name="  김 민지 ",
        phone="+82 10 9876 5432",
        treatment=str(ulthera.pk),
        message="오후에 연락 주세요.\r\n감사합니다.",
        consent_marketing="on",
    )
    assert response.status_code == 303
    assert response["Location"] == THANKS  # no personal data in any URL
    request = ConsultationRequest.objects.get()
    assert request.name == "김 민지"
    assert request.phone == "010-9876-5432"
    assert (request.treatment, request.treatment_title) == (ulthera, "울쎄라")
    assert request.contact_time == "morning"
    assert request.message == "오후에 연락 주세요.\n감사합니다."
    assert request.consent_version == ConsentVersion.current()
    assert request.consented_at == request.created_at
    assert request.age_confirmed and request.marketing_consent
    assert request.marketing_consented_at == request.created_at
    assert request.status == "new"

    thanks = visitor.get(response["Location"])
    text = text_of(thanks)
    assert "상담 신청이 접수되었습니다" in text
    assert "02-543-5856" in text
    assert "김 민지" not in text and "9876" not in text


def test_refusing_marketing_never_blocks_the_request(visitor, send_form):
    assert send_form(visitor).status_code == 303
    request = ConsultationRequest.objects.get()
    assert not request.marketing_consent and request.marketing_consented_at is None
    assert request.treatment is None and request.treatment_title == "기타"


def test_the_thank_you_page_is_a_get_so_a_reload_sends_nothing(visitor, send_form):
    send_form(visitor)
    visitor.get(THANKS)
    visitor.get(THANKS)
    assert ConsultationRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"consent_required": None}, "개인정보 수집·이용에 동의하셔야 신청할 수 있습니다."),
        ({"phone": "02-543-5856"}, "휴대폰 번호를 확인해 주세요."),
        ({"phone": "010-12-34"}, "휴대폰 번호를 확인해 주세요."),
        ({"message": "가" * 5000}, "문의 내용은 1,000자 이내로 적어 주세요. (지금 5,000자)"),
        ({"name": "민지😊"}, "이름은 한글이나 영문 글자로만 적어 주세요."),
        ({"message": "상담 원해요 🙏"}, "문의 내용에서 이모지를 빼고 글자로만 적어 주세요."),
        ({"name": "<script>alert(1)</script>"}, "이름은 한글이나 영문 글자로만 적어 주세요."),
        (
            {"message": "<script>alert('x')</script> 가격 문의"},
            "문의 내용에 HTML 태그(<…>)는 쓸 수 없습니다.",
        ),
        ({"name": ""}, "이름을 적어 주세요."),
        ({"treatment": ""}, "관심 있는 시술을 골라 주세요."),
        ({"treatment": "999999"}, "목록에 있는 시술을 골라 주세요."),
    ],
)
def test_bad_input_is_refused_beside_the_field_with_everything_typed_kept(
    visitor, send_form, overrides, field_message
):
    typed = answers(**overrides)
    response = send_form(visitor, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert field_message in text_of(response)
    assert 'class="field__error"' in html and 'aria-invalid="true"' in html
    assert "입력 내용을 확인해 주세요." in text_of(response)
    # Everything typed comes back, escaped: a script tag is shown as text, never run.
    for field in ("name", "phone", "message"):
        assert escape(typed[field]) in html
    assert "<script>alert" not in html
    assert ConsultationRequest.objects.count() == 0


def test_a_long_message_is_kept_whole_when_refused(visitor, send_form):
    message = "가나다라마바사" * 700  # 4,900 characters
    response = send_form(visitor, message=message)
    assert f"{message}</textarea>" in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


def test_ticks_survive_a_refusal(visitor, send_form):
    response = send_form(visitor, phone="1234", consent_marketing="on")
    html = response.content.decode()
    for name in ("consent_required", "consent_marketing", "age_confirmed"):
        checkbox = re.search(f'<input type="checkbox" name="{name}"[^>]*>', html).group()
        assert " checked" in checkbox, name


def test_under_fourteen_gets_a_clear_message_and_nothing_is_stored(visitor, send_form):
    response = send_form(visitor, age_confirmed=None, consent_marketing="on")
    assert response.status_code == 200
    assert (
        "만 14세 미만은 온라인으로 신청할 수 없습니다. 보호자(법정대리인)께서 "
        "전화(02-543-5856)로 상담을 신청해 주세요." in text_of(response)
    )
    assert ConsultationRequest.objects.count() == 0


def test_the_honeypot_looks_sent_to_a_script_but_stores_nothing(visitor, send_form):
    response = send_form(visitor, homepage="http://spam.example/")
    assert response.status_code == 303 and response["Location"] == THANKS
    assert ConsultationRequest.objects.count() == 0


def test_a_form_sent_faster_than_a_person_types_is_shown_back_not_stored(visitor, send_form):
    response = send_form(visitor, wait=1)
    assert response.status_code == 200
    assert "입력이 너무 빨리 끝나" in text_of(response)
    assert 'value="김민지"' in response.content.decode()
    assert ConsultationRequest.objects.count() == 0
    # The page it comes back on carries a new stamp: a person's second click goes through.
    resend = hidden_fields(response.content.decode())
    again = visitor.post("/consultation/submit/", {**resend, **answers()})
    assert again.status_code == 200  # still too fast: the same instant
    assert ConsultationRequest.objects.count() == 0


def test_a_forged_or_missing_stamp_is_treated_as_too_fast(visitor, send_form):
    response = send_form(visitor, started="1700000000.0:forged")
    assert "입력이 너무 빨리 끝나" in text_of(response)
    assert ConsultationRequest.objects.count() == 0


def test_five_requests_in_ten_minutes_from_one_address_then_a_polite_pause(
    visitor, other_visitor, send_form, time_machine
):
    for n in range(5):
        assert send_form(visitor, name=f"김민지{'가' * n}").status_code == 303
    refused = send_form(visitor, name="박서준")
    assert refused.status_code == 429
    assert "10분쯤 뒤에 다시 신청해 주시거나 전화로 문의해 주세요." in text_of(refused)
    assert 'value="박서준"' in refused.content.decode()
    assert ConsultationRequest.objects.count() == 5
    # Another address is not held up, and the first one may send again after the window.
    assert send_form(other_visitor, name="이하늘").status_code == 303
    time_machine.shift(11 * 60)
    assert send_form(visitor, name="박서준").status_code == 303
    assert ConsultationRequest.objects.count() == 7


def test_honeypot_hits_count_towards_the_rate_limit(visitor, send_form):
    for _ in range(5):
        send_form(visitor, homepage="spam")
    assert send_form(visitor).status_code == 429


def test_a_visitor_who_saw_an_older_consent_wording_is_recorded_with_it(visitor, send_form):
    shown = ConsentVersion.current()
    page = visitor.get("/consultation/")
    fields = hidden_fields(page.content.decode())
    assert fields["consent_version"] == str(shown.number)
    ConsentVersion.objects.create(purpose="상담 연락")  # published while the tab was open
    response = send_form(visitor, consent_version=str(shown.number))
    assert response.status_code == 303
    assert ConsultationRequest.objects.get().consent_version == shown


def test_the_form_is_sent_to_one_address_and_the_page_itself_only_answers_get(visitor):
    page = visitor.get("/consultation/")
    token = hidden_fields(page.content.decode())["csrfmiddlewaretoken"]
    assert visitor.post("/consultation/", {"csrfmiddlewaretoken": token}).status_code == 405
    assert visitor.get("/consultation/submit/").status_code == 405


def test_behind_a_proxy_each_visitor_is_counted_by_the_address_the_proxy_saw(settings, send_form):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = Client(enforce_csrf_checks=True, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    second = Client(enforce_csrf_checks=True, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    for _ in range(5):
        assert send_form(first).status_code == 303
    assert send_form(first).status_code == 429
    assert send_form(second).status_code == 303
    # A forged entry in front of the proxy's own is not believed.
    forged = Client(
        enforce_csrf_checks=True, HTTP_X_FORWARDED_FOR="10.0.0.9, 198.51.100.1", **proxy
    )
    assert send_form(forged).status_code == 429
