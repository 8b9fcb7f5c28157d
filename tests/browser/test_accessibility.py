"""axe-core (bundled with axe-playwright-python) on every page type, at phone and desktop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "/",
    "content": "/about/philosophy/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "doctors": "/about/doctors/",
    "hours": "/about/hours/",
    "directions": "/about/directions/",
    "fees": "/about/fees/",
    "notices": "/notices/",
    "policy": "/privacy/",
    "policy-archive": "/privacy/versions/",
    "search": "/search/?q=%EB%A6%AC%ED%94%84%ED%8C%85",
    "search-empty": "/search/?q=zzzz",
    "not-found": "/no-such-page/",
}
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_axe_violations_on_any_page_type(live_site, page, axe, width):
    page.set_viewport_size(width)
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(live_site.url + path)
        result = axe.run(page)
        violations = result.response["violations"]
        if violations:
            found[name] = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
            ]
    assert found == {}
