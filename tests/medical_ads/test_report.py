"""The admin report and check_medical_ads list live pages with findings, worst first."""

import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import marketing_user
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def seed_bad_page():
    """울쎄라 published with a 게시 불가 phrase in its summary; 써마지 with a 경고 only."""
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.summary = "강남 최고의 리프팅, 통증 없는 울쎄라"
    ulthera.save_revision().publish()
    return ulthera


def test_the_shipped_clinic_content_passes(capsys):
    call_command("check_medical_ads")
    out = capsys.readouterr().out
    assert "게시 불가 0건" in out


def test_check_medical_ads_lists_a_bad_page_and_fails(capsys):
    ulthera = seed_bad_page()
    with pytest.raises(CommandError, match="게시 불가 표현 2건"):
        call_command("check_medical_ads")
    out = capsys.readouterr().out
    assert f"울쎄라 ({ulthera.url_path}) — 게시 불가 2건, 경고 0건" in out
    assert "[게시 불가] ‘최고의’ (요약) — 최상급 표현: 최고·최상, 의료법 제56조 제2항" in out
    assert "[게시 불가] ‘통증 없는’ (요약) — 통증 없음 단정" in out


def test_a_warning_alone_does_not_fail_the_command(capsys):
    page = TreatmentPage.objects.get(slug="botox")
    page.summary = "피부과 전문의가 시술합니다."
    page.save_revision().publish()
    call_command("check_medical_ads")
    assert "게시 불가 0건, 경고 1건" in capsys.readouterr().out


def test_the_admin_report_lists_pages_worst_first_with_edit_links(client):
    warned = TreatmentPage.objects.get(slug="botox")
    warned.summary = "피부과 전문의가 시술합니다."
    warned.save_revision().publish()
    ulthera = seed_bad_page()
    client.force_login(marketing_user())
    html = client.get(reverse("medical_ads:report")).content.decode()
    assert "의료광고 검토 보고서" in html
    edit_ulthera = reverse("wagtailadmin_pages:edit", args=[ulthera.pk])
    edit_botox = reverse("wagtailadmin_pages:edit", args=[warned.pk])
    assert html.index(edit_ulthera) < html.index(edit_botox)
    assert "게시 불가: ‘최고의’ (요약)" in html


def test_the_report_is_in_the_reports_menu(client):
    client.force_login(marketing_user())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("medical_ads:report") in html
