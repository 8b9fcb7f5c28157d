"""The 마케팅 group made by home's migration: all content but policies."""

import datetime
import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import ClinicSettings
from policies.models import PolicyPage
from tests.factories import marketing_user
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def test_marketing_group_exists_with_admin_images_snippets_and_settings():
    group = Group.objects.get(name="마케팅")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_doctor", "change_doctor", "change_clinicsettings"} <= codenames
    page_permissions = set(group.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_permissions
    collection_permissions = set(
        group.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert {"add_image", "change_image", "choose_image"} <= collection_permissions


def test_marketing_user_can_publish_treatments():
    user = marketing_user()
    assert TreatmentPage.objects.get(slug="ulthera").permissions_for_user(user).can_publish()


def test_a_marketing_user_is_refused_when_publishing_a_policy(client):
    user = marketing_user()
    policy = PolicyPage.objects.get()
    assert not policy.permissions_for_user(user).can_publish()

    client.force_login(user)
    live_revision = policy.live_revision_id
    edit_url = reverse("wagtailadmin_pages:edit", args=[policy.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    assert 'name="action-publish"' not in form.content.decode()
    data = nested_form_data(
        {
            "title": "바뀐 제목",
            "slug": policy.slug,
            "summary": policy.summary,
            "document_title": policy.document_title,
            "announced_on": str(timezone.localdate() + datetime.timedelta(days=1)),
            "effective_on": str(timezone.localdate() + datetime.timedelta(days=40)),
            "change_summary": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(edit_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302  # the form was valid: Wagtail saved a draft instead
    policy.refresh_from_db()
    assert policy.title == "개인정보처리방침" and policy.live_revision_id == live_revision
    assert policy.get_latest_revision().content["title"] == "바뀐 제목"


def test_marketing_user_edits_the_clinic_settings_in_the_admin(client):
    client.force_login(marketing_user())
    site_id = ClinicSettings.for_site(Page.objects.get(depth=2).get_site()).site_id
    response = client.get(reverse("wagtailsettings:edit", args=["home", "clinicsettings", site_id]))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "병원 이름",
        "대표자",
        "사업자등록번호",
        "요일별 진료 시간",
        "휴진 안내",
        "카카오톡 채널 주소",
    ):
        assert label in html, label


def test_marketing_user_manages_doctors_in_the_admin(client):
    client.force_login(marketing_user())
    assert client.get(reverse("wagtailsnippets_home_doctor:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_home_doctor:add"),
        {
            "name": "이엔비",
            "role": "원장",
            "photo": "",
            "specialties": "리프팅",
            "career": "",
            "education": "",
        },
    )
    assert response.status_code == 302
    html = client.get("/about/doctors/").content.decode()
    visible = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    assert visible.count("이엔비") == 1
