"""The 신구대조표 as a visitor reads it: side by side on a desktop, stacked on a phone."""

import pytest
import time_machine
from playwright.sync_api import expect

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from policies.access import ensure_policy_access
from policies.models import PolicyPage
from tests.policies.conftest import publish_in_editor
from tests.utils import seoul

pytestmark = pytest.mark.browser


@pytest.fixture
def two_versions(live_site, django_user_model):
    ensure_policy_access(apps)  # a transactional test starts from an empty database
    user = django_user_model.objects.create_user("privacy", first_name="정보관리")
    user.groups.add(Group.objects.get(name="개인정보 관리자"))
    with time_machine.travel(seoul(2026, 11, 24, 10), tick=False):
        publish_in_editor(PolicyPage.objects.get(slug="privacy"), user, "2026-11-24", "2026-12-01")
    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 30), tick=False):
        call_command("run_scheduler", "--once")
    return live_site


@pytest.mark.parametrize("width", [390, 1280])
def test_changed_articles_are_readable_at_phone_and_desktop_width(two_versions, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(two_versions.url + "/privacy/compare/")
    changed = page.locator("tr.is-changed").first
    old, new = changed.locator("td").nth(0), changed.locator("td").nth(1)
    expect(old).to_contain_text("개인정보")
    expect(new).to_contain_text("고객정보")
    old_box, new_box = old.bounding_box(), new.bounding_box()
    if width < 640:
        # Stacked: the old text above the new, each as wide as the column, each labelled.
        assert old_box["y"] + old_box["height"] <= new_box["y"] + 1
        assert old_box["width"] > 300 and new_box["width"] > 300
        label = old.evaluate("cell => getComputedStyle(cell, '::before').content")
        assert "이전 (2017.08.25 시행)" in label
    else:
        assert abs(old_box["y"] - new_box["y"]) < 1 and new_box["x"] > old_box["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=f"test-artifacts/policy-compare-{width}.png", full_page=True)
