"""The privacy policy's checklist knows the 상담 신청 form: while the form is live, a policy that
does not describe it (items, purpose, retention) gets a warning in the editor."""

import pytest

from django.apps import apps
from django.urls import reverse

from consultations.models import ConsultationPage
from policies.access import ensure_policy_access
from policies.models import PolicyPage
from tests.utils import visible_text

pytestmark = pytest.mark.django_db

WARNING = "홈페이지에서 받는 개인정보인데 본문에 설명이 없는 것이 있습니다."
ITEM = "상담 신청: 수집 항목(이름, 휴대폰 번호, 관심 시술, 희망 연락 시간, 문의 내용)"


@pytest.fixture
def policy():
    ensure_policy_access(apps)
    return PolicyPage.objects.get(slug="privacy")


def editor_text(client, user, page):
    client.force_login(user)
    return visible_text(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )


def with_section(policy, user, body):
    draft = policy.get_latest_revision_as_object()
    draft.body = [
        *draft.body.raw_data,
        {"type": "section", "value": {"number": "", "heading": "상담 신청", "body": body}},
    ]
    draft.save_revision(user=user)


def test_the_2017_policy_is_warned_that_it_does_not_describe_the_form(
    client, policy, privacy_manager
):
    text = editor_text(client, privacy_manager, policy)
    assert WARNING in text and ITEM in text
    assert "보유 기간(신청일로부터 1년)" in text
    assert "필수 기재사항이 모두 들어 있습니다." in text  # the law's own list is still complete


def test_a_policy_that_describes_the_form_gets_no_warning(client, policy, privacy_manager):
    with_section(
        policy,
        privacy_manager,
        "<p>온라인 상담 신청: 이름, 휴대폰 번호, 관심 시술, 희망 연락 시간, 문의 내용(선택)을 "
        "상담 연락과 예약 안내를 위해 받아 신청일로부터 1년 동안 보관합니다.</p>",
    )
    assert WARNING not in editor_text(client, privacy_manager, policy)


def test_no_warning_while_the_form_is_not_live(client, policy, privacy_manager):
    ConsultationPage.objects.get().unpublish()
    assert WARNING not in editor_text(client, privacy_manager, policy)
