"""An event ends by itself after 종료일 23:59:59 Seoul, through the scheduler, page cache on."""

import pytest

from django.core.management import call_command

from events.models import EventPage
from tests.events.conftest import seoul

pytestmark = pytest.mark.django_db

EVENT_URL = "/events/winter-ulthera/"
TITLE = "겨울 울쎄라 이벤트"


def everywhere(client):
    """Whether the event shows on home, the index, the menu, search and the sitemap."""
    home = client.get("/").content.decode()
    menu = home[home.index('<nav class="main-menu"') :]
    menu = menu[: menu.index("</nav>")]
    return {
        "home": EVENT_URL in home[: home.index('<nav class="main-menu"')]
        or EVENT_URL in home[home.index("</nav>") :],
        "index": EVENT_URL in client.get("/events/").content.decode(),
        "menu": EVENT_URL in menu,
        "search": EVENT_URL in client.get("/search/", {"q": "겨울 울쎄라 이벤트"}).content.decode(),
        "sitemap": EVENT_URL in client.get("/sitemap.xml").content.decode(),
    }


def test_an_ended_event_leaves_every_listing_once_the_scheduler_runs(
    client, page_cache, published_event, clock
):
    client.logout()
    # Cached pages live 20 s here: move the clock less than that, so only a purge can help.
    clock.move_to(seoul(2026, 12, 31, 23, 59, 50))
    assert everywhere(client) == dict.fromkeys(["home", "index", "menu", "search", "sitemap"], True)
    assert client.get(EVENT_URL).status_code == 200
    assert client.get("/").get("X-Page-Cache") == "hit"  # the home page is now in the cache

    clock.move_to(seoul(2027, 1, 1, 0, 0, 2))
    call_command("run_scheduler", "--once")

    published_event.refresh_from_db()
    assert not published_event.live
    assert everywhere(client) == dict.fromkeys(
        ["home", "index", "menu", "search", "sitemap"], False
    )
    ended = client.get(EVENT_URL)
    assert ended.status_code == 410
    html = ended.content.decode()
    assert (
        "종료된 이벤트입니다" in html
        and f"‘{TITLE}’ 이벤트는 2026년 12월 31일에 끝났습니다." in html
    )
    assert '<meta name="robots" content="noindex">' in html


def test_the_event_still_runs_until_the_last_second_of_its_end_date(client, published_event, clock):
    clock.move_to(seoul(2026, 12, 31, 23, 59, 59))
    call_command("run_scheduler", "--once")
    published_event.refresh_from_db()
    assert published_event.live
    assert client.get(EVENT_URL).status_code == 200


def test_an_ended_event_says_so_even_before_the_scheduler_runs(client, published_event, clock):
    clock.move_to(seoul(2027, 1, 1, 0, 0, 5))
    assert client.get(EVENT_URL).status_code == 410
    assert EVENT_URL not in client.get("/").content.decode().split('<nav class="main-menu"')[0]
    # The listings read the date themselves; only the menu waits for the scheduler (≤ 30 s).
    index = client.get("/events/").content.decode()
    assert EVENT_URL not in index[index.index("<article") :]


def test_the_scheduler_reports_what_it_took_down(published_event, clock, capsys):
    clock.move_to(seoul(2027, 1, 1, 0, 1))
    call_command("run_scheduler", "--once")
    assert f"종료된 이벤트 1건을 내렸습니다: {TITLE}" in capsys.readouterr().out


def test_an_event_that_starts_later_shows_on_its_first_day(
    client, page_cache, marketer, event_index, clock
):
    from tests.events.conftest import add_url, event_form, item, publish

    data = event_form(
        title="새해 이벤트",
        slug="new-year",
        starts_on="2027-01-01",
        ends_on="2027-01-31",
        items=[item()],
    )
    assert marketer.post(add_url(EventPage, event_index), publish(data)).status_code == 302
    client.logout()
    clock.move_to(seoul(2026, 12, 31, 23, 59, 55))

    def listed():
        index = client.get("/events/").content.decode()
        home = client.get("/").content.decode()
        return "/events/new-year/" in index[index.index("<article") :], (
            "/events/new-year/" in home[home.index('id="events-heading"') :]
            if 'id="events-heading"' in home
            else False
        )

    assert listed() == (False, False)
    assert "2027년 1월 1일에 시작합니다" in client.get("/events/new-year/").content.decode()
    clock.move_to(seoul(2027, 1, 1, 0, 0, 3))
    call_command("run_scheduler", "--once")
    assert listed() == (True, True)


def test_wagtails_expiry_time_is_never_set_on_an_event(published_event):
    assert published_event.expire_at is None
    assert published_event.get_latest_revision().content.get("expire_at") is None
