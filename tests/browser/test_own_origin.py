"""No request leaves our origin: the browser's own request log, on the public site and in the
admin (dashboard with avatars, the page editor with its StreamField, images, settings)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PUBLIC = [
    "/",
    "/lifting/",
    "/lifting/ulthera/",
    "/about/doctors/",
    "/about/directions/",
    "/privacy/",
]
PHONE = {"width": 390, "height": 844}


def outside_requests(page, origin, visit):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    visit()
    page.wait_for_load_state("networkidle")
    return sorted(
        {
            url
            for url in seen
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and not url.startswith(origin)
        }
    )


def test_public_pages_load_nothing_from_elsewhere(live_site, page):
    page.set_viewport_size(PHONE)

    def visit():
        for path in PUBLIC:
            page.goto(live_site.url + path)
            page.wait_for_load_state("networkidle")

    assert outside_requests(page, live_site.url, visit) == []


def test_the_admin_loads_nothing_from_elsewhere_and_speaks_korean(
    live_site, page, django_user_model
):
    from treatments.models import TreatmentPage

    django_user_model.objects.create_superuser("boss", "boss@example.com", "비밀-2026")
    ulthera = TreatmentPage.objects.get(slug="ulthera")

    def visit():
        page.goto(live_site.url + "/admin/login/")
        page.locator("#id_username").fill("boss")
        page.locator("#id_password").fill("비밀-2026")
        page.locator("form button[type=submit]").click()
        expect(page).to_have_url(live_site.url + "/admin/")
        expect(page.get_by_role("heading", name="사이트 공개 준비")).to_be_visible()
        for path in (
            f"/admin/pages/{ulthera.pk}/edit/",
            "/admin/images/",
            "/admin/images/multiple/add/",
        ):
            page.goto(live_site.url + path)
            page.wait_for_load_state("networkidle")

    assert outside_requests(page, live_site.url, visit) == []
    page.goto(f"{live_site.url}/admin/pages/{ulthera.pk}/edit/")
    expect(page.get_by_role("button", name="블록 넣기").first).to_be_attached()
    expect(page.get_by_text("Insert a block")).to_have_count(0)
    avatar = page.locator(".avatar img").first
    expect(avatar).to_have_attribute("src", re.compile(r"^/static/"))
