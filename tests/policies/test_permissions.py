import datetime

import pytest
import time_machine

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState

from policies.models import PolicyPage, PolicyVersion

from .conftest import edit_form_data, seoul

pytestmark = pytest.mark.django_db

TODAY = seoul(2026, 11, 24, 11, 0)


def test_policy_pages_use_the_privacy_approval_workflow(policy):
    assert policy.get_workflow().name == "개인정보처리방침 승인"
    [task] = policy.get_workflow().tasks.specific()
    assert [g.name for g in task.groups.all()] == ["개인정보 관리자"]


def test_marketer_can_publish_other_pages_but_not_a_policy(policy, marketer, privacy_manager):
    treatment = Page.objects.get(url_path="/home/lifting/ulthera/").specific
    assert treatment.permissions_for_user(marketer).can_publish()
    tester = policy.permissions_for_user(marketer)
    assert tester.can_edit() and not tester.can_publish() and not tester.can_unpublish()
    assert tester.can_submit_for_moderation()
    assert policy.permissions_for_user(privacy_manager).can_publish()


def test_marketer_publish_attempt_does_not_publish(client, policy, marketer):
    client.force_login(marketer)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk])).content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page
    with time_machine.travel(TODAY, tick=False):
        client.post(
            reverse("wagtailadmin_pages:edit", args=[policy.pk]),
            edit_form_data(policy, announced_on="2026-11-24", effective_on="2026-12-01"),
        )
    assert not policy.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2017, 8, 25)


def test_submitted_version_is_scheduled_when_a_privacy_manager_approves(
    client, policy, marketer, privacy_manager
):
    client.force_login(marketer)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[policy.pk]),
            edit_form_data(
                policy,
                action="action-submit",
                announced_on="2026-11-24",
                effective_on="2026-12-01",
                change_summary="쿠키 항목을 보완했습니다.",
            ),
        )
        assert response.status_code == 302
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(policy.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        task_state = state.current_task_state
        # The marketer cannot approve their own policy change.
        assert not task_state.task.specific.get_actions(policy, marketer)

        client.force_login(privacy_manager)
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[policy.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
        assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    scheduled = policy.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == seoul(2026, 12, 1)
    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 40), tick=False):
        call_command("run_scheduler", "--once")
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2026, 12, 1)
    version = PolicyVersion.objects.get(page=policy, number=2)
    assert version.change_summary == "쿠키 항목을 보완했습니다."
    assert version.published_by == privacy_manager


def submit_on_time(client, policy, marketer):
    """The marketer submits a version announced today, as the rules allow on the day."""
    client.force_login(marketer)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[policy.pk]),
            edit_form_data(
                policy, action="action-submit", announced_on="2026-11-24", effective_on="2026-12-01"
            ),
        )
    assert response.status_code == 302
    return WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(policy.pk)
    ).current_task_state


def test_approving_in_the_editor_after_the_announcement_date_is_refused(
    client, policy, marketer, privacy_manager
):
    submit_on_time(client, policy, marketer)
    draft = PolicyPage.objects.get(pk=policy.pk).get_latest_revision_as_object()
    client.force_login(privacy_manager)
    data = edit_form_data(draft, action="action-workflow-action")
    data["workflow-action-name"] = "approve"
    with time_machine.travel(seoul(2026, 11, 25, 9), tick=False):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 200
    assert "공고일자(2026.11.24)가 이미 지났습니다." in response.content.decode()
    assert not policy.revisions.filter(approved_go_live_at__isnull=False).exists()


@pytest.mark.parametrize("ajax", [False, True], ids=["form", "dashboard-modal"])
def test_approving_from_the_dashboard_after_the_announcement_date_is_refused(
    client, policy, marketer, privacy_manager, ajax
):
    task_state = submit_on_time(client, policy, marketer)
    client.force_login(privacy_manager)
    edit_url = reverse("wagtailadmin_pages:edit", args=[policy.pk])
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    with time_machine.travel(seoul(2026, 11, 25, 9), tick=False):
        # The dashboard still offers 승인, but no longer the comment form a refusal would lose.
        actions = task_state.task.specific.get_actions(
            Page.objects.get(pk=policy.pk), privacy_manager
        )
        assert [(name, modal) for name, _, modal in actions] == [
            ("reject", True),
            ("approve", False),
        ]
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[policy.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
            **headers,
        )
        if ajax:
            assert response.json()["step"] == "success"
            assert response.json()["redirect"] == edit_url
        else:
            assert response.status_code == 302 and response["Location"] == edit_url
        editor = client.get(edit_url).content.decode()

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not policy.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2017, 8, 25)
    assert "승인 대기 중인 이 판은 지금 승인할 수 없습니다." in editor
    assert "공고일자(2026.11.24)가 이미 지났습니다." in editor
    # What the marketer submitted is still the draft under review.
    draft = PolicyPage.objects.get(pk=policy.pk).get_latest_revision_as_object()
    assert (draft.announced_on, draft.effective_on) == (
        datetime.date(2026, 11, 24),
        datetime.date(2026, 12, 1),
    )


def test_on_the_day_the_dashboard_approval_goes_through_with_a_comment(
    client, policy, marketer, privacy_manager
):
    task_state = submit_on_time(client, policy, marketer)
    client.force_login(privacy_manager)
    with time_machine.travel(seoul(2026, 11, 24, 18), tick=False):
        actions = task_state.task.specific.get_actions(
            Page.objects.get(pk=policy.pk), privacy_manager
        )
        assert [label for _, label, _ in actions] == ["변경 요청", "승인", "의견과 함께 승인"]
        assert (
            "승인할 수 없습니다"
            not in client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk])).content.decode()
        )
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[policy.pk, "approve", task_state.pk]
            ),
            {"comment": "확인했습니다."},
        )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "확인했습니다."
    assert policy.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == seoul(
        2026, 12, 1
    )


def test_reviewer_fixes_the_dates_in_the_editor_and_approves(
    client, policy, marketer, privacy_manager
):
    task_state = submit_on_time(client, policy, marketer)
    draft = PolicyPage.objects.get(pk=policy.pk).get_latest_revision_as_object()
    client.force_login(privacy_manager)
    data = edit_form_data(
        draft, action="action-workflow-action", announced_on="2026-11-25", effective_on="2026-12-02"
    )
    data["workflow-action-name"] = "approve"
    with time_machine.travel(seoul(2026, 11, 25, 9), tick=False):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert policy.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == seoul(
        2026, 12, 2
    )


def test_the_real_marketing_group_cannot_publish_a_policy_either(policy, django_user_model):
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name="마케팅").first()
    if group is None:
        pytest.skip("the 마케팅 group is made by the home app's migrations")
    user = django_user_model.objects.create_user("real-marketer", password="pw")
    user.groups.add(group)
    tester = policy.permissions_for_user(user)
    assert tester.can_edit() and tester.can_submit_for_moderation()
    assert not tester.can_publish() and not tester.can_unpublish() and not tester.can_delete()
