"""The clinic's side: 상담 담당 works the list, 마케팅 sees counts only, and every look at personal
data is in the access log the 개인정보 관리자 reads."""

import datetime

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from consultations.models import (
    AccessLog,
    ConsentVersion,
    ConsultationRequest,
    DestructionRecord,
)
from tests.utils import seoul, visible_text
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def consultation(name="김민지", phone="010-1234-5678", slug="ulthera", **fields):
    """A stored request, as the public form leaves it (the form itself: test_submission)."""
    treatment = TreatmentPage.objects.get(slug=slug) if slug else None
    now = fields.pop("created_at", timezone.now())
    return ConsultationRequest.objects.create(
        name=name,
        phone=phone,
        treatment=treatment,
        treatment_title=treatment.title if treatment else "기타",
        consent_version=ConsentVersion.current(),
        consented_at=now,
        created_at=now,
        age_confirmed=True,
        **fields,
    )


def logged(action):
    return sorted(AccessLog.objects.filter(action=action).values_list("username", "request_number"))


def text(response):
    return visible_text(response.content.decode())


def test_the_staff_list_shows_names_and_numbers_and_logs_each_one_seen(client, staff):
    first = consultation()
    second = consultation(name="박서준", phone="010-2222-3333", slug="botox")
    client.force_login(staff)
    response = client.get(reverse("consultation_requests:index"))
    assert response.status_code == 200
    page = text(response)
    assert "김민지" in page and "010-1234-5678" in page and "보톡스" in page and "신규" in page
    assert logged("list") == [("counsellor", first.pk), ("counsellor", second.pk)]


def test_the_list_filters_by_status_treatment_and_date(client, staff):
    consultation(name="김민지", status="contacted")
    consultation(name="박서준", slug="botox")
    consultation(name="이하늘", slug=None, created_at=timezone.now() - datetime.timedelta(days=40))
    client.force_login(staff)
    index = reverse("consultation_requests:index")

    def names(**params):
        page = text(client.get(index, params))
        return [name for name in ("김민지", "박서준", "이하늘") if name in page]

    assert names(status="contacted") == ["김민지"]
    assert names(treatment_title="보톡스") == ["박서준"]
    assert names(treatment_title="기타") == ["이하늘"]
    today = timezone.localdate()
    assert names(created_at_from=str(today - datetime.timedelta(days=1))) == ["김민지", "박서준"]
    assert names(created_at_to=str(today - datetime.timedelta(days=30))) == ["이하늘"]


def test_the_csv_export_opens_in_excel_in_korean_and_is_logged(client, staff):
    moment = seoul(2026, 3, 2, 9, 5)
    request = consultation(message='=HYPERLINK("http://x")', created_at=moment)
    client.force_login(staff)
    response = client.get(reverse("consultation_requests:index"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith(
        "\ufeff번호,신청 시각,이름,휴대폰 번호,관심 시술명,희망 연락 시간,문의 내용"
    )
    assert f"{request.pk},2026.03.02 09:05,김민지,010-1234-5678,울쎄라,시간 무관," in body
    assert "'=HYPERLINK" in body  # never a live formula in a spreadsheet
    assert logged("export") == [("counsellor", request.pk)]
    assert AccessLog.objects.get(action="export").detail == "CSV 파일"


def test_opening_a_request_shows_it_all_and_is_logged(client, staff):
    request = consultation(message="오후에 연락 주세요", marketing_consent=True)
    client.force_login(staff)
    response = client.get(reverse("consultation_requests:edit", args=[request.pk]))
    assert response.status_code == 200
    page = text(response)
    for shown in (
        "김민지",
        "010-1234-5678",
        "울쎄라",
        "오후에 연락 주세요",
        "제1판",
        "마케팅 수신 동의 철회",
    ):
        assert shown in page
    assert logged("view") == [("counsellor", request.pk)]


def test_staff_move_a_request_along_and_the_change_is_logged(client, staff):
    request = consultation()
    client.force_login(staff)
    response = client.post(
        reverse("consultation_requests:edit", args=[request.pk]),
        {"status": "done", "staff_memo": "3월 5일 방문 예약"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done" and request.staff_memo == "3월 5일 방문 예약"
    assert request.closed_at is not None
    assert request.name == "김민지"  # personal data is read-only in the admin
    entry = AccessLog.objects.get(action="change")
    assert (entry.username, entry.request_number) == ("counsellor", request.pk)
    assert entry.detail == "상태 신규 → 완료, 메모 수정"


def test_deleting_a_request_is_a_real_delete_and_is_logged(client, staff):
    request = consultation()
    kept = consultation(name="박서준")
    client.force_login(staff)
    response = client.post(reverse("consultation_requests:delete", args=[request.pk]))
    assert response.status_code == 302
    assert list(ConsultationRequest.objects.all()) == [kept]
    assert logged("delete") == [("counsellor", request.pk)]
    assert not DestructionRecord.objects.exists()  # that record is for the retention job


def test_marketing_consent_is_withdrawn_in_one_click_and_logged(client, staff):
    request = consultation(marketing_consent=True, marketing_consented_at=timezone.now())
    client.force_login(staff)
    response = client.post(
        reverse("consultation_requests:withdraw_marketing", args=[request.pk]), follow=True
    )
    assert "마케팅 정보 수신 동의를 철회했습니다." in text(response)
    request.refresh_from_db()
    assert not request.marketing_consent and request.marketing_withdrawn_at is not None
    assert logged("withdraw") == [("counsellor", request.pk)]
    assert "철회함" in text(client.get(reverse("consultation_requests:edit", args=[request.pk])))


@pytest.mark.parametrize(
    ("url_name", "method", "params"),
    [
        ("consultation_requests:index", "get", {}),
        ("consultation_requests:index", "get", {"export": "csv"}),
        ("consultation_requests:index", "get", {"export": "xlsx"}),
        ("consultation_requests:index_results", "get", {}),
        ("consultation_requests:edit", "get", {}),
        ("consultation_requests:edit", "post", {"status": "cancelled"}),
        ("consultation_requests:delete", "post", {}),
        ("consultation_requests:withdraw_marketing", "post", {}),
    ],
)
def test_marketers_get_403_and_never_a_name_or_number(client, marketer, url_name, method, params):
    request = consultation(marketing_consent=True)
    args = [] if url_name.endswith(("index", "index_results")) else [request.pk]
    client.force_login(marketer)
    response = getattr(client, method)(reverse(url_name, args=args), params)
    assert response.status_code == 403
    body = response.content.decode()
    assert "김민지" not in body and "010-1234-5678" not in body
    assert "상담 담당자만 볼 수 있습니다" in visible_text(body)
    request.refresh_from_db()
    assert request.status == "new" and request.marketing_consent
    assert not AccessLog.objects.exists()


def test_privacy_managers_see_no_personal_data_either(client, privacy_manager):
    request = consultation()
    client.force_login(privacy_manager)
    assert client.get(reverse("consultation_requests:index")).status_code == 403
    edit = client.get(reverse("consultation_requests:edit", args=[request.pk]))
    assert edit.status_code == 403


def test_marketers_see_counts_per_treatment_and_day(client, marketer):
    today = timezone.localtime().replace(hour=11)
    consultation(created_at=today)
    consultation(name="박서준", phone="010-2222-3333", created_at=today)
    consultation(name="이하늘", slug="botox", created_at=today - datetime.timedelta(days=1))
    client.force_login(marketer)
    response = client.get(reverse("consultation_stats:index"))
    assert response.status_code == 200
    page = text(response)
    assert "상담 신청 3건" in page
    cells = page.replace(" ", "")
    assert "울쎄라2건보톡스1건" in cells  # per treatment, most first
    assert f"{today:%Y.%m.%d}울쎄라2건" in cells
    assert f"{today - datetime.timedelta(days=1):%Y.%m.%d}보톡스1건" in cells
    for private in ("김민지", "박서준", "이하늘", "010-"):
        assert private not in page
    assert not AccessLog.objects.exists()  # counts are not personal data


def test_the_admin_menu_shows_each_group_its_own(client, staff, marketer, privacy_manager):
    def menu(user):
        client.force_login(user)
        return client.get(reverse("wagtailadmin_home")).content.decode()

    staff_menu, marketing_menu, manager_menu = menu(staff), menu(marketer), menu(privacy_manager)
    requests_url = reverse("consultation_requests:index")
    assert requests_url in staff_menu
    assert requests_url not in marketing_menu and requests_url not in manager_menu
    assert reverse("consultation_stats:index") in marketing_menu
    assert reverse("consultation_access_log:index") in manager_menu
    assert reverse("consultation_access_log:index") not in staff_menu
    assert reverse("consent_versions:index") in manager_menu


def test_the_access_log_is_read_by_the_privacy_manager_and_changed_by_nobody(
    client, staff, privacy_manager, django_user_model
):
    request = consultation()
    client.force_login(staff)
    client.get(reverse("consultation_requests:edit", args=[request.pk]))
    entry = AccessLog.objects.get()
    # Wagtail's own refusal: back to the dashboard with a message.
    assert client.get(reverse("consultation_access_log:index"))["Location"] == "/admin/"

    client.force_login(privacy_manager)
    page = text(client.get(reverse("consultation_access_log:index")))
    assert f"counsellor 열람 #{request.pk}" in page
    edit = client.post(reverse("consultation_access_log:edit", args=[entry.pk]), {"detail": "고침"})
    assert edit.status_code in (302, 403)
    delete = client.post(reverse("consultation_access_log:delete", args=[entry.pk]))
    assert delete.status_code in (302, 403)
    superuser = django_user_model.objects.create_superuser("root", password="pw")
    client.force_login(superuser)
    client.post(reverse("consultation_access_log:delete", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.detail == "" and AccessLog.objects.count() >= 1


def test_a_new_consent_wording_is_a_new_version_and_reaches_cached_pages(
    client, privacy_manager, page_cache
):
    assert (
        "상담 신청 확인, 상담을 위한 연락과 예약 안내"
        in client.get("/lifting/ulthera/").content.decode()
    )
    client.force_login(privacy_manager)
    form = client.get(reverse("consent_versions:add"))
    assert 'value="상담 신청 확인, 상담을 위한 연락과 예약 안내"' in form.content.decode()
    response = client.post(
        reverse("consent_versions:add"),
        {
            "items": "이름, 휴대폰 번호, 관심 시술, 희망 연락 시간, 문의 내용(선택)",
            "purpose": "상담 연락과 예약 안내",
            "retention_days": "180",
            "closed_retention_days": "30",
            "refusal": "동의하지 않으시면 온라인으로 신청할 수 없고, 전화로 상담하실 수 있습니다.",
            "marketing_purpose": "이벤트 안내 문자 발송",
        },
    )
    assert response.status_code == 302
    version = ConsentVersion.objects.get(number=2)
    assert version.created_by == privacy_manager
    assert ConsentVersion.objects.get(number=1).purpose.startswith("상담 신청 확인")
    client.logout()
    page = visible_text(client.get("/lifting/ulthera/").content.decode())
    assert "상담 연락과 예약 안내" in page
    assert "신청일로부터 180일 (상담이 완료되거나 취소되면 30일 뒤 파기)" in page
    assert "동의 문구 제2판" in page


def test_consent_versions_cannot_be_edited_or_written_by_others(client, staff, privacy_manager):
    version = ConsentVersion.current()
    client.force_login(privacy_manager)
    client.post(reverse("consent_versions:edit", args=[version.pk]), {"purpose": "바꿈"})
    version.refresh_from_db()
    assert version.purpose != "바꿈"
    client.force_login(staff)
    client.post(reverse("consent_versions:add"), {"purpose": "새 문구", "retention_days": "30"})
    assert ConsentVersion.objects.count() == 1


def test_the_destruction_record_is_read_by_the_privacy_manager(client, privacy_manager):
    DestructionRecord.add(3, day=datetime.date(2026, 3, 2))
    client.force_login(privacy_manager)
    page = text(client.get(reverse("consultation_destructions:index")))
    assert "2026.03.02 3" in page


def test_no_cached_copy_is_affected_by_admin_views(client, staff):
    cache.clear()
    consultation()
    client.force_login(staff)
    client.get(reverse("consultation_requests:index"))
    assert not any(b"010-1234-5678" in value for value in cache._cache.values())
