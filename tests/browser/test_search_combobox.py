import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_types_arrows_down_and_enters_a_suggestion(live_site, page):
    page.goto(live_site.url + "/")
    box = page.get_by_role("combobox", name="사이트 검색")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("울쎄", delay=30)
    listbox = page.get_by_role("listbox", name="추천 검색 결과")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("울쎄라")
    expect(page.locator("[data-suggest-status]")).to_have_text(re.compile(r"추천 결과 \d+개"))

    box.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))

    box.press("Enter")
    expect(page).to_have_url(live_site.url + "/lifting/ulthera/")
    expect(page.get_by_role("heading", level=1)).to_have_text("울쎄라")


def test_escape_closes_the_suggestions_and_enter_searches(live_site, page):
    page.goto(live_site.url + "/")
    box = page.get_by_role("combobox", name="사이트 검색")
    box.press_sequentially("리프팅", delay=30)
    listbox = page.get_by_role("listbox", name="추천 검색 결과")
    expect(listbox).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=%EB%A6%AC%ED%94%84%ED%8C%85"))
    expect(page.locator(".search-results li").first).to_contain_text("리프팅")
