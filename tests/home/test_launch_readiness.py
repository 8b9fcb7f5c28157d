"""사이트 공개 준비: the dashboard panel and `check_launch` list what a real launch still needs.

The shipped content lacks the clinic's real facts; an editor fills them through the admin's own
forms (settings, site, 의료진, a treatment's prices) until the command exits 0.
"""

import io
import re

import pytest

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.launch import is_development_host
from tests.factories import marketing_user, post_clinic_settings, weekday_hours
from tests.utils import visible_text
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketer():
    client = Client()
    client.force_login(marketing_user())
    return client


@pytest.fixture
def superuser(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def panel_text(client):
    html = client.get("/admin/").content.decode()
    start = html.index('id="launch-readiness')
    return html, visible_text(html[start : html.index("</table>", start)])


def run_check():
    out = io.StringIO()
    try:
        call_command("check_launch", stdout=out)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue()


def test_dashboard_lists_what_the_shipped_content_still_needs(marketer):
    html, text = panel_text(marketer)
    assert "사이트 공개 준비" in html
    assert "공개 전에 꼭 채워야 할 항목이 7개 남았습니다" in text
    for label in ("사이트 주소(도메인)", "주소", "진료 시간", "사업자 정보", "의료진"):
        assert label in text
    assert "개발용 주소(http://localhost)" in text
    assert "개인정보 보호책임자" in text and "비급여 진료비용(가격)" in text
    assert "리프팅: 9개 중 9개" in text  # drawn pictures counted per section
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk])
    assert f'href="{settings_url}"' in html
    assert f'href="{reverse("wagtailsites:edit", args=[site.pk])}"' in html
    assert f'href="{reverse("wagtailsnippets_home_doctor:list")}"' in html


def test_the_panel_is_for_those_who_can_fix_it(django_user_model):
    client = Client()
    reader = django_user_model.objects.create_user("reader", password="pw")
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert "사이트 공개 준비" not in client.get("/admin/").content.decode()


def test_check_launch_exits_non_zero_while_something_required_is_missing():
    code, out = run_check()
    assert code == 1
    assert "[빠짐] 주소 (필수)" in out
    assert "/admin/settings/home/clinicsettings/" in out
    assert "필수 항목 7개가 남았습니다" in out


def test_filling_everything_through_the_admin_makes_the_check_pass(marketer, superuser):
    post_clinic_settings(
        marketer,
        address="서울특별시 강남구 예시로 1, 3층",
        representative="홍길동",
        business_number="123-45-67890",
        medical_subjects="피부과",
        privacy_officer="김수영",
        privacy_officer_contact="02-543-5856",
        hours=weekday_hours(),
    )
    response = marketer.post(
        reverse("wagtailsnippets_home_doctor:add"),
        {
            "name": "김엔비",
            "role": "대표원장",
            "photo": "",
            "specialties": "",
            "career": "",
            "education": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    fee = {
        "name": "울쎄라 300샷",
        "code": "",
        "price_min": "990000",
        "price_max": "",
        "included": "",
        "note": "",
    }
    data = nested_form_data(
        {
            "title": "울쎄라",
            "slug": "ulthera",
            "summary": ulthera.summary,
            "menu_label": "",
            "image": str(ulthera.image_id),
            "alternative_names": ulthera.alternative_names,
            "body": streamfield([]),
            "precautions": rich_text(ulthera.precautions),
            "show_in_menus": "on",
            "fees": inline_formset([fee]),
        }
    )
    response = marketer.post(
        reverse("wagtailadmin_pages:edit", args=[ulthera.pk]), {**data, "action-publish": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    code, out = run_check()
    assert code == 1 and "[빠짐] 사이트 주소(도메인)" in out
    site = Site.objects.get(is_default_site=True)
    response = superuser.post(
        reverse("wagtailsites:edit", args=[site.pk]),
        {
            "hostname": "www.clinicnb.com",
            "port": "443",
            "site_name": "청담엔비의원",
            "root_page": str(site.root_page_id),
            "is_default_site": "on",
        },
    )
    assert response.status_code == 302
    code, out = run_check()
    assert code == 0, out
    assert "필수 항목을 모두 채웠습니다" in out
    assert "[확인] 비급여 진료비용(가격) (필수): 시술 40개 중 39개에 가격이 없습니다." in out
    _, text = panel_text(marketer)
    assert "꼭 필요한 항목은 모두 채웠습니다" in text


@pytest.mark.parametrize(
    ("hostname", "development"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("nbsite.local", True),
        ("staging", True),
        ("www.clinicnb.com", False),
        ("clinicnb.com", False),
    ],
)
def test_development_hostnames_are_recognised(hostname, development):
    assert is_development_host(hostname) is development


def test_public_pages_never_say_a_fact_is_being_prepared(client):
    for url in ("/", "/about/doctors/", "/about/hours/", "/about/directions/", "/lifting/ulthera/"):
        text = visible_text(client.get(url).content.decode())
        assert "준비하고 있습니다" not in text, url
        assert "문의해 주세요" not in text, url
        assert re.search(r"02-543-5856", text), url
