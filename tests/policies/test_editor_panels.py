import pytest

from django.urls import reverse

from wagtail.models import Page

from policies.checklist import REQUIRED_ITEMS, missing_items
from policies.models import PolicyPage
from tests.utils import visible_text

pytestmark = pytest.mark.django_db


def edit_page_text(client, user, page):
    client.force_login(user)
    return visible_text(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )


def test_checklist_warns_about_required_items_missing_from_the_saved_text(
    client, policy, privacy_manager
):
    draft = policy.get_latest_revision_as_object()
    draft.body = [
        {
            "type": "section",
            "value": {"number": "", "heading": "수집 목적", "body": "<p>진료 예약</p>"},
        },
        {
            "type": "section",
            "value": {"number": "", "heading": "파기", "body": "<p>지체 없이 파기합니다.</p>"},
        },
    ]
    draft.save_revision(user=privacy_manager)
    text = edit_page_text(client, privacy_manager, policy)
    assert "본문에서 찾지 못한 것이 있습니다. 게시는 막지 않지만 확인해 주세요." in text
    assert "쿠키 등 자동 수집 장치의 설치·운영 및 거부" in text
    assert "개인정보 보호책임자 연락처" in text
    assert "파기 절차 및 방법" not in text


def test_the_2017_policy_contains_every_required_item(client, policy, privacy_manager):
    assert "필수 기재사항이 모두 들어 있습니다." in edit_page_text(client, privacy_manager, policy)


def test_checklist_matching_ignores_spacing():
    assert "제3자 제공" not in missing_items("개인정보를 제 3자에게 제공하지 않습니다")
    assert len(missing_items("")) == len(REQUIRED_ITEMS)


def test_editor_sees_the_go_live_moment_derived_from_the_effective_date(
    client, policy, privacy_manager
):
    text = edit_page_text(client, privacy_manager, policy)
    assert "이 판의 시행 시각: 2017년 8월 25일 0시(서울 시간)." in text
    assert (
        'name="go_live_at"'
        not in client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk])).content.decode()
    )


def test_a_second_policy_can_be_added_and_previewed_before_it_is_saved(client, policy, admin_user):
    home = Page.objects.get(depth=2)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["policies", "policypage", home.pk])
    assert client.get(url).status_code == 200
    terms = PolicyPage(title="이용약관", slug="terms")
    assert terms.upcoming_version() is None and terms.recorded_versions() == []
