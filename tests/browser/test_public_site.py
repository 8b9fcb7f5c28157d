"""The public site in a real Chromium at phone and desktop widths: menus, accordion, sticky bar."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from home.models import Doctor
from treatments.models import TreatmentPage

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_phone_drawer_is_keyboard_operable(live_site, page):
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + "/")
    toggle = page.get_by_role("button", name="메뉴", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    drawer = page.get_by_role("navigation", name="주 메뉴")
    expect(drawer).to_be_visible()
    expect(drawer.get_by_role("link", name="엔비소개", exact=True)).to_be_focused()
    expand = drawer.get_by_role("button", name="리프팅 하위 메뉴")
    expect(drawer.get_by_role("link", name="울쎄라")).to_be_hidden()
    expand.focus()
    page.keyboard.press("Enter")
    expect(expand).to_have_attribute("aria-expanded", "true")
    ulthera = drawer.get_by_role("link", name="울쎄라")
    expect(ulthera).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(expand).to_have_attribute(
        "aria-expanded", "true"
    )  # the drawer remembers the open section
    drawer.get_by_role("link", name="울쎄라").click()
    expect(page).to_have_url(live_site.url + "/lifting/ulthera/")


def test_desktop_mega_menu_opens_on_hover_and_on_focus(live_site, page):
    page.set_viewport_size(DESKTOP)
    page.goto(live_site.url + "/privacy/")
    nav = page.get_by_role("navigation", name="주 메뉴")
    expect(page.get_by_role("button", name="메뉴", exact=True)).to_be_hidden()
    thread = nav.get_by_role("link", name="실리프팅", exact=True)
    hair = nav.get_by_role("link", name="모발이식")
    expect(thread).to_be_hidden()
    nav.get_by_role("link", name="리프팅", exact=True).hover()
    expect(thread).to_be_visible()
    expect(hair).to_be_visible()  # every section's pages at once
    page.mouse.move(5, 800)
    expect(thread).to_be_hidden()
    nav.get_by_role("link", name="엔비소개", exact=True).focus()
    expect(thread).to_be_visible()
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="엔비철학")).to_be_focused()
    page.keyboard.press("Escape")
    expect(thread).to_be_hidden()
    expect(nav.get_by_role("link", name="엔비소개", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(thread).to_be_visible()
    thread.click()
    expect(page).to_have_url(live_site.url + "/lifting/thread-lifting/")


def test_faq_accordion_opens_and_closes(live_site, page):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.body.append(
        (
            "faq",
            {
                "heading": "자주 묻는 질문",
                "items": [
                    {
                        "question": "시술 시간은 얼마나 걸리나요?",
                        "answer": "<p>부위에 따라 다릅니다.</p>",
                    }
                ],
            },
        )
    )
    ulthera.save_revision().publish()
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + "/lifting/ulthera/")
    question = page.get_by_text("시술 시간은 얼마나 걸리나요?")
    answer = page.get_by_text("부위에 따라 다릅니다.")
    expect(answer).to_be_hidden()
    question.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    question.click()
    expect(answer).to_be_hidden()


def test_sticky_bar_on_phones_only(live_site, page):
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + "/lifting/ulthera/")
    bar = page.get_by_role("navigation", name="빠른 상담")
    expect(bar).to_be_visible()
    expect(bar.get_by_role("link", name="전화")).to_have_attribute("href", "tel:02-543-5856")
    bar.get_by_role("link", name="오시는길").click()
    expect(page).to_have_url(live_site.url + "/about/directions/")
    page.set_viewport_size(DESKTOP)
    expect(bar).to_be_hidden()


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshots_of_home_treatment_and_policy(live_site, page, width):
    doctor = Doctor.objects.create(name="김엔비", role="대표원장")
    TreatmentPage.objects.get(slug="ulthera").doctors.add(doctor)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size(width)
    name = "phone" if width is PHONE else "desktop"
    for slug, path in [("home", "/"), ("treatment", "/lifting/ulthera/"), ("policy", "/privacy/")]:
        response = page.goto(live_site.url + path)
        assert response.status == 200
        page.evaluate("document.fonts.ready")
        shot = ARTIFACTS / f"{slug}-{name}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 10_000
