import datetime

import pytest
import time_machine

from django.urls import reverse

from policies.dates import date_rule_errors
from policies.models import PolicyPage

from .conftest import edit_form_data, seoul

pytestmark = pytest.mark.django_db

TODAY = seoul(2026, 11, 24, 15, 0)


def post_edit(client, user, page, **fields):
    client.force_login(user)
    action = fields.pop("action", "action-publish")
    data = edit_form_data(page, action=action, **fields)
    with time_machine.travel(TODAY, tick=False):
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def field_errors(response, name):
    return [str(e) for e in response.context["form"].errors.get(name, [])]


@pytest.mark.parametrize(
    ("announced", "effective", "unfavourable", "field", "message"),
    [
        (
            "2026-11-25",
            "2026-11-24",
            False,
            "effective_on",
            "시행일자는 공고일자보다 빠를 수 없습니다.",
        ),
        (
            "2026-11-24",
            "2026-11-30",
            False,
            "effective_on",
            "공고일자로부터 최소 7일 뒤에 시행해야 합니다. 가장 빠른 시행일자는 2026.12.01입니다.",
        ),
        (
            "2026-11-24",
            "2026-12-20",
            True,
            "effective_on",
            "정보주체에게 불리한 변경은 공고일자로부터 최소 30일 뒤에 시행해야 합니다. 가장 빠른 시행일자는 2026.12.24입니다.",
        ),
        (
            "2026-11-23",
            "2026-12-23",
            False,
            "announced_on",
            "공고일자(2026.11.23)가 이미 지났습니다. 공고는 소급할 수 없으니 오늘(2026.11.24) 이후의 날짜로 정하세요.",
        ),
    ],
)
def test_editor_gets_a_korean_message_on_the_field_and_keeps_the_work(
    client, policy, privacy_manager, announced, effective, unfavourable, field, message
):
    fields = {
        "announced_on": announced,
        "effective_on": effective,
        "change_summary": "편집 중인 요약",
    }
    if unfavourable:
        fields["unfavourable_change"] = "on"
    response = post_edit(client, privacy_manager, policy, **fields)
    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    html = response.content.decode()
    assert message in html
    assert "편집 중인 요약" in html and f'value="{announced}"' in html
    assert PolicyPage.objects.get(pk=policy.pk).revisions.count() == policy.revisions.count()


def test_a_valid_version_is_scheduled_for_midnight_of_its_effective_date(
    client, policy, privacy_manager
):
    response = post_edit(
        client, privacy_manager, policy, announced_on="2026-11-24", effective_on="2026-12-01"
    )
    assert response.status_code == 302
    page = PolicyPage.objects.get(pk=policy.pk)
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == seoul(2026, 12, 1)
    assert page.effective_on == datetime.date(2017, 8, 25)  # the live version is unchanged


def test_seed_version_may_be_saved_as_a_draft_but_not_republished_as_new(
    client, policy, privacy_manager
):
    draft = post_edit(client, privacy_manager, policy, action=None, summary="요약만 고침")
    assert draft.status_code == 302
    assert (
        PolicyPage.objects.get(pk=policy.pk).get_latest_revision_as_object().summary
        == "요약만 고침"
    )
    republish = post_edit(client, privacy_manager, policy)
    assert republish.status_code == 200
    assert field_errors(republish, "announced_on")[0].startswith(
        "공고일자(2017.08.25)가 이미 지났습니다."
    )
    assert field_errors(republish, "effective_on") == []


def test_date_rules_exempt_nothing_by_themselves():
    assert date_rule_errors(datetime.date(2017, 8, 25), datetime.date(2017, 8, 25), False)
    assert date_rule_errors(datetime.date(2026, 1, 1), datetime.date(2026, 1, 8), False) == {}
    assert date_rule_errors(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31), True) == {}
