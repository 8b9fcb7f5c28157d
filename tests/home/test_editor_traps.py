"""Editors cannot hide their work by accident: menu defaults, section cards, slugs, explorer order.

Every change goes through the admin's own forms (the add and edit views), and the public pages are
read by an anonymous visitor with the page cache on, as production serves them.
"""

import re

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage
from tests.factories import marketing_user
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db

PRECAUTIONS = "<p>붉어짐과 부기가 생길 수 있습니다.</p>"


@pytest.fixture
def marketer():
    client = Client()
    client.force_login(marketing_user())
    return client


@pytest.fixture
def visitor():
    return Client()


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def checkbox_checked(html, name):
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert tag, f"no {name} checkbox"
    return " checked" in tag[0]


def treatment_form(title, slug="", show_in_menus=True):
    """What the add form posts when the editor fills the title and the precautions only."""
    data = {
        "title": title,
        "slug": slug,
        "summary": "",
        "menu_label": "",
        "image": "",
        "alternative_names": "",
        "body": streamfield([("paragraph", rich_text("<p>시술 설명</p>"))]),
        "precautions": rich_text(PRECAUTIONS),
        "fees": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
    }
    if show_in_menus:
        data["show_in_menus"] = "on"
    return {**nested_form_data(data), "action-publish": "action-publish"}


def menu(html):
    start = html.index('<nav class="main-menu"')
    return html[start : html.index("</nav>", start)]


def cards(html):
    start = html.index('<ul class="cards')
    return html[start : html.index("</ul>", start)]


@pytest.mark.parametrize(
    ("model", "parent_slug"),
    [(TreatmentPage, "lifting"), (TreatmentCategoryPage, "lifting"), (ContentPage, "about")],
)
def test_new_sections_and_treatments_are_ticked_for_the_menu(marketer, model, parent_slug):
    parent = Page.objects.get(slug=parent_slug)
    html = marketer.get(add_url(model, parent)).content.decode()
    assert checkbox_checked(html, "show_in_menus")
    assert "카드 목록에는 이 설정과 상관없이" in html  # the help text says what the flag is for


def test_a_new_treatment_published_with_the_defaults_shows_in_menu_and_cards(marketer, visitor):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(
        add_url(TreatmentPage, lifting), treatment_form("새리프팅", "new-lift")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = visitor.get("/lifting/").content.decode()
    assert ">새리프팅</a>" in menu(html)
    assert ">새리프팅</a>" in cards(html)


def test_hiding_a_treatment_from_the_menu_keeps_its_card(marketer, visitor):
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    edit = reverse("wagtailadmin_pages:edit", args=[ulthera.pk])
    data = treatment_form("울쎄라", "ulthera", show_in_menus=False)
    assert marketer.post(edit, data).status_code == 302
    assert not TreatmentPage.objects.get(pk=ulthera.pk).show_in_menus
    html = visitor.get("/lifting/").content.decode()
    assert ">울쎄라</a>" not in menu(html)
    assert ">울쎄라</a>" in cards(html)


def test_unpublished_children_are_not_carded(visitor):
    TreatmentPage.objects.get(slug="ulthera").unpublish()
    assert ">울쎄라</a>" not in visitor.get("/lifting/").content.decode()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("울쎄라 플러스", "ulssera-peulleoseu"),
        ("BB레이저솔루션 2", "bbreijeosollusyeon-2"),
        ("백옥 필링", "baegok-pilling"),
        ("잡티/기미 관리", "japti-gimi-gwalli"),
    ],
)
def test_korean_titles_get_readable_romanised_slugs(marketer, visitor, title, slug):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    # Wagtail's script copies the title into the slug as typed; the server romanises it.
    korean_slug = title.replace(" ", "-").replace("/", "").lower()
    response = marketer.post(add_url(TreatmentPage, lifting), treatment_form(title, korean_slug))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = TreatmentPage.objects.get(title=title)
    assert page.slug == slug
    assert page.url == f"/lifting/{slug}/"
    assert visitor.get(page.url).status_code == 200


def test_an_empty_slug_is_made_from_the_title(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(add_url(TreatmentPage, lifting), treatment_form("물광 리프팅", ""))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TreatmentPage.objects.get(title="물광 리프팅").slug == "mulgwang-ripeuting"


def test_an_editors_own_latin_slug_is_kept(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    response = marketer.post(
        add_url(TreatmentPage, lifting), treatment_form("울쎄라 2", "ulthera-2")
    )
    assert response.status_code == 302
    assert TreatmentPage.objects.get(title="울쎄라 2").slug == "ulthera-2"


def test_a_romanised_slug_already_taken_is_refused_beside_the_field(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    marketer.post(add_url(TreatmentPage, lifting), treatment_form("필러 리프팅", ""))
    response = marketer.post(add_url(TreatmentPage, lifting), treatment_form("필러 리프팅", ""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "pilleo-ripeuting" in html and "이미 사용" in html
    assert 'value="필러 리프팅"' in html  # what the editor typed is kept


def test_the_slug_help_text_states_the_rule(marketer):
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    html = marketer.get(add_url(TreatmentPage, lifting)).content.decode()
    assert "로마자" in html


def explorer_titles(client, parent):
    html = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()
    return re.findall(r'data-w-orderable-item-label="([^"]+)"', html)


@pytest.mark.parametrize("parent_slug", ["home", "lifting"])
def test_the_explorer_lists_sections_and_treatments_in_menu_order(marketer, parent_slug):
    parent = (
        Page.objects.get(depth=2) if parent_slug == "home" else Page.objects.get(slug="lifting")
    )
    children = list(parent.get_children().order_by("path"))
    # An edit to a page in the middle would move it first in a "last updated" listing.
    children[2].specific.save_revision().publish()
    assert explorer_titles(marketer, parent) == [child.title for child in children]
