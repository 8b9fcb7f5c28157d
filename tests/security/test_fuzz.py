"""The fuzz list: malformed requests of every kind a scanner or a bad day sends, against the site
with the page cache on, the production proxy setting and the real login throttle. None may be a
server error. Each case is one request; the list is kept here so a regression names its case."""

import itertools

import pytest

from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "'",
    '"',
    "\\",
    "%",
    "%%",
    "%00",
    "%ff%fe",
    "%ed%a0%80",  # an encoded UTF-16 surrogate
    "%c0%ae%c0%ae%2f",  # overlong UTF-8 dots
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page",
    '울쎄라 AND NOT OR NEAR(a b) * ^ " :',
    "😀" * 50,
    "a" * 5000,
    "${jndi:ldap://x}",
    "{{7*7}}",
    "../../../../etc/passwd",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "2026-13-45",
    "0000-00-00",
    "9999-12-31T25:61:61",
    "upcoming",
    "\u202e\u0000\u200b",
    "[]",
]

PATHS = [
    "/%00",
    "/..%2f..%2fetc%2fpasswd",
    "/lifting/ulthera/%ff",
    "/lifting//ulthera/",
    "/lifting/ulthera/../../admin/",
    "/" + "a/" * 300,
    "/" + "가" * 2000 + "/",
    "/privacy/versions/0/",
    "/privacy/versions/99999999999999999999999/",
    "/privacy/versions/-1/",
    "/privacy/versions/abc/",
    "/privacy/upcoming/",
    "/privacy/upcoming/extra/",
    "/documents/999999/x.pdf",
    "/documents/abc/",
    "/static/../nbsite/settings/base.py",
    "/media/../../db.sqlite3",
    "/admin/pages/999999/edit/",
    "/admin/images/999999/",
    "/sitemap.xml?p=-1",
    "/sitemap.xml?p=99999",
    "/notices/rss.xml?%ff=1",
    "/robots.txt/extra",
    "/favicon.ico?x=%00",
    "/.env",
    "/wp-login.php",
    "/.git/config",
    "/cgi-bin/%2e%2e/%2e%2e/bin/sh",
    "/search/suggest/?q[]=a&q[]=b",
    "/admin/login/?next=javascript:alert(1)",
]

HEADERS = [
    {"HTTP_X_FORWARDED_FOR": "not-an-ip"},
    {"HTTP_X_FORWARDED_FOR": ", , ,"},
    {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 999.999.999.999"},
    {"HTTP_X_FORWARDED_FOR": "::ffff:1.2.3.4, 2001:db8::1"},
    {"HTTP_X_FORWARDED_FOR": "x" * 5000},
    {"HTTP_X_FORWARDED_PROTO": "gopher"},
    {"HTTP_ACCEPT_LANGUAGE": "xx-YY;q=abc, *;q=-1, " + "en," * 500},
    {"HTTP_ACCEPT": "*/*;q=NaN, text/html;level=%00"},
    {"HTTP_COOKIE": "sessionid=garbage; csrftoken=%00%ff"},
    {"HTTP_COOKIE": "sessionid=" + "a" * 4000},
    {"HTTP_COOKIE": "=; ;;; =x"},
    {"HTTP_IF_NONE_MATCH": '"unterminated'},
    {"HTTP_IF_NONE_MATCH": "W/" * 100},
    {"HTTP_IF_MODIFIED_SINCE": "yesterday at noon"},
    {"HTTP_IF_MODIFIED_SINCE": "Sun, 99 Foo 99999 99:99:99 GMT"},
    {"HTTP_RANGE": "bytes=-1-2,3-"},
    {"HTTP_USER_AGENT": "\x00" + "Mozilla" * 2000},
    {"HTTP_REFERER": "javascript:alert(1)"},
    {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
    {"HTTP_CONTENT_TYPE": "multipart/form-data; boundary="},
]

PAGES = ["/", "/lifting/ulthera/", "/privacy/", "/notices/", "/search/"]


def cases():
    """(label, method, path, data, extra) for every request of the list."""
    for value in NASTY:
        yield f"search q={value[:20]!r}", "get", "/search/", {"q": value}, {}
        yield f"search page={value[:20]!r}", "get", "/search/", {"q": "울쎄라", "page": value}, {}
        yield f"suggest q={value[:20]!r}", "get", "/search/suggest/", {"q": value}, {}
        yield (
            f"compare from={value[:20]!r}",
            "get",
            "/privacy/compare/",
            {"from": value, "to": value},
            {},
        )
        yield f"notices page={value[:20]!r}", "get", "/notices/", {"page": value}, {}
        yield (
            f"login username={value[:20]!r}",
            "post",
            "/admin/login/",
            {"username": value, "password": value, "next": value},
            {},
        )
    for path in PATHS:
        yield f"path {path[:40]}", "get", path, None, {}
    for header, page in itertools.product(HEADERS, PAGES[:2]):
        yield f"header {next(iter(header))} on {page}", "get", page, None, header
    for method, page in itertools.product(["put", "delete", "patch", "options", "trace"], PAGES):
        yield f"{method.upper()} {page}", method, page, None, {}
    for page in [*PAGES, "/admin/login/"]:
        yield f"POST without CSRF {page}", "post", page, {"q": "x"}, {"enforce_csrf": True}
    yield (
        "login JSON body",
        "post",
        "/admin/login/",
        "{not json",
        {"content_type": "application/json"},
    )
    yield (
        "login non-UTF-8 form",
        "post",
        "/admin/login/",
        b"username=\xff\xfe&password=\xc0",
        {"content_type": "application/x-www-form-urlencoded"},
    )
    yield (
        "login broken multipart",
        "post",
        "/admin/login/",
        b"--x\r\nContent-Disposition: form-data; name=\r\n\r\n",
        {"content_type": "multipart/form-data; boundary=x"},
    )
    yield "login many fields", "post", "/admin/login/", {f"f{n}": "x" for n in range(2000)}, {}


CASES = list(cases())


def test_the_list_is_long_enough():
    assert len(CASES) >= 200, len(CASES)


def test_no_malformed_request_is_a_server_error(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.raise_request_exception = False
    errors = []
    for label, method, path, data, extra in CASES:
        kwargs = dict(extra)
        call = getattr(strict if kwargs.pop("enforce_csrf", False) else client, method)
        if data is not None:
            kwargs["data"] = data
        response = call(path, **kwargs)
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {label}")
    assert not errors, "\n".join(errors)
