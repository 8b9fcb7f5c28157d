"""The shared cache in front (Varnish, a CDN): what pages tell it, and the purges Wagtail's
frontend_cache sends it, received by a real HTTP listener standing in for Varnish."""

import http.server
import logging
import socket
import threading
import time

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Site

from tests.factories import post_clinic_settings
from tests.medical_ads.conftest import treatment_form
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


class FrontCache(http.server.ThreadingHTTPServer):
    """Records every purge it is sent as (method, Host, path)."""

    def __init__(self):
        self.received = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self):
                server.received.append((self.command, self.headers["Host"], self.path))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PURGE = do_BAN = answer

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


def point_purges_at(settings, port):
    """The settings' own purge backend (FRONTEND_CACHE_URL), sent to this port."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {**settings.FRONTEND_CACHE_BACKEND, "LOCATION": f"http://127.0.0.1:{port}"}
    }


@pytest.fixture
def front_cache(settings):
    server = FrontCache()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    point_purges_at(settings, server.server_address[1])
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def editor(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("front", "f@example.com", "pw"))
    return client


def site_root_purge():
    site = Site.objects.get(is_default_site=True)
    host = site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"
    return ("PURGE", host, "/")


def test_publishing_in_the_admin_purges_the_whole_site_after_the_commit(
    front_cache, editor, django_capture_on_commit_callbacks
):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    form = treatment_form(title="울쎄라 리프팅", slug="ulthera", action="action-publish")
    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        response = editor.post(reverse("wagtailadmin_pages:edit", args=[ulthera.pk]), form)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert site_root_purge() not in front_cache.received  # not before the commit
    for callback in on_commit:
        callback()
    assert TreatmentPage.objects.get(pk=ulthera.pk).title == "울쎄라 리프팅"
    assert site_root_purge() in front_cache.received
    # Wagtail's own handler purges the page's URL as well (Varnish bans the host for either).
    assert ("PURGE", site_root_purge()[1], "/lifting/ulthera/") in front_cache.received


def test_unpublishing_in_the_admin_purges(front_cache, editor, django_capture_on_commit_callbacks):
    botox = TreatmentPage.objects.get(slug="botox")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("wagtailadmin_pages:unpublish", args=[botox.pk]))
    assert response.status_code == 302
    assert site_root_purge() in front_cache.received


def test_saving_the_clinic_settings_purges(front_cache, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_clinic_settings(editor, phone="02-000-0000")
    assert front_cache.received == [site_root_purge()]


def test_without_a_front_cache_nothing_is_sent(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as on_commit:
        post_clinic_settings(editor, phone="02-000-0000")
    assert on_commit  # the purge ran, and found no WAGTAILFRONTENDCACHE to send to


def test_anonymous_pages_let_shared_caches_keep_them(client, page_cache, settings):
    settings.SHARED_CACHE_SECONDS = 3600
    for response in (client.get("/lifting/ulthera/"), client.get("/lifting/ulthera/")):
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage=3600" in cache_control
        assert "max-age=0" in cache_control and "Expires" not in response
    assert response["X-Page-Cache"] == "hit"


def test_signed_in_editors_pages_are_private(editor, page_cache):
    response = editor.get("/lifting/ulthera/")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]


def test_a_views_own_private_header_is_obeyed_every_time(client, page_cache):
    for _ in range(2):
        response = client.get("/about/hours/")
        assert (
            "private" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"]
        )
        assert "X-Page-Cache" not in response
    consultation = client.get("/consultation/")
    assert "no-store" in consultation["Cache-Control"]
    assert "public" not in consultation["Cache-Control"]


def test_making_a_page_private_in_the_admin_purges_every_cache(
    client, page_cache, front_cache, editor, django_capture_on_commit_callbacks
):
    assert "<h1>울쎄라</h1>" in client.get("/lifting/ulthera/").content.decode()
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:set_privacy", args=[ulthera.pk]),
            {"restriction_type": "password", "password": "secret-word"},
        )
    assert response.status_code == 200 and ulthera.get_view_restrictions().exists()
    assert site_root_purge() in front_cache.received
    restricted = client.get("/lifting/ulthera/")
    assert "<h1>울쎄라</h1>" not in restricted.content.decode()
    assert "s-maxage" not in restricted.get("Cache-Control", "")


def test_a_front_cache_that_never_answers_does_not_hold_the_publish(
    settings, editor, django_capture_on_commit_callbacks, caplog
):
    """Varnish hung (it takes the connection, answers nothing): the editor's 게시 still returns
    within seconds, the page is published, and the failed purge is logged."""
    silent = socket.create_server(("127.0.0.1", 0))
    point_purges_at(settings, silent.getsockname()[1])
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    form = treatment_form(title="울쎄라 리프팅", slug="ulthera", action="action-publish")
    started = time.monotonic()
    try:
        with (
            caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = editor.post(reverse("wagtailadmin_pages:edit", args=[ulthera.pk]), form)
    finally:
        silent.close()
    assert time.monotonic() - started < settings.FRONTEND_CACHE_BACKEND["TIMEOUT"] * 3 + 5
    assert response.status_code == 302
    assert TreatmentPage.objects.get(pk=ulthera.pk).title == "울쎄라 리프팅"
    assert "Couldn't purge" in caplog.text
