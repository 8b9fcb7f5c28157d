import datetime

import pytest
import time_machine
from playwright.sync_api import expect

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from policies.access import ensure_policy_access
from policies.models import PolicyPage
from tests.utils import seoul

pytestmark = pytest.mark.browser


@pytest.fixture
def privacy_manager(live_site, django_user_model):
    ensure_policy_access(apps)  # a transactional test starts from an empty database
    user = django_user_model.objects.create_user(
        "privacy", password="정보보호-2026", first_name="정보관리"
    )
    user.groups.add(Group.objects.get(name="개인정보 관리자"))
    return user


def test_editor_schedules_a_new_version_and_visitors_see_it_on_its_date(
    live_site, privacy_manager, page
):
    """The 게시 button as a 개인정보 관리자 clicks it: the 공지사항 appears at 00:00 of the
    공고일자 (not before), the version at 00:00 of the 시행일자, with the publisher on record."""
    today = timezone.localdate()
    announced = today + datetime.timedelta(days=1)
    effective = announced + datetime.timedelta(days=7)
    policy = PolicyPage.objects.get(slug="privacy")

    page.goto(live_site.url + "/admin/login/")
    page.locator("#id_username").fill("privacy")
    page.locator("#id_password").fill("정보보호-2026")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(live_site.url + "/admin/")
    page.goto(f"{live_site.url}/admin/pages/{policy.pk}/edit/")
    page.locator("#id_announced_on").fill(announced.isoformat())
    page.locator("#id_effective_on").fill(effective.isoformat())
    page.locator("#id_change_summary").fill("개인정보 보호책임자의 연락처를 바꿨습니다.")
    page.locator("#id_title").click()  # close the date picker
    page.get_by_role("button", name="더 많은 움직임").click()
    page.locator('button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text(
        f"개인정보처리방침의 새 판이 {effective.year}년 {effective.month}월 {effective.day}일 "
        "0시(서울 시간)에 시행되도록 예약되었습니다."
    )
    page.screenshot(path="test-artifacts/policy-scheduled-message.png")

    notice_title = f"개인정보처리방침 개정 안내 ({effective:%Y.%m.%d} 시행)"
    visitor = page.context.browser.new_page()  # an anonymous visitor, served by the page cache
    visitor.goto(live_site.url + "/notices/")
    expect(visitor.get_by_text(notice_title)).to_have_count(0)
    visitor.goto(live_site.url + "/privacy/")
    expect(visitor.get_by_role("complementary", name="개정 예정")).to_have_count(0)

    with time_machine.travel(seoul(announced.year, announced.month, announced.day, 0, 0, 30)):
        call_command("run_scheduler", "--once")
        visitor.goto(live_site.url + "/notices/")
        notice = visitor.get_by_role("listitem").filter(has_text=notice_title)
        expect(notice).to_contain_text(f"{announced:%Y.%m.%d}")
        visitor.goto(live_site.url + "/privacy/")
        upcoming = visitor.get_by_role("complementary", name="개정 예정")
        expect(upcoming).to_contain_text(
            f"{effective.year}년 {effective.month}월 {effective.day}일"
        )
        expect(upcoming).to_contain_text("개인정보 보호책임자의 연락처를 바꿨습니다.")
        expect(visitor.locator(".policy__closing")).to_contain_text("시행일자 : 2017년 08월 25일")

    with time_machine.travel(seoul(effective.year, effective.month, effective.day, 0, 0, 30)):
        call_command("run_scheduler", "--once")
        visitor.goto(live_site.url + "/privacy/")
        expect(visitor.locator(".policy__closing")).to_contain_text(
            f"시행일자 : {effective:%Y년 %m월 %d일}"
        )
        expect(visitor.get_by_role("complementary", name="개정 예정")).to_have_count(0)
        visitor.get_by_role("link", name="개인정보처리방침 변경 이력").click()
        versions = visitor.locator(".policy__versions li")
        expect(versions).to_have_count(2)
        until = effective - datetime.timedelta(days=1)
        expect(versions.nth(1)).to_contain_text(f"2017.08.25 ~ {until:%Y.%m.%d} 적용")
        expect(versions.nth(0)).to_contain_text(f"{effective:%Y.%m.%d} ~ 현재 적용 중")
        expect(versions.nth(0)).to_contain_text("개인정보처리방침")

        page.goto(live_site.url + "/admin/policy_versions/")
        record = page.get_by_role("row").filter(has_text="제2판")
        expect(record).to_contain_text("정보관리")
        expect(record).to_contain_text("예약 게시")


def test_reviewer_approving_a_late_version_from_the_dashboard_is_sent_to_fix_its_dates(
    live_site, privacy_manager, django_user_model, page
):
    """A version submitted on its 공고일자 but approved a day later would backdate the notice."""
    submitted_on = timezone.localdate()
    policy = PolicyPage.objects.get(slug="privacy")
    marketer = django_user_model.objects.create_user("marketer", first_name="마케팅")
    draft = policy.get_latest_revision_as_object()
    draft.announced_on = submitted_on
    draft.effective_on = submitted_on + datetime.timedelta(days=7)
    draft.change_summary = "보유 기간을 명확히 했습니다."
    draft.save_revision(user=marketer)
    policy.get_workflow().start(policy, marketer)

    next_morning = datetime.datetime.combine(
        submitted_on + datetime.timedelta(days=1),
        datetime.time(10),
        tzinfo=datetime.timezone(datetime.timedelta(hours=9)),
    )
    with time_machine.travel(next_morning, tick=True):
        page.goto(live_site.url + "/admin/login/")
        page.locator("#id_username").fill("privacy")
        page.locator("#id_password").fill("정보보호-2026")
        page.locator("form button[type=submit]").click()
        expect(page).to_have_url(live_site.url + "/admin/")
        review = page.get_by_role("row").filter(
            has=page.get_by_role("link", name="개인정보처리방침")
        )
        review.get_by_role("button", name="액션").click()
        expect(review.get_by_role("button", name="의견과 함께 승인")).to_have_count(0)
        review.get_by_role("button", name="승인", exact=True).click()

        expect(page).to_have_url(f"{live_site.url}/admin/pages/{policy.pk}/edit/")
        alert = page.locator("[data-policy-approval-blocked]")
        expect(alert).to_contain_text("승인 대기 중인 이 판은 지금 승인할 수 없습니다.")
        expect(alert).to_contain_text(f"공고일자({submitted_on:%Y.%m.%d})가 이미 지났습니다.")
        alert.scroll_into_view_if_needed()
        page.screenshot(path="test-artifacts/policy-approval-refused.png")
    assert PolicyPage.objects.get(pk=policy.pk).effective_on == datetime.date(2017, 8, 25)
    assert policy.current_workflow_state is not None
