"""상담 신청 in a real Chromium at phone width, with the page cache on as in production: from a
treatment page to the thank-you page, then the admin as 상담 담당 and as 마케팅."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from django.apps import apps
from django.contrib.auth.models import Group, User

from consultations.access import CONSULTATION_STAFF, MARKETING, ensure_consultation_access
from consultations.models import ConsentVersion, ConsultationRequest
from treatments.models import TreatmentPage

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# A person takes longer than the form's minimum fill time (3 s) to type and tick.
TYPING_TIME_MS = 3200


@pytest.fixture
def cached_site(live_site, settings):
    settings.PAGE_CACHE_ENABLED = True
    # What the data migration made, gone with the previous transactional test's flush: made
    # later, the first consent version would purge the page cache in the middle of the test.
    ensure_consultation_access(apps)
    ConsentVersion.current()
    ARTIFACTS.mkdir(exist_ok=True)
    return live_site


def user_in(group_name, username):
    user = User.objects.create_user(username, password="pw-for-tests")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, site, username):
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("pw-for-tests")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(site.url + "/admin/")


def fill_in(form, name, phone):
    form.get_by_label("이름").fill(name)
    form.get_by_label("휴대폰 번호").fill(phone)
    form.get_by_label("오후 (14시~17시)").check()
    form.get_by_label("[필수] 개인정보 수집·이용에 동의합니다.").check()
    form.get_by_label("[필수] 만 14세 이상입니다.").check()


def test_a_visitor_asks_from_a_treatment_page_and_only_staff_see_it(cached_site, page, browser):
    site = cached_site
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/lifting/ulthera/")
    page.get_by_role("navigation", name="빠른 상담").get_by_role("link", name="상담 신청").click()
    form = page.locator("#consultation form")
    expect(form.get_by_label("관심 시술")).to_have_value(str(ulthera.pk))
    expect(form.get_by_label("[선택]")).not_to_be_checked()

    # A mistake first: the phone number of the clinic's landline.
    fill_in(form, "김민지", "02 543 5856")
    page.locator("#consultation").screenshot(path=ARTIFACTS / "consultation-phone-form.png")
    page.wait_for_timeout(TYPING_TIME_MS)
    form.get_by_role("button", name="상담 신청하기").click()
    expect(page.get_by_text("휴대폰 번호를 확인해 주세요.")).to_be_visible()
    expect(page.get_by_label("이름")).to_have_value("김민지")
    expect(page.get_by_label("관심 시술")).to_have_value(str(ulthera.pk))
    expect(page.get_by_label("[필수] 만 14세 이상입니다.")).to_be_checked()
    page.screenshot(path=ARTIFACTS / "consultation-phone-errors.png", full_page=True)
    assert not ConsultationRequest.objects.exists()

    page.get_by_label("휴대폰 번호").fill("010 1234 5678")
    page.get_by_label("문의 내용").fill("퇴근 후 통화 가능합니다.")
    page.wait_for_timeout(TYPING_TIME_MS)
    page.get_by_role("button", name="상담 신청하기").click()
    expect(page).to_have_url(site.url + "/consultation/thanks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("상담 신청이 접수되었습니다")
    page.screenshot(path=ARTIFACTS / "consultation-phone-thanks.png", full_page=True)
    request = ConsultationRequest.objects.get()
    assert (request.name, request.phone, request.treatment_title) == (
        "김민지",
        "010-1234-5678",
        "울쎄라",
    )

    user_in(CONSULTATION_STAFF, "counsellor")
    user_in(MARKETING, "marketer")
    staff = browser.new_context(viewport=DESKTOP)
    staff_page = staff.new_page()
    log_in(staff_page, site, "counsellor")
    staff_page.get_by_role("button", name="상담").click()
    staff_page.get_by_role("link", name="상담 신청").click()
    table = staff_page.get_by_role("table")
    expect(table.get_by_role("link", name="김민지")).to_be_visible()
    expect(table).to_contain_text("010-1234-5678")
    expect(table).to_contain_text("울쎄라")
    staff_page.screenshot(path=ARTIFACTS / "consultation-admin-list.png", full_page=True)
    table.get_by_role("link", name="김민지").click()
    expect(staff_page.get_by_role("main")).to_contain_text("퇴근 후 통화 가능합니다.")
    staff_page.screenshot(path=ARTIFACTS / "consultation-admin-request.png", full_page=True)
    staff.close()

    marketing = browser.new_context(viewport=DESKTOP)
    marketing_page = marketing.new_page()
    log_in(marketing_page, site, "marketer")
    marketing_page.get_by_role("button", name="상담").click()
    expect(marketing_page.get_by_role("link", name="상담 신청", exact=True)).to_have_count(0)
    marketing_page.get_by_role("link", name="상담 통계").click()
    expect(marketing_page.get_by_role("main")).to_contain_text("울쎄라")
    expect(marketing_page.get_by_role("main")).not_to_contain_text("김민지")
    marketing_page.screenshot(path=ARTIFACTS / "consultation-admin-stats.png", full_page=True)
    response = marketing_page.goto(site.url + "/admin/consultation_requests/")
    assert response.status == 403
    expect(marketing_page.get_by_text("상담 담당자만 볼 수 있습니다", exact=False)).to_be_visible()
    expect(marketing_page.locator("body")).not_to_contain_text("010-1234-5678")
    marketing.close()

    page.set_viewport_size(DESKTOP)
    page.goto(site.url + "/consultation/")
    page.screenshot(path=ARTIFACTS / "consultation-desktop-page.png", full_page=True)


def test_two_anonymous_browsers_send_from_the_same_cached_page(cached_site, browser):
    site = cached_site
    visitors = [browser.new_context(viewport=PHONE) for _ in range(2)]
    pages = [context.new_page() for context in visitors]
    responses = [page.goto(site.url + "/lifting/thread-lifting/") for page in pages]
    assert responses[1].headers.get("x-page-cache") == "hit"
    for page, (name, phone) in zip(
        pages, [("이하늘", "01011112222"), ("최유나", "+82 10-3333-4444")], strict=True
    ):
        fill_in(page.locator("#consultation form"), name, phone)
    pages[0].wait_for_timeout(TYPING_TIME_MS)
    for page in pages:
        page.get_by_role("button", name="상담 신청하기").click()
        expect(page).to_have_url(site.url + "/consultation/thanks/")
    assert sorted(ConsultationRequest.objects.values_list("name", "phone")) == [
        ("이하늘", "010-1111-2222"),
        ("최유나", "010-3333-4444"),
    ]
    for context in visitors:
        context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_axe_violations_on_the_form_its_errors_and_the_thank_you_page(cached_site, page, width):
    axe = Axe()
    page.set_viewport_size(width)
    found = {}

    def check(name):
        violations = axe.run(page).response["violations"]
        if violations:
            found[name] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]

    page.goto(cached_site.url + "/consultation/")
    check("form")
    page.get_by_role("button", name="상담 신청하기").click()
    expect(page.get_by_text("입력 내용을 확인해 주세요.")).to_be_visible()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    check("refused")
    page.goto(cached_site.url + "/consultation/thanks/")
    check("thanks")
    assert found == {}
