"""The browser policies every response carries, on the site, the admin, and in production."""

import json
import os
import re
import subprocess
import sys

import pytest

from django.contrib.auth.models import User

from security.csp import STYLE_BLOCK
from tests.test_settings import REPO, run_check
from treatments.blocks import embed_url

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "SECRET_KEY": "k7Q-production-like-secret-" + "x9Zr2" * 10,
    "ALLOWED_HOSTS": "www.clinicnb.com",
    "DATABASE_URL": "sqlite:///:memory:",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    from django.core.cache import cache

    cache.clear()


def test_public_pages_allow_only_our_own_origin(client, page_cache_on):
    response = client.get("/lifting/ulthera/")
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_public_pages_need_no_inline_style(client, page_cache_on):
    """The @font-face rules come from our own stylesheet, so 'self' is all style-src allows."""
    response = client.get("/")
    html = response.content.decode()
    assert not STYLE_BLOCK.search(html), "a public page inlines a <style> block"
    assert "css/fonts" in html
    assert directives(response)["style-src"] == ["'self'"]


def test_the_json_ld_data_blocks_need_no_script_permission(client, page_cache_on):
    html = client.get("/lifting/ulthera/").content.decode()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert scripts, "the page has inline data blocks"
    assert all('type="application/ld+json"' in attrs for attrs in scripts)


def test_a_cached_copy_carries_the_same_policy(client, page_cache_on):
    first = client.get("/about/")
    again = client.get("/about/")
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again.content == first.content


def test_the_video_players_are_the_only_frames_allowed(client, page_cache_on):
    frames = directives(client.get("/"))["frame-src"]
    for link in ("https://youtu.be/abc123", "https://vimeo.com/76979871"):
        origin = re.match(r"https://[^/]+", embed_url(link)).group(0)
        assert origin in frames
    assert len(frames) == 2


def test_the_admin_policy_adds_only_what_wagtails_inline_scripts_need(client):
    client.force_login(User.objects.create_superuser("it", "it@example.com", "x"))
    csp = directives(client.get("/admin/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]  # the preview frames our own pages
    assert csp["object-src"] == ["'none'"]


def test_permissions_referrer_and_framing_headers(client, page_cache_on):
    response = client.get("/")
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def production_values(*names, **env):
    code = (
        "import json; from nbsite.settings import production as p; "
        f"print(json.dumps({{n: getattr(p, n, None) for n in {list(names)!r}}}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("SECURE_HSTS_SECONDS",)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_sends_hsts_for_a_year_by_default(client, settings):
    values = production_values(
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"
    )
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    for name, value in values.items():
        setattr(settings, name, value)
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_production_hsts_follows_the_environment():
    values = production_values("SECURE_HSTS_SECONDS", SECURE_HSTS_SECONDS="0")
    assert values["SECURE_HSTS_SECONDS"] == 0


def test_check_deploy_has_nothing_to_say_about_production():
    # (the test run's own DJANGO_ALLOW_ASYNC_UNSAFE, for Playwright, is no production setting)
    result = run_check(
        "nbsite.settings.production", "--deploy", DJANGO_ALLOW_ASYNC_UNSAFE="", **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr
