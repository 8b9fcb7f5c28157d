"""Publishing, unpublishing, moving and privatising a page reach search at once."""

import pytest
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend

from wagtail.models import Page, PageViewRestriction

from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

NEW_NAME = "소노퀸리프팅"


def found(query):
    return [page.title for page in Page.objects.live().public().search(query)]


@pytest.fixture
def draft_treatment():
    lifting = Page.objects.get(slug="lifting")
    page = lifting.add_child(
        instance=TreatmentPage(
            title=NEW_NAME, slug="sonoqueen", summary="새로 도입한 초음파 리프팅입니다.", live=False
        )
    )
    page.save_revision()
    return page


def test_index_updates_run_in_process_immediately():
    # modelsearch enqueues each index update as a django-tasks task; with the default
    # ImmediateBackend (no TASKS setting) it runs inside save(), before the request ends.
    assert isinstance(task_backends["default"], ImmediateBackend)


def test_a_draft_is_never_found(draft_treatment):
    assert NEW_NAME not in found(NEW_NAME)


def test_publishing_makes_a_page_findable_and_unpublishing_hides_it(draft_treatment):
    draft_treatment.get_latest_revision().publish()
    assert found(NEW_NAME)[0] == NEW_NAME

    draft_treatment.refresh_from_db()
    draft_treatment.unpublish()
    assert NEW_NAME not in found(NEW_NAME)


def test_a_retitled_draft_is_found_by_its_new_name_only_after_publishing(draft_treatment):
    draft_treatment.get_latest_revision().publish()
    page = TreatmentPage.objects.get(pk=draft_treatment.pk)
    page.title = "울트라포머"
    revision = page.save_revision()
    assert "울트라포머" not in found("울트라포머")
    assert NEW_NAME in found(NEW_NAME)

    revision.publish()
    assert found("울트라포머")[0] == "울트라포머"
    assert NEW_NAME not in found(NEW_NAME)


def test_a_private_page_is_not_found(draft_treatment):
    draft_treatment.get_latest_revision().publish()
    PageViewRestriction.objects.create(
        page=draft_treatment, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert NEW_NAME not in found(NEW_NAME)


def test_a_page_under_a_private_section_is_not_found():
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="lifting"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert "울쎄라" not in found("울쎄라")
    assert found("보톡스")[0] == "보톡스"


def test_a_moved_page_is_found_under_its_new_section(client, draft_treatment):
    draft_treatment.get_latest_revision().publish()
    skincare = Page.objects.get(slug="skincare")
    Page.objects.get(pk=draft_treatment.pk).move(skincare, pos="last-child")

    html = client.get("/search/", {"q": NEW_NAME}).content.decode()
    assert 'href="/skincare/sonoqueen/"' in html
    assert '<p class="search-results__section">스킨케어</p>' in html


def test_a_deleted_page_leaves_the_index(draft_treatment):
    draft_treatment.get_latest_revision().publish()
    Page.objects.get(pk=draft_treatment.pk).delete()
    assert NEW_NAME not in found(NEW_NAME)


def test_publishing_in_the_admin_indexes_that_page_alone(
    admin_client, client, monkeypatch, page_cache_on
):
    from wagtail.search.backends import get_search_backend

    from tests.search.conftest import result_titles
    from tests.treatments.test_admin_editing import add_url, publish, treatment_data

    index_class = type(get_search_backend().get_index_for_model(Page))
    indexed = []
    add_items = index_class.add_items

    def recording_add_items(self, model, objs):
        objs = list(objs)
        indexed.append([obj.pk for obj in objs])
        return add_items(self, model, objs)

    monkeypatch.setattr(index_class, "add_items", recording_add_items)
    lifting = Page.objects.get(slug="lifting")
    data = treatment_data(title=NEW_NAME, slug="sonoqueen")
    response = admin_client.post(add_url(TreatmentPage, lifting), publish(data))
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="sonoqueen")
    # Each save re-indexes the saved page only, whatever the size of the site.
    assert indexed and all(pks == [page.pk] for pks in indexed)
    assert result_titles(client.get("/search/", {"q": NEW_NAME}))[:1] == [NEW_NAME]
    assert [p.title for p in Page.objects.live().autocomplete("소노ㅋ")] == [NEW_NAME]
