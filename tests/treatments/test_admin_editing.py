"""Marketing staff create every page type through the real admin add-page form."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ContentPage, DoctorIndexPage, HoursPage, NoticeIndexPage
from tests.factories import doctor, marketing_user
from tests.utils import visible_text
from treatments.models import FeePage, TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db

PRECAUTIONS = "<p>붉어짐과 부기가 생길 수 있습니다.</p>"


@pytest.fixture
def marketer(client):
    client.force_login(marketing_user())
    return client


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def page_data(title, slug, **fields):
    data = {
        "title": title,
        "slug": slug,
        "summary": f"{title} 요약입니다.",
        "menu_label": "",
        "image": "",
    }
    data.update(fields)
    return nested_form_data(data)


def treatment_data(
    title="새 시술", slug="new-treatment", precautions=PRECAUTIONS, fees=(), doctors=()
):
    data = {
        "title": title,
        "slug": slug,
        "summary": "새 시술 요약입니다.",
        "menu_label": "새시술",
        "image": "",
        "alternative_names": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>시술 설명</p>")),
                (
                    "facts",
                    {
                        "duration": "약 30분",
                        "anesthesia": "",
                        "recovery": "바로 일상생활",
                        "interval": "",
                        "longevity": "",
                    },
                ),
                (
                    "faq",
                    {
                        "heading": "자주 묻는 질문",
                        "items": streamfield(
                            [
                                (
                                    "item",
                                    {
                                        "question": "아픈가요?",
                                        "answer": rich_text("<p>개인차가 있습니다.</p>"),
                                    },
                                )
                            ]
                        ),
                    },
                ),
                ("video", {"url": "https://youtu.be/abc123", "title": "시술 영상"}),
            ]
        ),
        "precautions": rich_text(precautions),
        "show_in_menus": "on",
        "fees": inline_formset(list(fees)),
    }
    return {**nested_form_data(data), "doctors": [str(d.pk) for d in doctors]}


def publish(data):
    return {**data, "action-publish": "action-publish"}


def test_marketer_publishes_a_treatment_with_facts_faq_video_fees_and_doctors(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    kim = doctor()
    fee = {
        "name": "새 시술 1회",
        "code": "",
        "price_min": "100000",
        "price_max": "",
        "included": "",
        "note": "",
    }
    response = marketer.post(
        add_url(TreatmentPage, lifting), publish(treatment_data(fees=[fee], doctors=[kim]))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = TreatmentPage.objects.get(slug="new-treatment")
    assert page.live and page.menu_label == "새시술"
    assert list(page.doctors.all()) == [kim]
    assert page.fees.get().price_min == 100000

    html = marketer.get(page.url).content.decode()
    assert '<th scope="row">시술 시간</th><td>약 30분</td>' in html
    assert '<summary class="faq__question">아픈가요?</summary>' in html
    assert 'data-video-src="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"' in html
    assert "<iframe" not in html  # the player loads only on click
    assert "주의사항 및 부작용" in html and "붉어짐과 부기가" in html
    assert "김엔비" in html and "100,000원" in html
    assert ">새시술</a>" in html  # the short menu label in the menu


def test_publishing_a_treatment_without_precautions_is_refused_in_korean(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(
        add_url(TreatmentPage, lifting), publish(treatment_data(precautions=""))
    )
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    # Said once, beside the field; the help text explains the law without repeating it.
    assert text.count("게시하려면 주의사항 및 부작용을 입력하세요.") == 1
    assert text.count("의료법 제56조") == 1
    assert not TreatmentPage.objects.filter(slug="new-treatment").exists()


def test_a_treatment_draft_may_be_saved_without_precautions(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(add_url(TreatmentPage, lifting), treatment_data(precautions=""))
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="new-treatment")
    assert not page.live


def test_missing_title_shows_the_required_error(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(
        add_url(TreatmentCategoryPage, lifting), publish(page_data("", "sub", intro=rich_text("")))
    )
    assert response.status_code == 200
    assert "필수 작성 항목입니다" in response.content.decode()


@pytest.mark.parametrize(
    ("model", "parent_slug", "fields"),
    [
        (TreatmentCategoryPage, "lifting", {"intro": rich_text("<p>소개</p>")}),
        (ContentPage, "about", {"body": streamfield([("paragraph", rich_text("<p>본문</p>"))])}),
        ("home.NoticePage", "notices", {"published_on": "2026-11-20", "body": streamfield([])}),
    ],
)
def test_marketer_creates_each_repeatable_page_type(marketer, model, parent_slug, fields):
    from django.apps import apps

    model = apps.get_model(model) if isinstance(model, str) else model
    parent = Page.objects.get(slug=parent_slug)
    response = marketer.post(
        add_url(model, parent), publish(page_data("새 페이지", "new-page", **fields))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = model.objects.get(slug="new-page")
    assert page.live
    assert marketer.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (DoctorIndexPage, {"intro": rich_text("")}),
        (HoursPage, {"body": streamfield([])}),
        ("home.DirectionsPage", {"transit": rich_text("<p>지하철</p>"), "parking": rich_text("")}),
        (
            FeePage,
            {
                "intro": rich_text(""),
                "certificate_fees": inline_formset(
                    [{"name": "진단서", "price_min": "20000", "price_max": "", "note": ""}]
                ),
            },
        ),
    ],
)
def test_marketer_creates_each_single_page_type_once_the_seeded_one_is_gone(
    marketer, model, fields
):
    from django.apps import apps

    model = apps.get_model(model) if isinstance(model, str) else model
    about = ContentPage.objects.get(slug="about")
    assert (
        marketer.get(add_url(model, about)).status_code == 302
    )  # max_count: the seeded one exists
    model.objects.get().delete()
    response = marketer.post(
        add_url(model, about), publish(page_data("새 페이지", "new-page", **fields))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert model.objects.get(slug="new-page").live


def test_page_type_chooser_offers_only_what_fits(marketer):
    about = ContentPage.objects.get(slug="about")
    # Under 엔비소개 the single pages (의료진 소개, 진료안내, 오시는길, 비급여 진료비용) exist already,
    # so the only type left is 일반 페이지 and Wagtail skips the chooser.
    response = marketer.get(reverse("wagtailadmin_pages:add_subpage", args=[about.pk]))
    assert response.status_code == 302 and response.url == add_url(ContentPage, about)
    home = Page.objects.get(depth=2)
    html = marketer.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk])).content.decode()
    assert "시술 분류" in html and "일반 페이지" in html
    for absent in ("시술", "의료진 소개", "공지사항 목록", "진료안내"):
        assert f">{absent}</" not in html, absent
    assert NoticeIndexPage.max_count == 1
