import datetime

import pytest

from home.hours import opening_status, weekly_hours
from tests.factories import clinic_settings, weekday_hours
from tests.utils import seoul, visible_text

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def status_at(hours, moment):
    clinic = clinic_settings()
    clinic.hours = hours
    clinic.save()
    return opening_status(clinic_settings().weekly_hours(), moment).code


@pytest.mark.parametrize(
    ("seoul_time", "expected"),
    [
        ("09:59", "before"),
        ("10:00", "open"),
        ("12:59", "open"),
        ("13:00", "lunch"),
        ("13:59", "lunch"),
        ("14:00", "open"),
        ("18:59", "open"),
        ("19:00", "after"),
        ("23:59", "after"),
    ],
)
def test_open_now_follows_a_weekday_in_seoul_time(seoul_time, expected):
    # 2026-11-25 is a Wednesday; the moment is given in UTC to prove the Seoul clock is used.
    hour, minute = map(int, seoul_time.split(":"))
    local = seoul(2026, 11, 25, hour, minute)
    assert status_at(weekday_hours(), local.astimezone(UTC)) == expected


def test_the_seoul_day_not_the_utc_day_decides():
    # 2026-11-28 23:30 UTC is Sunday 08:30 in Seoul (closed), though Saturday in UTC (open day).
    assert (
        status_at(weekday_hours(), datetime.datetime(2026, 11, 28, 23, 30, tzinfo=UTC)) == "closed"
    )
    # 2026-11-28 01:00 UTC is Saturday 10:00 in Seoul: open, no lunch break on Saturdays.
    assert status_at(weekday_hours(), datetime.datetime(2026, 11, 28, 4, 0, tzinfo=UTC)) == "open"


def test_days_without_a_block_are_closed():
    days = weekly_hours([])
    assert all(d.is_closed for d in days) and days[0].name == "월요일"


def test_invalid_hours_are_refused_with_korean_messages():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import OpeningHoursBlock

    block = OpeningHoursBlock()
    value = block.to_python(
        {
            "weekday": "0",
            "closed": False,
            "opens": "19:00",
            "closes": "10:00",
            "lunch_starts": "13:00",
            "lunch_ends": None,
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    messages = " ".join(str(e) for e in error.value.block_errors.values())
    assert "진료 종료 시간은 시작 시간보다 늦어야 합니다" in messages
    assert "점심시간은 시작과 종료를 함께" in messages


def test_settings_change_shows_in_footer_header_and_hours_page_without_restart(client):
    before = client.get("/about/hours/").content.decode()
    assert "010-0000-1111" not in before
    clinic = clinic_settings()
    clinic.phone = "010-0000-1111"
    clinic.representative = "홍길동"
    clinic.business_number = "000-00-00000"
    clinic.instagram_url = "https://www.instagram.com/example"
    clinic.hours = weekday_hours()
    clinic.holiday_note = "일요일·공휴일 휴진(예시)"
    clinic.save()

    for url in ("/", "/lifting/ulthera/", "/about/hours/"):
        html = client.get(url).content.decode()
        footer = visible_text(html[html.index('<footer class="site-footer"') :])
        assert (
            "010-0000-1111" in footer
            and "대표자 홍길동" in footer
            and "사업자등록번호 000-00-00000" in footer
        )
        assert 'href="https://www.instagram.com/example"' in html
        assert 'class="site-header__phone" href="tel:010-0000-1111"' in html

    text = visible_text(client.get("/about/hours/").content.decode())
    assert "월요일 10:00 ~ 19:00 13:00 ~ 14:00" in text
    assert "토요일 10:00 ~ 15:00 없음" in text
    assert "일요일 휴진" in text
    assert "일요일·공휴일 휴진(예시)" in text


def test_hours_page_says_whether_open_now(client, time_machine):
    clinic = clinic_settings()
    clinic.hours = weekday_hours()
    clinic.save()
    time_machine.move_to(seoul(2026, 11, 25, 11, 0), tick=False)
    response = client.get("/about/hours/")
    assert "지금 진료 중입니다" in response.content.decode()
    assert "private" in response["Cache-Control"]
    time_machine.move_to(seoul(2026, 11, 25, 13, 30), tick=False)
    assert "지금은 점심시간입니다" in client.get("/about/hours/").content.decode()


def test_hours_page_without_hours_offers_the_phone(client):
    html = client.get("/about/hours/").content.decode()
    assert "진료 시간과 예약 가능한 시간은 전화로 바로 안내해 드립니다" in html
    # the phone of the seed policy, shipped as the clinic's default, as a button to call
    assert 'href="tel:025435856">전화 상담 02-543-5856</a>' in html


def test_directions_page_reads_the_address_and_links_maps_without_scripts(client):
    clinic = clinic_settings()
    clinic.address = "서울특별시 강남구 예시로 1"
    clinic.save()
    html = client.get("/about/directions/").content.decode()
    assert "서울특별시 강남구 예시로 1" in html
    assert 'href="https://map.naver.com/p/search/%EC%84%9C%EC%9A%B8' in html
    assert "map.kakao.com/link/search/" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
