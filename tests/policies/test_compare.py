import datetime

import pytest
import time_machine

from django.core.management import call_command

from home.text import html_to_text
from policies.compare import compare_sections, mark_changes

from .conftest import publish_in_editor, seoul

pytestmark = pytest.mark.django_db


def section(heading, html, number=""):
    return {"number": number, "heading": heading, "html": html, "text": html_to_text(html)}


def test_changed_characters_are_marked_within_the_sentence():
    old, new = mark_changes(
        "회사는 개인정보를 3년간 보관합니다.",
        "회사는 고객의 개인정보를 5년간 보관합니다.",
    )
    assert old == "회사는 개인정보를 <del>3</del>년간 보관합니다."
    assert new == "회사는<ins> 고객의</ins> 개인정보를 <ins>5</ins>년간 보관합니다."


def test_markup_in_the_text_is_escaped():
    old, _new = mark_changes("<b>가</b>", "<b>나</b>")
    assert old == "&lt;b&gt;<del>가</del>&lt;/b&gt;"


def test_sections_are_paired_by_heading_and_additions_shown_alone():
    old = [
        section("수집 항목", "<p>이름, 연락처</p>", "1."),
        section("보유 기간", "<p>회원 탈퇴 시까지 보유합니다.</p>", "2."),
    ]
    new = [
        section("수집 항목", "<p>이름, 휴대전화번호</p>", "1."),
        section("쿠키", "<p>쿠키를 사용합니다.</p>", "2."),
        section("보유 기간", "<p>회원 탈퇴 후 1년까지 보유합니다.</p>", "3."),
    ]
    rows = compare_sections(old, new)
    assert [(r["label"], r["old"] is None, r["new"] is None, r["changed"]) for r in rows] == [
        ("1.수집 항목", False, False, True),
        ("2.쿠키", True, False, True),
        ("3.보유 기간", False, False, True),
    ]
    assert rows[0]["old"] == "1.수집 항목<br>이름, <del>연락처</del>"
    assert rows[0]["new"] == "1.수집 항목<br>이름, <ins>휴대전화번호</ins>"
    assert rows[2]["old"] == "<del>2</del>.보유 기간<br>회원 탈퇴 <del>시</del>까지 보유합니다."
    assert rows[2]["new"] == "<ins>3</ins>.보유 기간<br>회원 탈퇴 <ins>후 1년</ins>까지 보유합니다."


def test_compare_page_shows_the_old_and_new_text_side_by_side(client, policy, privacy_manager):
    with time_machine.travel(seoul(2026, 11, 24, 9), tick=False):
        publish_in_editor(
            policy, privacy_manager, datetime.date(2026, 11, 24), datetime.date(2026, 12, 1)
        )
        html = client.get("/privacy/compare/?from=1&to=upcoming").content.decode()
        assert "<del>개인</del>" in html and "<ins>고객</ins>" in html
    with time_machine.travel(seoul(2026, 12, 2), tick=False):
        call_command("run_scheduler", "--once")
        response = client.get("/privacy/compare/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "이전 (2017.08.25 시행)" in html and "새 판 (2026.12.01 시행)" in html
        assert html.count('class="is-changed"') == 1
        assert client.get("/privacy/compare/?to=upcoming").status_code == 404
        assert client.get("/privacy/compare/?from=1&to=9").status_code == 404
