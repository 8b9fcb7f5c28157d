import datetime

import pytest
import time_machine

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from wagtail.models import Page, Revision

from policies.models import PolicyPage, PolicyVersion
from tests.utils import visible_text

from .conftest import publish_in_editor, seoul

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(policy, privacy_manager):
    with time_machine.travel(seoul(2026, 11, 24, 9), tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 24), datetime.date(2026, 12, 1)
        )
    with time_machine.travel(seoul(2026, 12, 1, 0, 0, 10), tick=False):
        call_command("run_scheduler", "--once")
    return list(PolicyVersion.objects.filter(page=policy).order_by("number"))


def snapshot(version):
    return (
        version.title,
        version.sections,
        version.announced_on,
        version.effective_on,
        version.published_at,
    )


def test_archive_survives_purge_revisions_and_later_edits(
    client, policy, privacy_manager, two_versions
):
    before = [snapshot(v) for v in two_versions]
    page = PolicyPage.objects.get(pk=policy.pk)
    draft = page.get_latest_revision_as_object()
    draft.body = [
        {"type": "section", "value": {"number": "", "heading": "초안", "body": "<p>작성 중</p>"}}
    ]
    draft.save_revision(user=privacy_manager)
    call_command("purge_revisions", days=0, verbosity=0)
    Revision.objects.filter(object_id=str(policy.pk)).delete()
    page = PolicyPage.objects.get(pk=policy.pk)
    assert page.live_revision is None
    page.title = "개인정보 처리방침(개명)"
    page.slug = "privacy-policy"
    page.save()
    after = list(PolicyVersion.objects.filter(page=policy).order_by("number"))
    assert [snapshot(v) for v in after] == before
    old = visible_text(client.get("/privacy-policy/versions/1/").content.decode())
    assert "시행일자 : 2017년 08월 25일" in old and "1.개인정보의 수집 및 이용목적" in old


def test_archive_outlives_the_page_itself(policy, two_versions):
    Page.objects.get(pk=policy.pk).delete()
    kept = PolicyVersion.objects.filter(page_slug="privacy").order_by("number")
    assert [(v.page_id, v.number, v.page_title) for v in kept] == [
        (None, 1, "개인정보처리방침"),
        (None, 2, "개인정보처리방침"),
    ]


def test_recorded_versions_refuse_changes_in_code(two_versions):
    version = two_versions[0]
    version.title = "고친 제목"
    with pytest.raises(PermissionDenied):
        version.save()
    with pytest.raises(PermissionDenied):
        version.delete()
    with pytest.raises(PermissionDenied):
        PolicyVersion.objects.filter(pk=version.pk).update(title="x")
    with pytest.raises(PermissionDenied):
        PolicyVersion.objects.all().delete()
    assert PolicyVersion.objects.get(pk=version.pk).title == "개인정보처리방침"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE policies_policyversion SET sections = '[]'",
        "UPDATE policies_policyversion SET effective_on = '2030-01-01'",
        "UPDATE policies_policyversion SET change_summary = '다른 요약', title = title",
        "UPDATE policies_policyversion SET page_id = page_id + 1000",
        "DELETE FROM policies_policyversion",
    ],
)
def test_the_database_refuses_to_rewrite_a_recorded_version(two_versions, statement):
    """Raw SQL, past the ORM: the archive's triggers refuse it on SQLite and PostgreSQL."""
    before = [snapshot(v) for v in two_versions]
    with (
        pytest.raises(IntegrityError, match="기록된 판은"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    after = list(PolicyVersion.objects.filter(page_slug="privacy").order_by("number"))
    assert [snapshot(v) for v in after] == before


def test_the_database_refuses_the_orm_base_manager_too(two_versions):
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersion._base_manager.filter(pk=two_versions[0].pk).update(title="고친 제목")
    assert PolicyVersion.objects.get(pk=two_versions[0].pk).title == "개인정보처리방침"


def test_admin_shows_who_published_each_version_and_offers_no_edit_or_delete(
    client, admin_user, privacy_manager, two_versions
):
    client.force_login(admin_user)
    index = client.get(reverse("policy_versions:index"))
    assert index.status_code == 200
    text = visible_text(index.content.decode())
    assert "정보관리" in text or "privacy" in text
    inspect = client.get(reverse("policy_versions:inspect", args=[two_versions[1].pk]))
    assert inspect.status_code == 200
    for name in ("edit", "delete"):
        response = client.get(f"/admin/policy_versions/{name}/{two_versions[1].pk}/")
        assert response.status_code in (302, 403, 404)
    assert client.get("/admin/policy_versions/new/").status_code in (302, 403, 404)
    assert PolicyVersion.objects.count() == 2
