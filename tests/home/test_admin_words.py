"""The admin's remaining English and particles: script strings, workflow names, upload messages.

Korean particles (이/가, 을/를, 은/는, 과/와, 으로/로) depend on the word before them, so no
translation may put one straight after a placeholder; ours reword Wagtail's where it does.
"""

import json
import re
from pathlib import Path

import pytest
from babel.messages.catalog import TranslationError
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import wagtail
from wagtail.models import Page, Task, Workflow

from home.models import ClinicImage
from tests.factories import marketing_user

LOCALE = settings.BASE_DIR / "locale" / "ko" / "LC_MESSAGES"
WAGTAIL = Path(wagtail.__file__).parent
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
PLACEHOLDER_THEN_PARTICLE = re.compile(
    r"(%\([a-z_]+\)[sd]|\{[a-z_0-9]*\}|%s|%d)(</\w+>)*['’”\"」]?(</\w+>)*"
    r"(이|가|을|를|은|는|와|과|으로|로|이\(가\)|을\(를\)|은\(는\)|\(으\)로)(?=[\s.,!?)<:]|$)"
)


def load(path):
    with open(path, "rb") as po:
        return read_po(po)


def key(message):
    return message.id if isinstance(message.id, str) else message.id[0]


def strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def effective_translations(domain, apps):
    """What the admin shows: our catalogue's entry where there is one, else Wagtail's."""
    found = {}
    for app in apps:
        path = WAGTAIL / app / "locale" / "ko" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            for message in load(path):
                if message.id and all(strings(message)):
                    found[key(message)] = strings(message)
    for message in load(LOCALE / f"{domain}.po"):
        if message.id:
            found[key(message)] = strings(message)
    return found


def test_script_catalogue_is_complete_with_its_placeholders():
    catalogue = load(LOCALE / "djangojs.po")
    problems = []
    for message in catalogue:
        if message.id and not all(strings(message)):
            problems.append(f"비어 있음: {message.id!r}")
        elif message.id:
            try:
                python_format(catalogue, message)
            except TranslationError as error:
                problems.append(f"{message.id!r}: {error}")
    assert not problems, "\n".join(problems)


def test_with_wagtails_own_every_admin_script_string_has_korean():
    korean = effective_translations("djangojs", ["admin"])
    english = load(WAGTAIL / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po")
    missing = [key(m) for m in english if m.id and key(m) not in korean]
    assert not missing, missing


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_no_particle_follows_a_placeholder(domain):
    apps = WAGTAIL_APPS if domain == "django" else ["admin"]
    wrong = {
        msgid: text
        for msgid, texts in effective_translations(domain, apps).items()
        for text in texts
        if PLACEHOLDER_THEN_PARTICLE.search(text)
    }
    assert not wrong, json.dumps(wrong, ensure_ascii=False, indent=1)


@pytest.mark.django_db
def test_the_admin_script_catalogue_serves_our_korean(admin_client):
    response = admin_client.get("/admin/jsi18n/")
    text = response.content.decode()  # the catalogue is JSON with escaped Hangul
    assert json.dumps("블록 넣기") in text
    assert json.dumps("(이 메뉴에 새 항목 %(number)s개)") in text


@pytest.mark.django_db
def test_the_moderation_workflow_has_a_korean_name(admin_client):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    treatment = Page.objects.get(url_path="/home/lifting/ulthera/")
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[treatment.pk])
    ).content.decode()
    assert "Moderators" not in html
    assert "검토 후 게시" in html or "검토자 승인" in html


@pytest.mark.django_db
def test_a_page_message_reads_right_whatever_the_title(admin_client):
    """'페이지 '개인정보처리방침'가 …' was the bug: the particle now follows a fixed word."""
    from django.utils import translation

    with translation.override("ko"):
        text = translation.gettext(
            "Page '%(page_title)s' is live and this version has been scheduled for publishing."
        ) % {"page_title": "개인정보처리방침"}
    assert text == "'개인정보처리방침' 페이지는 게시 중이며, 이 버전의 게시가 예약되었습니다."


@pytest.mark.django_db
def test_an_upload_is_not_announced_as_saved_until_it_is():
    client = Client()
    client.force_login(marketing_user())
    html = client.get(reverse("wagtailimages:add_multiple")).content.decode()
    assert "아직 저장되지 않았습니다" in html
    assert "성공적으로" not in html and "업로드되었습니다" not in html

    from home.images import draw_picture

    picture, _ = draw_picture("upload")
    from io import BytesIO

    buffer = BytesIO()
    picture.save(buffer, "JPEG")
    before = ClinicImage.objects.count()
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("시술실.jpg", buffer.getvalue(), "image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    data = response.json()
    assert data["success"]
    assert ClinicImage.objects.count() == before  # only a pending file: no image yet
    form_html = data["form"]
    action = re.search(r'action="([^"]+)"', form_html)[1]
    prefix = re.search(r'name="([\w-]+)-title"', form_html)[1]
    saved = client.post(
        action,
        {
            f"{prefix}-title": "시술실",
            f"{prefix}-description": "밝은 시술실 사진",
            f"{prefix}-tags": "",
        },
    ).json()
    assert saved["success"], saved
    assert ClinicImage.objects.count() == before + 1
    assert ClinicImage.objects.latest("pk").description == "밝은 시술실 사진"
    assert "이미지를 저장했습니다." in html  # the message shown only after this save


@pytest.mark.django_db
def test_admin_avatars_are_served_by_us(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert '"avatarUrl": "/static/wagtailadmin/images/default-user-avatar.png' in html
