import datetime

import pytest

from home.models import HomePage, NoticeIndexPage, NoticePage
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def featured_titles(html):
    section = html[html.index('id="featured-heading"') : html.index('id="sections-heading"')]
    return [
        t
        for t in [
            "울쎄라",
            "실리프팅",
            "스컬트라",
            "보톡스",
            "잡티/기미",
            "탈모치료 프로그램",
            "필러",
        ]
        if f">{t}</a>" in section
    ]


def test_home_shows_the_editors_featured_treatments_in_their_order(client):
    html = client.get("/").content.decode()
    assert featured_titles(html) == [
        "울쎄라",
        "실리프팅",
        "스컬트라",
        "보톡스",
        "잡티/기미",
        "탈모치료 프로그램",
    ]
    section = html[html.index('id="featured-heading"') : html.index('id="sections-heading"')]
    assert section.index(">울쎄라</a>") < section.index(">실리프팅</a>")


def test_editors_choose_and_reorder_featured_treatments(client):
    home = HomePage.objects.get()
    filler, ulthera = (
        TreatmentPage.objects.get(slug="filler"),
        TreatmentPage.objects.get(slug="ulthera"),
    )
    home.featured = [("treatment", filler), ("treatment", ulthera)]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    section = html[html.index('id="featured-heading"') : html.index('id="sections-heading"')]
    assert section.index(">필러</a>") < section.index(">울쎄라</a>")
    assert ">실리프팅</a>" not in section


def test_unpublished_featured_treatments_are_left_out(client):
    TreatmentPage.objects.get(slug="ulthera").unpublish()
    assert "울쎄라" not in featured_titles(client.get("/").content.decode())


def test_home_lists_the_three_latest_notices(client):
    index = NoticeIndexPage.objects.get()
    for day in range(1, 6):
        index.add_child(
            instance=NoticePage(title=f"공지 {day}일", published_on=datetime.date(2026, 11, day))
        )
    html = client.get("/").content.decode()
    notices = html[html.index('id="notices-heading"') :]
    assert notices.index("공지 5일") < notices.index("공지 4일") < notices.index("공지 3일")
    assert "공지 2일" not in notices
    assert "2026.11.05" in notices


def test_home_shows_hours_and_the_way_to_the_clinic(client):
    html = client.get("/").content.decode()
    visit = html[html.index('id="visit-heading"') :]
    assert 'href="/about/directions/">오시는길 자세히 보기</a>' in visit


def test_sticky_bar_calls_and_leads_to_directions(client):
    html = client.get("/lifting/ulthera/").content.decode()
    bar = html[html.index('<nav class="action-bar"') :]
    bar = bar[: bar.index("</nav>")]
    assert 'href="tel:02-543-5856"' in bar
    assert 'href="/about/directions/"' in bar
