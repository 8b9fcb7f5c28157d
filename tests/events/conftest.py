import pytest
import time_machine

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.factories import marketing_user
from tests.utils import seoul
from treatments.models import TreatmentPage


@pytest.fixture
def clock():
    """The clock stands still at 2026-12-10 10:00 Seoul until a test moves it."""
    with time_machine.travel(seoul(2026, 12, 10, 10, 0), tick=False) as traveller:
        yield traveller


@pytest.fixture
def marketer(client, db, clock):
    """Signed in at the tests' clock: an admin session left idle for 30 minutes ends."""
    user = marketing_user()
    client.force_login(user)
    return client


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def publish(data):
    return {**data, "action-publish": "action-publish"}


@pytest.fixture
def event_index(marketer, clock):
    """/events/, made by a marketer in the admin as the clinic would."""
    home = HomePage.objects.get()
    data = nested_form_data(
        {
            "title": "이벤트",
            "slug": "events",
            "summary": "진행 중인 이벤트입니다.",
            "menu_label": "",
            "image": "",
            "intro": rich_text("<p>이달의 이벤트를 안내합니다.</p>"),
            "show_in_menus": "on",
            "comments": inline_formset([]),
        }
    )
    response = marketer.post(add_url(EventIndexPage, home), publish(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventIndexPage.objects.get()


def item(name="울쎄라 300샷", regular="500000", event="350000", conditions="첫 방문 고객, 1인 1회"):
    return {"name": name, "regular_price": regular, "event_price": event, "conditions": conditions}


def event_form(
    title="겨울 울쎄라 이벤트",
    slug="winter-ulthera",
    starts_on="2026-12-01",
    ends_on="2026-12-31",
    items=(),
    treatments=(),
    body="<p>겨울 동안 울쎄라를 이벤트 가격으로 안내합니다.</p>",
    summary="12월 한 달 울쎄라 이벤트",
):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "menu_label": "",
            "image": "",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "body": streamfield([("paragraph", rich_text(body))]),
            "items": inline_formset(list(items)),
            "show_in_menus": "on",
            "comments": inline_formset([]),
        }
    )
    data["treatments"] = [str(page.pk) for page in treatments]
    return data


@pytest.fixture
def ulthera(db):
    return TreatmentPage.objects.get(slug="ulthera")


@pytest.fixture
def published_event(marketer, event_index, ulthera):
    response = marketer.post(
        add_url(EventPage, event_index),
        publish(event_form(items=[item()], treatments=[ulthera])),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.get(slug="winter-ulthera")
