import json
import re

import pytest

from wagtail.models import Site

from home.models import ClinicSettings, Doctor
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

PAGE_URLS = [
    "/",
    "/lifting/",
    "/lifting/ulthera/",
    "/privacy/",
    "/about/doctors/",
    "/about/hours/",
    "/notices/",
]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def by_type(items, kind):
    return [item for item in items if item["@type"] == kind]


@pytest.mark.parametrize("url", PAGE_URLS)
def test_every_page_has_valid_json_ld_with_the_clinic(client, url):
    items = json_ld(client.get(url).content.decode())
    assert items, url
    for item in items:
        assert item["@context"] == "https://schema.org"
    (clinic,) = by_type(items, "MedicalClinic")
    assert clinic["name"] == "청담엔비의원"
    assert clinic["telephone"] == "02-543-5856"


def test_clinic_json_ld_follows_the_settings(client):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.address = "서울특별시 강남구 테스트로 1"
    clinic.hours = [
        (
            "day",
            {
                "weekday": "0",
                "opens": "10:00",
                "closes": "19:00",
                "lunch_starts": None,
                "lunch_ends": None,
                "closed": False,
                "note": "",
            },
        ),
    ]
    clinic.save()
    (data,) = by_type(json_ld(client.get("/").content.decode()), "MedicalClinic")
    assert data["address"]["streetAddress"] == "서울특별시 강남구 테스트로 1"
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "10:00",
            "closes": "19:00",
        }
    ]


def test_inner_pages_have_breadcrumbs_json_ld(client):
    (crumbs,) = by_type(json_ld(client.get("/lifting/ulthera/").content.decode()), "BreadcrumbList")
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["홈", "리프팅", "울쎄라"]
    assert (
        crumbs["itemListElement"][-1]["item"] == "http://localhost/lifting/ulthera/"
    )  # the Site record
    assert not by_type(json_ld(client.get("/").content.decode()), "BreadcrumbList")


def test_treatment_json_ld_has_the_procedure_its_faq_and_its_doctors(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    doctor = Doctor.objects.create(name="김엔비", role="대표원장", specialties="리프팅, 색소")
    ulthera.doctors.add(doctor)
    ulthera.body.append(
        (
            "faq",
            {
                "heading": "자주 묻는 질문",
                "items": [{"question": "아픈가요?", "answer": "<p>개인마다 <b>다릅니다</b>.</p>"}],
            },
        )
    )
    ulthera.save_revision().publish()
    items = json_ld(client.get("/lifting/ulthera/").content.decode())
    (procedure,) = by_type(items, "MedicalProcedure")
    assert procedure["name"] == "울쎄라" and procedure["description"] == ulthera.summary
    (faq,) = by_type(items, "FAQPage")
    assert faq["mainEntity"][0]["name"] == "아픈가요?"
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "개인마다 다릅니다."
    (physician,) = by_type(items, "Physician")
    assert physician["name"] == "김엔비" and physician["knowsAbout"] == ["리프팅", "색소"]


def test_json_ld_cannot_be_closed_by_page_text(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.summary = "</script><script>alert(1)</script>"
    ulthera.save_revision().publish()
    html = client.get("/lifting/ulthera/").content.decode()
    assert "<script>alert(1)" not in html
    (procedure,) = by_type(json_ld(html), "MedicalProcedure")
    assert procedure["description"] == "</script><script>alert(1)</script>"


def test_social_and_search_meta_tags(client):
    html = client.get("/lifting/ulthera/").content.decode()
    assert '<link rel="canonical" href="http://localhost/lifting/ulthera/">' in html
    assert '<meta property="og:title" content="울쎄라">' in html
    assert '<meta property="og:locale" content="ko_KR">' in html
    assert re.search(
        r'<meta property="og:image" content="http://localhost/media/images/[^"]+\.jpg">', html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    assert f'<meta name="description" content="{ulthera.summary}">' in html


def test_seo_title_and_description_fields_win_over_title_and_summary(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.seo_title = "울쎄라 리프팅 | 청담 피부과"
    ulthera.search_description = "검색엔진용 설명"
    ulthera.save_revision().publish()
    html = client.get("/lifting/ulthera/").content.decode()
    assert "<title>울쎄라 리프팅 | 청담 피부과 | 청담엔비의원</title>" in html
    assert '<meta name="description" content="검색엔진용 설명">' in html
    assert '<meta property="og:title" content="울쎄라 리프팅 | 청담 피부과">' in html


@pytest.mark.parametrize(
    "url", ["/", "/lifting/", "/lifting/ulthera/", "/about/doctors/", "/about/hours/"]
)
def test_pictures_are_not_redrawn_on_later_requests(client, url):
    from unittest import mock

    from home.models import ClinicImage

    client.get(url)
    with mock.patch.object(ClinicImage, "create_rendition", autospec=True) as create:
        assert client.get(url).status_code == 200
    assert create.call_count == 0, f"{url} re-created {create.call_count} renditions"
