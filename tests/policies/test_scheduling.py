import datetime

import pytest
import time_machine

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

from policies.models import PolicyPage, PolicyVersion
from tests.utils import visible_text

from .conftest import publish_in_editor, seoul

pytestmark = pytest.mark.django_db

TODAY = seoul(2026, 11, 24, 10, 0)


def test_seed_version_is_on_record_as_the_first_version(policy):
    version = PolicyVersion.objects.get(page=policy)
    assert (version.number, version.effective_on) == (1, datetime.date(2017, 8, 25))
    assert version.sections[1]["heading"] == "개인정보의 수집 및 이용목적"


def test_scheduled_version_goes_live_at_midnight_seoul_time(client, policy, privacy_manager):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 24), datetime.date(2026, 12, 1)
        )
    revision = policy.revisions.get(approved_go_live_at__isnull=False)
    assert revision.approved_go_live_at == seoul(2026, 12, 1, 0, 0)
    with time_machine.travel(seoul(2026, 11, 30, 23, 59, 30), tick=False):
        call_command("run_scheduler", "--once")
        text = visible_text(client.get("/privacy/").content.decode())
        assert "시행일자 : 2017년 08월 25일" in text
        assert "개정 예정" in text and "2026년 12월 1일" in text
    assert PolicyVersion.objects.filter(page=policy).count() == 1

    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 30), tick=False):
        call_command("run_scheduler", "--once")
        text = visible_text(client.get("/privacy/").content.decode())
    assert "시행일자 : 2026년 12월 01일" in text
    assert "고객정보" in text
    assert "개정 예정" not in text
    versions = PolicyVersion.objects.filter(page=policy).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    new = versions[1]
    assert (new.effective_on, new.published_by, new.scheduled) == (
        datetime.date(2026, 12, 1),
        privacy_manager,
        True,
    )
    assert new.published_at == seoul(2026, 12, 1, 0, 0, 30)
    notices = client.get("/notices/").content.decode()
    assert "개인정보처리방침 개정 안내 (2026.12.01 시행)" in notices


def test_nothing_of_an_upcoming_version_is_public_before_its_announcement(
    client, policy, privacy_manager
):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 26), datetime.date(2026, 12, 3)
        )
    with time_machine.travel(seoul(2026, 11, 25, 23, 0), tick=False):
        call_command("run_scheduler", "--once")
        assert "개정 예정" not in client.get("/privacy/").content.decode()
        assert client.get("/privacy/upcoming/").status_code == 404
        assert "개정 안내" not in client.get("/notices/").content.decode()
    with time_machine.travel(seoul(2026, 11, 26, 0, 0, 20), tick=False):
        call_command("run_scheduler", "--once")
        html = client.get("/privacy/").content.decode()
        assert "개정 예정" in html and "보유 기간을 명확히 했습니다." in html
        upcoming = visible_text(client.get("/privacy/upcoming/").content.decode())
        assert "고객정보" in upcoming and "시행일자 : 2026년 12월 03일" in upcoming
        notices = visible_text(client.get("/notices/").content.decode())
        assert "개인정보처리방침 개정 안내 (2026.12.03 시행)" in notices
        assert "2026.11.26" in notices or "2026년 11월 26일" in notices or "2026-11-26" in notices


def test_archive_lists_every_version_with_its_period(client, policy, privacy_manager):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 24), datetime.date(2026, 12, 2)
        )
    with time_machine.travel(seoul(2026, 12, 2, 0, 1), tick=False):
        call_command("run_scheduler", "--once")
        text = visible_text(client.get("/privacy/versions/").content.decode())
        assert "2017.08.25 ~ 2026.12.01 적용" in text
        assert "2026.12.02 ~ 현재 적용 중" in text
        old = visible_text(client.get("/privacy/versions/1/").content.decode())
        assert "시행일자 : 2017년 08월 25일" in old and "고객정보" not in old
        new = visible_text(client.get("/privacy/versions/2/").content.decode())
        assert "시행일자 : 2026년 12월 02일" in new and "고객정보" in new
        assert client.get("/privacy/versions/3/").status_code == 404


def test_a_later_schedule_replaces_the_earlier_one_and_its_unshown_notice(
    client, policy, privacy_manager
):
    """Wagtail locks a scheduled page: the editor cancels the schedule (예약 게시 취소), then
    publishes the new version; only the new version's notice remains."""
    with time_machine.travel(TODAY, tick=False):
        response = publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 27), datetime.date(2026, 12, 4)
        )
        first = policy.revisions.get(approved_go_live_at__isnull=False)
        editor = response.client
        editor.post(reverse("wagtailadmin_pages:revisions_unschedule", args=[policy.pk, first.pk]))
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 28), datetime.date(2026, 12, 5)
        )
    slugs = list(Page.objects.filter(slug__startswith="privacy-").values_list("slug", flat=True))
    assert slugs == ["privacy-20261205"]
    with time_machine.travel(seoul(2026, 12, 5, 0, 0, 5), tick=False):
        call_command("run_scheduler", "--once")
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2026, 12, 5)
    assert PolicyVersion.objects.filter(page=policy).count() == 2


def test_cancelling_the_schedule_withdraws_its_notice_before_it_is_shown(
    client, policy, privacy_manager
):
    with time_machine.travel(TODAY, tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 27), datetime.date(2026, 12, 4)
        )
        revision = policy.revisions.get(approved_go_live_at__isnull=False)
        assert Page.objects.filter(slug="privacy-20261204", live=False).exists()
        client.force_login(privacy_manager)
        response = client.post(
            reverse("wagtailadmin_pages:revisions_unschedule", args=[policy.pk, revision.pk])
        )
        assert response.status_code == 302
    assert not Page.objects.filter(slug="privacy-20261204").exists()
    with time_machine.travel(seoul(2026, 12, 4, 0, 1), tick=False):
        call_command("run_scheduler", "--once")
        assert "개정 안내" not in client.get("/notices/").content.decode()
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2017, 8, 25)
