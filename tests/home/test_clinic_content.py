import pytest

from django.core.management import call_command

from wagtail.models import Page, Site

from home.models import ClinicSettings, HomePage
from policies.models import PolicyPage
from tests.seed import SEED_DOCUMENT, SEED_MENU
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db


def tree_snapshot():
    return list(
        Page.objects.order_by("path").values_list("path", "title", "slug", "live", "content_type")
    )


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def test_site_root_is_the_clinic_home_page():
    home = home_page()
    assert isinstance(home, HomePage)
    assert home.title == "청담엔비의원"
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_every_seed_section_and_page_is_live_in_the_seed_order():
    home = home_page()
    sections = home.get_children().live().in_menu()
    assert [s.title for s in sections] == [title for title, _ in SEED_MENU]
    for section, (_, pages) in zip(sections, SEED_MENU, strict=True):
        assert [p.title for p in section.get_children().live().in_menu()] == pages
    assert sum(len(pages) for _, pages in SEED_MENU) == 46


def test_every_seed_page_answers_200_with_its_title(client):
    for section in home_page().get_children().live().in_menu():
        for page in [section, *section.get_children().live()]:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f"<h1>{page.title}</h1>" in response.content.decode(), page.url


def test_pages_have_readable_ascii_slugs():
    assert Page.objects.get(url_path="/home/lifting/ulthera/").title == "울쎄라"
    for page in home_page().get_descendants():
        assert page.slug.isascii() and page.slug == page.slug.lower(), page.title


def test_treatment_sections_hold_treatments_with_a_summary():
    lifting = TreatmentCategoryPage.objects.get(slug="lifting")
    treatments = TreatmentPage.objects.child_of(lifting)
    assert treatments.count() == 8
    for treatment in TreatmentPage.objects.all():
        assert len(treatment.summary) > 20, treatment.title


def test_privacy_policy_is_linked_from_the_clinic_settings():
    policy = PolicyPage.objects.get()
    assert policy.title == "개인정보처리방침"
    assert not policy.show_in_menus
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    assert clinic.privacy_policy_page_id == policy.pk


def test_loading_twice_gives_the_same_tree():
    before = tree_snapshot()
    call_command("load_clinic_content", verbosity=0)
    assert tree_snapshot() == before


def test_reloading_keeps_an_editors_changes():
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.title = "울쎄라 리프팅"
    ulthera.summary = "편집자가 고친 요약"
    ulthera.save_revision().publish()
    Page.objects.get(slug="exilis").delete()

    call_command("load_clinic_content", verbosity=0)

    ulthera.refresh_from_db()
    assert (ulthera.title, ulthera.summary) == ("울쎄라 리프팅", "편집자가 고친 요약")
    assert not Page.objects.filter(slug="exilis").exists()
    assert TreatmentPage.objects.filter(slug="ulthera").count() == 1


def test_every_seed_page_has_a_published_revision():
    for page in home_page().get_descendants(inclusive=True):
        assert page.live_revision_id is not None, page.title


def test_notices_are_listed_newest_first(client):
    import datetime

    from home.models import NoticeIndexPage, NoticePage

    index = NoticeIndexPage.objects.get()
    for day, title in [(1, "오래된 공지"), (20, "새 공지"), (10, "중간 공지")]:
        index.add_child(instance=NoticePage(title=title, published_on=datetime.date(2026, 11, day)))
    html = client.get(index.url).content.decode()
    assert html.index("새 공지") < html.index("중간 공지") < html.index("오래된 공지")
    assert "2026.11.20" in html


def test_the_menu_written_in_the_tests_is_the_seed_documents_own():
    """SEED_MENU is typed out by hand; the client's document, kept in the repository, agrees."""
    sections = []
    for line in SEED_DOCUMENT.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("•"):
            continue
        title = line.strip().lstrip("•").strip()
        if line.startswith("    "):
            sections[-1][1].append(title)
        else:
            sections.append((title, []))
    assert sections == SEED_MENU
