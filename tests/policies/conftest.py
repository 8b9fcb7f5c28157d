import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from policies.access import ensure_policy_access
from policies.models import PolicyPage
from tests.utils import seoul  # noqa: F401 (the policy tests import it from here)


@pytest.fixture
def policy(db):
    ensure_policy_access(apps)
    return PolicyPage.objects.get(slug="privacy")


@pytest.fixture
def privacy_manager(django_user_model, policy):
    user = django_user_model.objects.create_user("privacy", password="pw", first_name="정보관리")
    user.groups.add(Group.objects.get(name="개인정보 관리자"))
    return user


@pytest.fixture
def marketer(django_user_model, policy):
    """Like the marketing team: may edit and publish every page of the site."""
    group = Group.objects.create(name="마케팅 (시험)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    home = Page.objects.get(depth=2)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("marketer", password="pw")
    user.groups.add(group)
    return user


def changed_body(page, old="개인정보", new="고객정보", section=1):
    """The page's articles with one article's wording changed."""
    body = []
    for index, block in enumerate(page.body.raw_data):
        value = dict(block["value"])
        if index == section:
            value["body"] = value["body"].replace(old, new, 1)
        body.append({"type": "section", "value": value})
    return body


def publish_in_editor(page, user, announced_on, effective_on, **fields):
    """The editor's 게시 button: the edit form posted with the new dates, the 개정 요약 and one
    article changed, by `user` in their own browser session (the test's client stays anonymous).

    Returns the admin's response; `response.client` is the editor's session."""
    editor = Client()
    editor.force_login(user)
    draft = PolicyPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.body = fields.pop("body", None) or changed_body(draft)
    fields.setdefault("change_summary", "보유 기간을 명확히 했습니다.")
    data = edit_form_data(
        draft, announced_on=str(announced_on), effective_on=str(effective_on), **fields
    )
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def edit_form_data(page, action="action-publish", **overrides):
    """The admin's edit form as the browser would post it."""
    sections = [
        (
            "section",
            {
                "number": b["value"]["number"],
                "heading": b["value"]["heading"],
                "body": rich_text(b["value"]["body"]),
            },
        )
        for b in page.body.raw_data
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "document_title": page.document_title,
        "announced_on": page.announced_on.isoformat() if page.announced_on else "",
        "effective_on": page.effective_on.isoformat() if page.effective_on else "",
        "change_summary": page.change_summary,
        "body": streamfield(sections),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    if page.unfavourable_change and "unfavourable_change" not in overrides:
        data["unfavourable_change"] = "on"
    form = nested_form_data(data)
    if action:
        form[action] = action
    return form
