"""One lifecycle for every way a policy version is made public: the editor's 게시 button, the
workflow's 승인 (in the editor and on the dashboard), the bulk 게시 action, a revision published
in code, and the scheduler. Each test drives the path as the user takes it."""

import datetime

import pytest
import time_machine

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import WorkflowState

from home.models import NoticePage
from policies.models import PolicyVersion
from tests.utils import visible_text

from .conftest import edit_form_data, publish_in_editor, seoul

pytestmark = pytest.mark.django_db

TODAY = seoul(2026, 11, 24, 10, 0)
NOTICE_TITLE = "개인정보처리방침 개정 안내 (2026.12.01 시행)"


def notice():
    return NoticePage.objects.filter(slug="privacy-20261201").first()


def test_the_publish_button_schedules_the_version_and_announces_it(client, policy, privacy_manager):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(policy, privacy_manager, "2026-11-24", "2026-12-01")
    scheduled = policy.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == seoul(2026, 12, 1)

    announcement = notice()
    assert announcement is not None, "no 공지사항 was created by the 게시 button"
    assert announcement.title == NOTICE_TITLE
    assert announcement.published_on == datetime.date(2026, 11, 24)
    assert announcement.live
    assert announcement.owner == privacy_manager

    with time_machine.travel(seoul(2026, 11, 24, 10, 5), tick=False):
        notices = visible_text(client.get("/notices/").content.decode())
    assert NOTICE_TITLE in notices

    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 30), tick=False):
        call_command("run_scheduler", "--once")
    version = PolicyVersion.objects.get(page=policy, number=2)
    assert (version.published_by, version.published_by_name, version.scheduled) == (
        privacy_manager,
        "정보관리",
        True,
    )


def test_an_announcement_dated_ahead_is_shown_from_midnight_of_that_day(
    client, policy, privacy_manager, page_cache
):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(policy, privacy_manager, "2026-11-26", "2026-12-03")
    announcement = NoticePage.objects.get(slug="privacy-20261203")
    assert announcement.published_on == datetime.date(2026, 11, 26)
    assert not announcement.live
    with time_machine.travel(seoul(2026, 11, 25, 23, 59, 30), tick=False):
        call_command("run_scheduler", "--once")
        assert "개정 안내" not in client.get("/notices/").content.decode()
        assert "개정 예정" not in client.get("/privacy/").content.decode()
    with time_machine.travel(seoul(2026, 11, 26, 0, 0, 20), tick=False):
        call_command("run_scheduler", "--once")
        notices = visible_text(client.get("/notices/").content.decode())
        policy_page = visible_text(client.get("/privacy/").content.decode())
    assert "개인정보처리방침 개정 안내 (2026.12.03 시행)" in notices
    assert "개정 예정" in policy_page and "2026년 12월 3일" in policy_page


def test_approval_of_a_submitted_version_announces_it(client, policy, marketer, privacy_manager):
    client.force_login(marketer)
    with time_machine.travel(TODAY, tick=False):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[policy.pk]),
            edit_form_data(
                policy, action="action-submit", announced_on="2026-11-24", effective_on="2026-12-01"
            ),
        )
        assert notice() is None  # submitting is not announcing
        task_state = WorkflowState.objects.get(
            base_content_type__model="page", object_id=str(policy.pk)
        ).current_task_state
        client.force_login(privacy_manager)
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[policy.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert notice() is not None and notice().title == NOTICE_TITLE
    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 30), tick=False):
        call_command("run_scheduler", "--once")
    version = PolicyVersion.objects.get(page=policy, number=2)
    assert version.published_by == privacy_manager  # who approved, not who submitted
    assert version.scheduled


def save_draft(client, policy, user, announced_on, effective_on):
    client.force_login(user)
    data = edit_form_data(policy, action=None, announced_on=announced_on, effective_on=effective_on)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 302


def bulk_publish(client, policy):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return client.post(f"{url}?id={policy.pk}", {"include_descendants": ""})


def test_bulk_publishing_a_saved_draft_announces_it(client, policy, privacy_manager):
    with time_machine.travel(TODAY, tick=False):
        save_draft(client, policy, privacy_manager, "2026-11-24", "2026-12-01")
        response = bulk_publish(client, policy)
    assert response.status_code == 302
    assert policy.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == seoul(
        2026, 12, 1
    )
    assert notice() is not None


def test_bulk_publishing_a_draft_whose_announcement_has_passed_is_refused(
    client, policy, privacy_manager
):
    with time_machine.travel(TODAY, tick=False):
        save_draft(client, policy, privacy_manager, "2026-11-24", "2026-12-01")
    with time_machine.travel(seoul(2026, 11, 25, 9), tick=False):
        response = bulk_publish(client, policy)
        messages = visible_text(client.get(reverse("wagtailadmin_home")).content.decode())
    assert response.status_code == 302
    assert not policy.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert notice() is None
    assert "공고일자(2026.11.24)가 이미 지났습니다." in messages


def test_a_revision_published_in_code_is_announced_too(policy, privacy_manager):
    draft = policy.get_latest_revision_as_object()
    draft.announced_on = datetime.date(2026, 11, 24)
    draft.effective_on = datetime.date(2026, 12, 1)
    draft.full_clean()
    with time_machine.travel(TODAY, tick=False):
        draft.save_revision(user=privacy_manager).publish(user=privacy_manager)
    assert notice() is not None and notice().owner == privacy_manager


def test_the_scheduled_message_says_when_the_version_takes_effect(policy, privacy_manager):
    with time_machine.travel(TODAY, tick=False):
        response = publish_in_editor(policy, privacy_manager, "2026-11-24", "2026-12-01")
        page = visible_text(response.client.get(response["Location"]).content.decode())
    assert (
        "개인정보처리방침의 새 판이 2026년 12월 1일 0시(서울 시간)에 시행되도록 예약되었습니다."
        in page
    )
    assert "'개인정보처리방침'가" not in page


def test_a_new_version_is_titled_by_the_page_not_the_2017_document(client, policy, privacy_manager):
    assert policy.document_title == "개인정보 취급방침"
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(policy, privacy_manager, "2026-11-24", "2026-12-01")
    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 30), tick=False):
        call_command("run_scheduler", "--once")
        versions = visible_text(client.get("/privacy/versions/").content.decode())
    new = PolicyVersion.objects.get(page=policy, number=2)
    assert new.document_title == ""
    assert PolicyVersion.objects.get(page=policy, number=1).document_title == "개인정보 취급방침"
    assert "개인정보처리방침 변경 이력" in versions
