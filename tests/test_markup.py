"""Valid markup: the Nu HTML Checker (vnu, the W3C validator) finds no error on any page type.

Every page type is rendered with its optional parts filled (doctors with photos, hours, an
address, a notice, a treatment with every body block and prices), as an anonymous visitor
gets it with the page cache on, and all pages are checked in one run of vnu.jar (`make vnu`
installs it from npm's vnu-jar; Java is needed).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from django.conf import settings
from django.core.cache import cache
from django.test import Client

from home.models import NoticeIndexPage, NoticePage
from tests.factories import (
    clinic_settings,
    doctor,
    give_photo,
    photograph,
    weekday_hours,
)
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

VNU_JAR = (
    Path(settings.BASE_DIR)
    / ".cache"
    / "vnu"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)
PAGE_TYPES = {
    "home": "/",
    "section": "/about/",
    "content": "/about/philosophy/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "treatment-plain": "/lifting/exilis/",
    "doctors": "/about/doctors/",
    "hours": "/about/hours/",
    "directions": "/about/directions/",
    "fees": "/about/fees/",
    "notices": "/notices/",
    "notice": "/notices/markup-notice/",
    "policy": "/privacy/",
    "policy-archive": "/privacy/versions/",
    "search": "/search/?q=%EB%A6%AC%ED%94%84%ED%8C%85",
    "search-empty": "/search/?q=zzzz",
    "not-found": "/no-such-page/",
}


@pytest.fixture
def full_site():
    """Every optional part of every page type filled in."""
    clinic = clinic_settings()
    clinic.address = "서울특별시 강남구 예시로 1, 3층"
    clinic.hours = weekday_hours()
    clinic.representative, clinic.business_number = "홍길동", "123-45-67890"
    clinic.kakao_channel_url = "https://pf.kakao.com/_example"
    clinic.naver_reservation_url = "https://booking.naver.com/example"
    clinic.save()
    kim = doctor("김엔비", "대표원장", with_photo=True, specialties="리프팅, 색소", career="경력 1")
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.doctors.add(kim)
    ulthera.fees.create(name="울쎄라 300샷", price_min=990000)
    ulthera.fees.create(name="울쎄라 600샷", price_min=1500000, price_max=1800000)
    ulthera.body = [
        ("paragraph", "<p>울쎄라 설명</p>"),
        ("image", {"image": photograph("markup", "사진", "시술 장면"), "caption": "설명"}),
        (
            "facts",
            {
                "duration": "약 30분",
                "anesthesia": "연고 마취",
                "recovery": "",
                "interval": "",
                "longevity": "",
            },
        ),
        (
            "faq",
            {
                "heading": "자주 묻는 질문",
                "items": [{"question": "아픈가요?", "answer": "<p>개인차</p>"}],
            },
        ),
        ("video", {"url": "https://youtu.be/abc123", "title": "시술 영상"}),
        (
            "related",
            {"heading": "함께 보면 좋은 시술", "pages": [TreatmentPage.objects.get(slug="exilis")]},
        ),
    ]
    ulthera.save_revision().publish()
    give_photo(TreatmentPage.objects.get(slug="thread-lifting"))
    index = NoticeIndexPage.objects.get()
    index.add_child(
        instance=NoticePage(title="설 연휴 휴진 안내", slug="markup-notice", summary="휴진합니다.")
    )
    NoticePage.objects.get(slug="markup-notice").save_revision().publish()
    cache.clear()


def test_every_page_type_is_valid_html(full_site, tmp_path):
    assert shutil.which("java"), "java is needed for the Nu HTML Checker"
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make vnu`"
    client = Client()
    files = []
    for name, url in PAGE_TYPES.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{Path(m['url']).stem}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
