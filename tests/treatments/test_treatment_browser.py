"""A treatment page in Chromium: the FAQ accordion, the click-to-load video, and the admin edit form."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import User

from tests.factories import doctor
from treatments.models import TreatmentFee, TreatmentPage

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def furnish_ulthera():
    ulthera = TreatmentPage.objects.get(slug="ulthera").get_latest_revision_as_object()
    ulthera.body = [
        ("paragraph", "<p>울쎄라는 초음파 에너지를 이용하는 리프팅 시술입니다.</p>"),
        (
            "facts",
            {
                "duration": "약 40분",
                "anesthesia": "연고 마취",
                "recovery": "바로 일상생활",
                "interval": "",
                "longevity": "개인차 있음",
            },
        ),
        (
            "faq",
            {
                "heading": "자주 묻는 질문",
                "items": [
                    {
                        "question": "시술 중 아픈가요?",
                        "answer": "<p>개인에 따라 느낌이 다릅니다.</p>",
                    }
                ],
            },
        ),
        ("video", {"url": "https://www.youtube.com/watch?v=abc123", "title": "울쎄라 시술 과정"}),
    ]
    ulthera.doctors = [doctor(with_photo=True)]
    ulthera.fees = [TreatmentFee(name="울쎄라 300샷", price_min=900000, price_max=1200000)]
    ulthera.save_revision().publish()
    return ulthera


def test_faq_opens_and_the_video_player_loads_only_on_click(live_site, page):
    furnish_ulthera()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("**/*youtube*/**", lambda route: route.abort())
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + "/lifting/ulthera/")

    answer = page.get_by_text("개인에 따라 느낌이 다릅니다.")
    expect(answer).to_be_hidden()
    page.get_by_text("시술 중 아픈가요?").click()
    expect(answer).to_be_visible()

    assert not [url for url in requested if "youtube" in url]
    expect(page.locator("iframe")).to_have_count(0)
    page.get_by_role("link", name="울쎄라 시술 과정").click()
    frame = page.locator("iframe.video__player")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/abc123?autoplay=1"
    )
    expect(page.get_by_role("heading", name="주의사항 및 부작용")).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "treatment-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.goto(live_site.url + "/lifting/ulthera/")
    page.screenshot(path=ARTIFACTS / "treatment-desktop.png", full_page=True)


def test_admin_edit_form_of_a_treatment_is_in_korean(live_site, page):
    ulthera = furnish_ulthera()
    User.objects.create_superuser("editor", "editor@example.com", "pw")
    page.set_viewport_size(DESKTOP)
    page.goto(live_site.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pw")
    page.locator("button[type=submit]").click()
    page.goto(f"{live_site.url}/admin/pages/{ulthera.pk}/edit/")
    for label in (
        "요약",
        "대표 이미지",
        "다른 이름",
        "본문",
        "주의사항 및 부작용",
        "시술 의료진",
        "비급여 진료비용",
    ):
        expect(page.get_by_text(label, exact=True).first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "treatment-admin-edit.png", full_page=True)
