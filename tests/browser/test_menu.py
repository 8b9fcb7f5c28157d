import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_visitor_on_a_phone_opens_the_menu_and_reaches_a_treatment(live_site, page):
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + "/")
    menu = page.locator("#main-menu")
    expect(menu).to_be_hidden()
    page.get_by_role("button", name="메뉴", exact=True).click()
    expect(menu).to_be_visible()
    nav = page.get_by_role("navigation", name="주 메뉴")
    nav.get_by_role("button", name="리프팅 하위 메뉴").click()
    nav.get_by_role("link", name="울쎄라").click()
    expect(page).to_have_url(live_site.url + "/lifting/ulthera/")
    expect(page.get_by_role("heading", level=1)).to_have_text("울쎄라")


def test_every_section_list_ends_inside_the_open_mega_menu(live_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site.url + "/lifting/ulthera/")
    page.get_by_role("link", name="엔비스페셜", exact=True).hover()
    gaps = page.evaluate(
        """() => {
            const menu = document.querySelector('.main-menu').getBoundingClientRect();
            return [...document.querySelectorAll('.main-menu__pages li:last-child')]
                .map(li => menu.bottom - li.getBoundingClientRect().bottom);
        }"""
    )
    assert gaps and min(gaps) >= 16  # at least 1rem between the last link and the panel's edge
