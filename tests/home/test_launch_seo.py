"""What search engines read: one public address everywhere, and the clinic's facts as JSON-LD.

Settings and the Site record are changed through the admin's own forms; pages are read by an
anonymous visitor with the page cache on, as production serves them.
"""

import json
import re

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Site

from tests.factories import clinic_settings, post_clinic_settings, weekday_hours

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def set_site_address(client, hostname, port):
    site = Site.objects.get(is_default_site=True)
    response = client.post(
        reverse("wagtailsites:edit", args=[site.pk]),
        {
            "hostname": hostname,
            "port": str(port),
            "site_name": site.site_name or "청담엔비의원",
            "root_page": str(site.root_page_id),
            "is_default_site": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_sitemap_canonical_and_social_urls_name_the_same_public_address(admin_client_):
    set_site_address(admin_client_, "www.clinicnb.com", 443)
    visitor = Client()
    sitemap = visitor.get("/sitemap.xml").content.decode()
    assert "<loc>https://www.clinicnb.com/lifting/ulthera/</loc>" in sitemap
    html = visitor.get("/lifting/ulthera/").content.decode()  # Host: testserver
    assert '<link rel="canonical" href="https://www.clinicnb.com/lifting/ulthera/">' in html
    assert '<meta property="og:url" content="https://www.clinicnb.com/lifting/ulthera/">' in html
    assert re.search(r'<meta property="og:image" content="https://www\.clinicnb\.com/media/', html)
    crumbs = next(item for item in json_ld(html) if item["@type"] == "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["item"] == "https://www.clinicnb.com/lifting/ulthera/"
    robots = visitor.get("/robots.txt").content.decode()
    assert "Sitemap: https://www.clinicnb.com/sitemap.xml" in robots


def test_every_sitemap_url_is_a_canonical_url(admin_client_):
    set_site_address(admin_client_, "www.clinicnb.com", 443)
    visitor = Client()
    locations = re.findall(r"<loc>([^<]+)</loc>", visitor.get("/sitemap.xml").content.decode())
    assert len(locations) > 40
    for url in locations[:60:7]:
        path = url.removeprefix("https://www.clinicnb.com")
        html = visitor.get(path).content.decode()
        assert f'<link rel="canonical" href="{url}">' in html, path


def test_clinic_json_ld_has_address_geo_and_hours_split_at_lunch(admin_client_):
    post_clinic_settings(
        admin_client_,
        address="서울특별시 강남구 예시로 1",
        latitude="37.524100",
        longitude="127.045300",
        hours=weekday_hours(),
    )
    html = Client().get("/").content.decode()
    (clinic,) = [item for item in json_ld(html) if item["@type"] == "MedicalClinic"]
    assert clinic["address"]["streetAddress"] == "서울특별시 강남구 예시로 1"
    assert clinic["geo"] == {"@type": "GeoCoordinates", "latitude": 37.5241, "longitude": 127.0453}
    monday = [s for s in clinic["openingHoursSpecification"] if s["dayOfWeek"].endswith("Monday")]
    assert [(s["opens"], s["closes"]) for s in monday] == [("10:00", "13:00"), ("14:00", "19:00")]
    saturday = [s for s in clinic["openingHoursSpecification"] if "Saturday" in s["dayOfWeek"]]
    assert [(s["opens"], s["closes"]) for s in saturday] == [("10:00", "15:00")]
    assert not [s for s in clinic["openingHoursSpecification"] if "Sunday" in s["dayOfWeek"]]


def test_clinic_json_ld_leaves_out_what_the_settings_lack():
    (clinic,) = [
        item
        for item in json_ld(Client().get("/").content.decode())
        if item["@type"] == "MedicalClinic"
    ]
    assert "geo" not in clinic and "openingHoursSpecification" not in clinic
    assert clinic_settings().address == ""
    assert "address" not in clinic


def test_doctors_page_lists_each_doctor_as_a_physician():
    from tests.factories import doctor

    doctor("김엔비", "대표원장", specialties="리프팅")
    doctor("이엔비", "원장")
    items = json_ld(Client().get("/about/doctors/").content.decode())
    assert sorted(item["name"] for item in items if item["@type"] == "Physician") == [
        "김엔비",
        "이엔비",
    ]


def test_search_results_are_not_indexed():
    html = Client().get("/search/?q=리프팅").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="robots"' not in Client().get("/lifting/").content.decode()
