"""Editors preview every page type (Wagtail's preview panel adds the mobile/tablet/desktop sizes)."""

import pytest

from django.urls import reverse

from wagtail.models import Page

from tests.factories import doctor, marketing_user
from tests.treatments.test_admin_editing import treatment_data
from treatments.models import TreatmentFee, TreatmentPage

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/about/",
    "/about/doctors/",
    "/about/hours/",
    "/about/directions/",
    "/about/fees/",
    "/lifting/",
    "/lifting/ulthera/",
    "/notices/",
]


def test_every_clinic_page_type_renders_in_every_preview_mode(client):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.doctors = [doctor(with_photo=True)]
    ulthera.fees = [TreatmentFee(name="울쎄라 100샷", price_min=300000)]
    ulthera.save_revision().publish()
    previewed = set()
    for url in URLS:
        page = Page.find_for_request(client.get(url).wsgi_request, url).specific
        draft = page.get_latest_revision_as_object()
        for mode, _ in page.preview_modes:
            response = draft.make_preview_request(preview_mode=mode)
            assert response.status_code == 200, url
            assert "<h1" in response.render().content.decode(), url
        previewed.add(type(page).__name__)
    assert previewed == {
        "HomePage",
        "ContentPage",
        "DoctorIndexPage",
        "HoursPage",
        "DirectionsPage",
        "FeePage",
        "TreatmentCategoryPage",
        "TreatmentPage",
        "NoticeIndexPage",
    }


def test_marketing_user_previews_an_unsaved_treatment_through_the_admin(client):
    client.force_login(marketing_user())
    lifting = Page.objects.get(slug="lifting")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["treatments", "treatmentpage", lifting.pk]
    )
    data = treatment_data(title="미리보기 시술", slug="preview-treatment")
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    html = client.get(url).content.decode()
    assert "<h1>미리보기 시술</h1>" in html
    assert "주의사항 및 부작용" in html and "약 30분" in html
    assert not TreatmentPage.objects.filter(slug="preview-treatment").exists()
