"""Under the Content-Security-Policy, in a real Chromium: an editor logs in, edits, previews, and
visitors browse; the browser reports no violation anywhere."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import User

from policies.models import PolicyPage
from treatments.models import TreatmentPage

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "봄날-레이저-상담실-7"

# Every frame reports its violations to the page (init scripts run in frames too).
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  (window.top.__csp || window.__csp).push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP report and console error kept for the end of the test."""
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(COLLECT)
    page.messages = messages
    return page


def violations(page):
    reported = [m for m in page.messages if "Content Security Policy" in m]
    for frame in page.frames:
        if not frame.is_detached():
            reported += frame.evaluate("window.__csp || []")
    return reported


def test_the_admin_editor_and_preview_work_under_the_policy(live_site, watched):
    page = watched
    User.objects.create_superuser("it", "it@example.com", PASSWORD)
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    policy = PolicyPage.objects.get(slug="privacy")

    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("it")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(live_site.url + "/admin/")

    page.goto(f"{live_site.url}/admin/pages/{ulthera.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(ulthera.title)
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(ulthera.title, timeout=20_000)
    # Wagtail's unsaved-changes check compares the form with a copy it takes 2 s after loading
    # (an edit made sooner is in that copy and never reaches the preview): a person is slower.
    page.wait_for_timeout(2_500)
    page.locator("#id_title").fill("울쎄라 리프팅")
    expect(preview.locator("h1")).to_contain_text("울쎄라 리프팅", timeout=15_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-editor-preview.png"))

    # The policy editor's date pickers are Wagtail's inline scripts.
    page.goto(f"{live_site.url}/admin/pages/{policy.pk}/edit/")
    page.locator("#id_announced_on").click()
    expect(page.locator(".xdsoft_datetimepicker").first).to_be_visible()

    page.goto(f"{live_site.url}/admin/images/")

    # The public site for the signed-in editor (Wagtail's userbar) ...
    page.goto(live_site.url + ulthera.url)
    expect(page.locator("h1")).to_contain_text("울쎄라")
    assert violations(page) == [], violations(page)
    assert not [m for m in page.messages if "Refused" in m], page.messages


def test_visitors_pages_raise_no_violation(live_site, watched):
    page = watched
    for path in ("/", "/lifting/", "/lifting/ulthera/", "/privacy/", "/search/?q=울쎄라"):
        page.goto(live_site.url + path)
        expect(page.locator("main")).to_be_visible()
        # the @font-face stylesheet is allowed: the site's own font is used
        assert page.evaluate("document.fonts.check('16px \"NB Sans\"')")
    page.goto(live_site.url + "/privacy/")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="인쇄").click()
    assert page.evaluate("window.__printed === true")
    page.goto(live_site.url + "/no-such-page/")
    assert violations(page) == [], violations(page)
