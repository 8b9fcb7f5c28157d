"""The admin speaks Korean: our catalogue fills what Wagtail's Korean catalogue leaves in English."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import TranslationError
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po

from django.apps import apps
from django.conf import settings

import wagtail
from wagtail.models import Page

from policies.access import ensure_policy_access
from policies.models import PolicyPage

CATALOGUE = settings.BASE_DIR / "locale" / "ko" / "LC_MESSAGES" / "django.po"
WAGTAIL = Path(wagtail.__file__).parent
# The Wagtail apps in INSTALLED_APPS whose screens editors use.
WAGTAIL_APPS = [
    "",
    "admin",
    "images",
    "documents",
    "snippets",
    "users",
    "contrib/forms",
    "contrib/redirects",
    "contrib/search_promotions",
    "contrib/settings",
]


def message_key(message):
    return (message.id if isinstance(message.id, str) else message.id[0], message.context)


def is_translated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def load(path):
    with open(path, "rb") as po:
        return read_po(po)


def test_every_entry_is_translated_with_its_placeholders():
    catalogue = load(CATALOGUE)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        if not is_translated(message):
            problems.append(f"비어 있음: {message.id!r}")
            continue
        try:
            python_format(catalogue, message)
        except TranslationError as error:
            problems.append(f"{message.id!r}: {error}")
        source = message.id if isinstance(message.id, str) else message.id[-1]
        string = message.string if isinstance(message.string, str) else message.string[0]
        if sorted(re.findall(r"\{[^{}]*\}", source)) != sorted(re.findall(r"\{[^{}]*\}", string)):
            problems.append(f"중괄호 자리표시자가 다름: {message.id!r}")
    assert not problems, "\n".join(problems)


def test_with_wagtails_own_every_admin_string_has_korean():
    ours = {message_key(m) for m in load(CATALOGUE) if m.id and is_translated(m)}
    missing = []
    for app in WAGTAIL_APPS:
        korean = WAGTAIL / app / "locale" / "ko" / "LC_MESSAGES" / "django.po"
        theirs = (
            {message_key(m)[0] for m in load(korean) if m.id and is_translated(m)}
            if korean.exists()
            else set()
        )
        for message in load(WAGTAIL / app / "locale" / "en" / "LC_MESSAGES" / "django.po"):
            key = message_key(message)
            if message.id and key[0] not in theirs and key not in ours:
                missing.append(f"wagtail/{app}: {key[0]!r}")
    assert not missing, "한국어가 없는 Wagtail 문구:\n" + "\n".join(missing)


class VisibleText(HTMLParser):
    """Text a person sees or hears in a page: text nodes and labelling attributes, leaving out
    scripts, icons and elements marked `hidden`."""

    HIDDEN_TAGS = {"script", "style", "template", "svg"}
    VOID_TAGS = {
        "area",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.strings = []
        self.open_tags = []  # (tag, hidden) for each element we are inside

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in self.VOID_TAGS:
            hidden = tag in self.HIDDEN_TAGS or "hidden" in attributes
            self.open_tags.append((tag, hidden))
        if self.hidden:
            return
        for name in ("aria-label", "title", "placeholder", "alt"):
            if attributes.get(name):
                self.strings.append(attributes[name].strip())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.open_tags) - 1, -1, -1):
            if self.open_tags[index][0] == tag:
                del self.open_tags[index:]
                break

    @property
    def hidden(self):
        return any(hidden for _, hidden in self.open_tags)

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.strings.append(data.strip())


def english_strings(html, allowed):
    parser = VisibleText()
    parser.feed(html)
    return sorted(
        {
            text
            for text in parser.strings
            if re.search(r"[A-Za-z]{3,}", text)
            and not re.search(r"[가-힣]", text)
            and not any(re.fullmatch(pattern, text) for pattern in allowed)
        }
    )


@pytest.fixture
def policy_under_review(db, django_user_model):
    """A marketer's policy change waiting for approval."""
    ensure_policy_access(apps)
    marketer = django_user_model.objects.create_user("kim", first_name="마케팅")
    policy = PolicyPage.objects.get(slug="privacy")
    draft = policy.get_latest_revision_as_object()
    draft.announced_on = datetime.date.today() + datetime.timedelta(days=1)
    draft.effective_on = draft.announced_on + datetime.timedelta(days=7)
    draft.save_revision(user=marketer)
    policy.get_workflow().start(policy, marketer)
    return policy


def test_admin_screens_an_editor_works_in_show_no_english(client, admin_user, policy_under_review):
    policy = policy_under_review
    client.force_login(admin_user)
    home = Page.objects.get(depth=2)
    treatment = Page.objects.get(url_path="/home/lifting/ulthera/")
    screens = [
        "/admin/",
        f"/admin/pages/{treatment.pk}/edit/",
        f"/admin/pages/{policy.pk}/edit/",
        f"/admin/pages/{policy.pk}/history/",
        f"/admin/pages/{policy.pk}/workflow_history/",
        f"/admin/pages/{home.pk}/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/snippets/home/doctor/",
        "/admin/snippets/home/doctor/add/",
        "/admin/settings/home/clinicsettings/",
        "/admin/policy_versions/",
        "/admin/searchpicks/",
        "/admin/account/",
    ]
    allowed = [
        # Names and marks that stay in Latin letters in Korean text too.
        r"Wagtail( \d+(\.\d+)*)?",
        r"admin|kim",
        r"[\w.-]+@[\w.-]+",
        r"https?://\S+",
        r"URL|ID|HTML|RSS|SEO|FAQ",
        r"MBTC-Y",  # a treatment of the shipped content, listed in the launch readiness panel
        # Wagtail writes this screen-reader label into its header template without gettext.
        r"Actions",
    ]
    found = {}
    for url in screens:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        english = english_strings(response.content.decode(), allowed)
        if english:
            found[url] = english
    assert not found, found
