import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import marketing_user
from treatments.models import TreatmentCategoryPage, TreatmentPage

PRECAUTIONS = "<p>붉어짐과 부기가 생길 수 있습니다.</p>"


@pytest.fixture
def marketer(client, db):
    user = marketing_user()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def lifting(db):
    return TreatmentCategoryPage.objects.get(slug="lifting")


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def treatment_form(
    title="새 리프팅",
    slug="new-lifting",
    summary="새 리프팅 요약입니다.",
    faq_answer="<p>개인차가 있습니다.</p>",
    caption="",
    action=None,
    **extra,
):
    """The treatment editor's form as a browser posts it, with a FAQ answer of our choosing."""
    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "menu_label": "",
        "image": "",
        "alternative_names": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>시술 설명입니다.</p>")),
                (
                    "faq",
                    {
                        "heading": "자주 묻는 질문",
                        "items": streamfield(
                            [("item", {"question": "아픈가요?", "answer": rich_text(faq_answer)})]
                        ),
                    },
                ),
            ]
        ),
        "precautions": rich_text(PRECAUTIONS),
        "fees": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(extra)
    form = nested_form_data(data)
    if action:
        form[action] = action
    return form


def new_treatment(marketer, lifting, **fields):
    """A draft saved through the real add-page form (saving a draft is never refused)."""
    response = marketer.post(add_url(TreatmentPage, lifting), treatment_form(**fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return TreatmentPage.objects.get(slug=fields.get("slug", "new-lifting"))
