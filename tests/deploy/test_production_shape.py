"""The production shape, started by make prod-local's own script (deploy/prod_local.py): Varnish
→ two gunicorn app servers → PostgreSQL and Redis, plus the scheduler, on loopback.

Pages are kept by Varnish for 5 s here (SHARED_CACHE_SECONDS), so the grace test outlives them.
"""

import http.client
import http.cookies
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from deploy.prod_local import Shape
from tests.medical_ads.conftest import treatment_form

pytestmark = [
    pytest.mark.production_shape,
    pytest.mark.skipif(
        not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()),
        reason="varnishd is not installed (apt-get install varnish; .ci/run installs it)",
    ),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]

TREATMENT = "/lifting/ulthera/"


@pytest.fixture(scope="module")
def shape():
    shape = Shape(
        port=8310,
        database="nbsite_prod_shape_test",
        workdir=Path(__file__).resolve().parents[2] / "var" / "prod-shape-test",
        shared_cache_seconds=5,
    )
    started = time.monotonic()
    shape.start(fresh=True)
    print(f"\nproduction shape up in {time.monotonic() - started:.1f} s")
    yield shape
    shape.stop()


class Response:
    def __init__(self, response):
        self.status = response.status
        self.headers = response.headers
        self.text = response.read().decode("utf-8", "replace")

    def __getitem__(self, name):
        return self.headers.get(name, "")


class Visitor:
    """Requests over plain HTTP, keeping cookies itself (Django marks them Secure in production)."""

    def __init__(self, source="127.0.0.1"):
        self.cookies = {}
        self.source = source

    def request(self, method, url, data=None, headers=None):
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=30, source_address=(self.source, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body=body, headers=headers)
        response = Response(connection.getresponse())
        connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(cookie).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, data):
        return self.request("POST", url, data={**data, "csrfmiddlewaretoken": self.csrf(url)})

    def csrf(self, url):
        return self.cookies.get("csrftoken") or self._fetch_token(url)

    def _fetch_token(self, url):
        self.get(url)
        return self.cookies["csrftoken"]


def sign_in(shape, base):
    """The admin's login form on one app server, as an editor's browser fills it in."""
    editor = Visitor()
    login = editor.get(f"{base}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = editor.request(
        "POST",
        f"{base}/admin/login/",
        data={"username": "admin", "password": shape.admin_password, "csrfmiddlewaretoken": token},
    )
    assert response.status == 302, response.text[:500]
    assert "sessionid" in editor.cookies
    return editor


def page_id(shape, slug):
    out = shape.manage(
        "shell", "-c", f"from wagtail.models import Page; print(Page.objects.get(slug={slug!r}).pk)"
    )
    return int(out.stdout.split()[-1])


def cached(shape, path):
    """Fetches `path` through Varnish until it is a hit."""
    anonymous = Visitor()
    for _ in range(3):
        response = anonymous.get(shape.url + path)
        if response["X-Cache"] == "HIT":
            return response
    raise AssertionError(f"{path} is never kept: {response.status} {response['Cache-Control']}")


def test_a_publish_on_app_server_a_shows_through_varnish_at_once(shape):
    editor = sign_in(shape, shape.app_url(0))
    edit = f"{shape.app_url(0)}/admin/pages/{page_id(shape, 'ulthera')}/edit/"
    assert ">울쎄라 리프팅</a>" not in cached(shape, "/").text
    # Kept, and within its time: without a purge Varnish would serve this copy (or, just past
    # its time, serve it once more from grace while fetching).
    assert "<h1>울쎄라</h1>" in cached(shape, TREATMENT).text
    started = time.monotonic()
    response = editor.post(
        edit, treatment_form(title="울쎄라 리프팅", slug="ulthera", action="action-publish")
    )
    published = time.monotonic()
    assert response.status == 302, response.text[:2000]
    after = Visitor().get(shape.url + TREATMENT)
    seen = time.monotonic()
    print(
        f"\npublish on A: admin answered in {published - started:.2f} s, "
        f"Varnish showed it {seen - published:.3f} s later ({after['X-Cache']})"
    )
    assert "<h1>울쎄라 리프팅</h1>" in after.text and after["X-Cache"] == "MISS"
    # The menu on every other page changed too: the purge banned the whole site.
    assert ">울쎄라 리프팅</a>" in Visitor().get(shape.url + "/").text


def test_a_signed_in_editor_is_never_served_a_cached_page(shape):
    cached(shape, "/")
    editor = sign_in(shape, shape.url)
    for _ in range(2):
        response = editor.get(shape.url + "/")
        assert response.status == 200 and response["X-Cache"] == "MISS"
        assert (
            "private" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"]
        )
        assert "w-userbar" in response.text or "wagtail-userbar" in response.text
    assert cached(shape, "/")["X-Cache"] == "HIT"  # visitors still get the kept copy


def test_a_private_page_is_not_kept(shape):
    visitor = Visitor()
    for _ in range(3):
        hours = visitor.get(shape.url + "/about/hours/")
        assert hours.status == 200 and hours["X-Cache"] == "MISS"
        assert "private" in hours["Cache-Control"]
    out = shape.manage(
        "shell",
        "-c",
        "from wagtail.models import Page, PageViewRestriction\n"
        "page = Page.objects.get(slug='ulthera')\n"
        "PageViewRestriction.objects.create(page=page, restriction_type='password',"
        " password='secret')\n"
        "print(page.url_path)",
    )
    assert out.stdout.split()[-1].endswith("/ulthera/")  # saved, and so purged, in that process
    for _ in range(3):
        restricted = visitor.get(shape.url + TREATMENT)
        assert restricted["X-Cache"] == "MISS" and "울쎄라 리프팅</h1>" not in restricted.text
    shape.manage(
        "shell",
        "-c",
        "from wagtail.models import PageViewRestriction as R; R.objects.all().delete()",
    )


def test_only_localhost_may_purge(shape):
    cached(shape, TREATMENT)
    elsewhere = Visitor(source="127.0.0.2")  # loopback, but not the address the ACL allows
    assert elsewhere.request("PURGE", shape.url + "/").status == 403
    assert elsewhere.request("BAN", shape.url + "/").status == 403
    relayed = Visitor().request("PURGE", shape.url + "/", headers={"X-Forwarded-For": "1.2.3.4"})
    assert relayed.status == 403  # a request relayed by a proxy in front
    assert Visitor().get(shape.url + TREATMENT)["X-Cache"] == "HIT"
    assert Visitor().request("PURGE", shape.url + "/").status == 200
    assert Visitor().get(shape.url + TREATMENT)["X-Cache"] == "MISS"


def test_cached_pages_are_served_while_both_app_servers_are_down(shape):
    home = cached(shape, "/")
    assert ">보톡스</a>" in home.text
    shape.stop_app_servers()
    stopped = time.monotonic()
    try:
        served = []
        while time.monotonic() - stopped < 12:
            response = Visitor().get(shape.url + "/")
            served.append((response.status, response["X-Cache"], int(response["Age"] or 0)))
            assert response.status == 200 and ">보톡스</a>" in response.text, served
            time.sleep(1)
        print(f"\nboth app servers down: {len(served)} requests, (status, cache, age): {served}")
        assert served[-1][2] > shape.shared_cache_seconds  # past its time: served from grace
        assert Visitor().get(shape.url + "/not-cached-anywhere/").status == 503
        # Published while the app servers are down, by a process that does not purge Varnish.
        env = shape.env()
        del env["FRONTEND_CACHE_URL"]
        shape.manage(
            "shell",
            "-c",
            "from treatments.models import TreatmentPage\n"
            "page = TreatmentPage.objects.get(slug='botox')\n"
            "page.title = '보톡스 주사'\n"
            "page.save_revision().publish()\n",
            env=env,
        )
    finally:
        shape.start_app_servers()
    back = time.monotonic()
    while ">보톡스 주사</a>" not in Visitor().get(shape.url + "/").text:
        assert time.monotonic() - back < 30, "fresh content did not come back"
        time.sleep(0.5)
    print(
        f"down for {back - stopped:.1f} s; fresh content through Varnish "
        f"{time.monotonic() - back:.1f} s after the app servers answered again"
    )
