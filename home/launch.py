"""Launch readiness: what a real launch still needs, each with the admin screen that fixes it.

Shown on the admin dashboard (사이트 공개 준비, home.wagtail_hooks) and printed by
``manage.py check_launch``, which exits non-zero while a required item is missing. Public pages
never show a gap to visitors (they fall back to the phone and 상담); this list tells the editor.
"""

import ipaddress
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .models import ClinicSettings, ContentPage, Doctor, HomePage
from .text import html_to_text

OK, WARNING, MISSING = "ok", "warning", "missing"
# Pages whose own text (summary and body) is shorter than this read as placeholders.
MIN_PAGE_TEXT = 300
DEVELOPMENT_HOSTS = {"localhost", "testserver", "example.com", "www.example.com"}
DEVELOPMENT_SUFFIXES = (".local", ".localhost", ".test", ".internal", ".example")


@dataclass
class Item:
    """One line of the list: what it is, whether a launch needs it, and where to fix it."""

    label: str
    status: str
    detail: str
    required: bool
    fix_url: str = ""
    fix_label: str = ""
    links: list = field(default_factory=list)  # (label, url) for item-by-item fixes

    @property
    def blocks_launch(self):
        return self.required and self.status == MISSING


def launch_items(site=None):
    """Every check for `site` (the default site when none), in the order the panel shows them."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    clinic = ClinicSettings.for_site(site)
    checks = Checks(site, clinic)
    return [
        checks.site_address(),
        checks.phone(),
        checks.address(),
        checks.map_link(),
        checks.hours(),
        checks.business_details(),
        checks.privacy_officer(),
        checks.prices(),
        checks.doctors(),
        checks.doctor_photos(),
        checks.hero_image(),
        checks.real_photos(),
        checks.kakao_channel(),
        checks.verification(),
        checks.page_text(),
    ]


def is_development_host(hostname):
    name = (hostname or "").lower().strip(".")
    if name in DEVELOPMENT_HOSTS or name.endswith(DEVELOPMENT_SUFFIXES) or "." not in name:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Checks:
    def __init__(self, site, clinic):
        self.site = site
        self.clinic = clinic
        self.settings_url = reverse(
            "wagtailsettings:edit", args=["home", "clinicsettings", site.pk]
        )

    def settings_item(self, label, ok, detail_missing, detail_ok, required, status=MISSING):
        return Item(
            label=label,
            status=OK if ok else status,
            detail=detail_ok if ok else detail_missing,
            required=required,
            fix_url=self.settings_url,
            fix_label="설정 › 병원 정보",
        )

    def site_address(self):
        url = self.site.root_url
        if is_development_host(self.site.hostname):
            status, detail = (
                MISSING,
                (
                    f"사이트 주소가 개발용 주소({url})로 되어 있어 sitemap.xml과 대표 주소(canonical)가 "
                    "모두 이 주소를 가리킵니다. 실제 도메인으로 바꿔 주세요."
                ),
            )
        elif self.site.port != 443:
            status, detail = (
                MISSING,
                (f"사이트 주소가 {url}입니다. https로 서비스한다면 포트를 443으로 바꿔 주세요."),
            )
        else:
            status, detail = OK, f"sitemap.xml과 대표 주소가 모두 {url} 주소를 씁니다."
        return Item(
            label="사이트 주소(도메인)",
            status=status,
            detail=detail,
            required=True,
            fix_url=reverse("wagtailsites:edit", args=[self.site.pk]),
            fix_label="설정 › 사이트",
        )

    def phone(self):
        return self.settings_item(
            "대표 전화번호",
            bool(self.clinic.phone),
            "전화번호가 없어 전화 상담 버튼이 보이지 않습니다.",
            f"{self.clinic.phone}",
            required=True,
        )

    def address(self):
        return self.settings_item(
            "주소",
            bool(self.clinic.address),
            "주소가 없어 오시는길과 바닥글, 검색엔진 정보에 위치가 빠집니다.",
            self.clinic.address,
            required=True,
        )

    def map_link(self):
        has_link = bool(self.clinic.naver_map_url or self.clinic.kakao_map_url)
        ok = has_link and self.clinic.has_geo()
        missing = []
        if not has_link:
            missing.append("네이버 지도나 카카오맵 주소(지금은 주소 검색 링크를 씁니다)")
        if not self.clinic.has_geo():
            missing.append("지도 좌표(위도·경도)")
        return self.settings_item(
            "지도 링크와 좌표",
            ok,
            "입력할 것: " + ", ".join(missing) + ".",
            "지도 주소와 좌표가 있습니다.",
            required=False,
            status=WARNING,
        )

    def hours(self):
        return self.settings_item(
            "진료 시간",
            self.clinic.has_hours(),
            "요일별 진료 시간이 없어 진료안내 페이지가 전화 안내만 보여 줍니다.",
            "요일별 진료 시간이 있습니다.",
            required=True,
        )

    def business_details(self):
        names = {
            "representative": "대표자",
            "business_number": "사업자등록번호",
            "medical_subjects": "진료과목",
        }
        missing = [label for name, label in names.items() if not getattr(self.clinic, name)]
        return self.settings_item(
            "사업자 정보",
            not missing,
            f"바닥글에 보일 {', '.join(missing)} 항목이 비어 있습니다.",
            "상호, 대표자, 사업자등록번호, 진료과목이 바닥글에 보입니다.",
            required=True,
        )

    def privacy_officer(self):
        ok = bool(self.clinic.privacy_officer and self.clinic.privacy_officer_contact)
        return self.settings_item(
            "개인정보 보호책임자 연락처",
            ok,
            "개인정보 보호책임자의 이름과 연락처를 입력해 주세요(바닥글에 보입니다).",
            f"{self.clinic.privacy_officer} {self.clinic.privacy_officer_contact}",
            required=True,
        )

    def prices(self):
        treatments = (
            apps.get_model("treatments", "TreatmentPage")
            .objects.live()
            .public()
            .annotate(fee_count=Count("fees"))
            .order_by("path")
            .only("id", "title")
        )
        unpriced = [page for page in treatments if not page.fee_count]
        total = len(treatments)
        priced = total - len(unpriced)
        fees_page = self.clinic.fees_page
        if not fees_page or priced == 0:
            status = MISSING
            detail = (
                "비급여 진료비용 페이지가 설정되어 있지 않습니다."
                if not fees_page
                else "가격이 입력된 시술이 없습니다. 의료법 제45조에 따라 비급여 진료비용을 알려야 합니다."
            )
        elif unpriced:
            status, detail = WARNING, f"시술 {total}개 중 {len(unpriced)}개에 가격이 없습니다."
        if unpriced and len(unpriced) > 8:
            detail += f" (아래는 앞의 8개, 나머지 {len(unpriced) - 8}개)"
        else:
            status, detail = OK, f"시술 {total}개 모두 가격이 있습니다."
        return Item(
            label="비급여 진료비용(가격)",
            status=status,
            detail=detail,
            required=True,
            fix_url=edit_url(unpriced[0]) if unpriced else self.settings_url,
            fix_label="시술 페이지 › 비급여 진료비용" if unpriced else "설정 › 병원 정보",
            links=[(page.title, edit_url(page)) for page in unpriced[:8]],
        )

    def doctors(self):
        count = Doctor.objects.count()
        return Item(
            label="의료진",
            status=OK if count else MISSING,
            detail=f"의료진 {count}명이 엔비의료진 페이지에 보입니다."
            if count
            else "등록된 의료진이 없어 엔비의료진 페이지가 전화 안내만 보여 줍니다.",
            required=True,
            fix_url=reverse("wagtailsnippets_home_doctor:list"),
            fix_label="의료진",
        )

    def doctor_photos(self):
        doctors = list(Doctor.objects.select_related("photo"))
        without = [d for d in doctors if d.photo is None or d.photo.is_generated]
        if not doctors:
            detail = "사진을 올릴 의료진이 아직 없습니다."
        elif without:
            detail = f"의료진 {len(doctors)}명 중 {len(without)}명에게 실제 사진이 없습니다."
        else:
            detail = "모든 의료진에게 사진이 있습니다."
        return Item(
            label="의료진 사진",
            status=WARNING if without or not doctors else OK,
            detail=detail,
            required=False,
            fix_url=reverse("wagtailsnippets_home_doctor:list"),
            fix_label="의료진",
            links=[
                (str(d), reverse("wagtailsnippets_home_doctor:edit", args=[d.pk]))
                for d in without[:8]
            ],
        )

    def hero_image(self):
        home = HomePage.objects.filter(pk=self.site.root_page_id).select_related("image").first()
        ok = bool(home and home.image and not home.image.is_generated)
        return Item(
            label="홈페이지 대표 사진",
            status=OK if ok else WARNING,
            detail="홈페이지 첫 화면에 사진이 있습니다."
            if ok
            else "홈페이지 첫 화면에 사진이 없어 글자로 된 첫 화면을 보여 줍니다.",
            required=False,
            fix_url=edit_url(home) if home else "",
            fix_label="홈페이지 › 대표 이미지",
        )

    def real_photos(self):
        """Per section: how many of its pages still show a picture home.images drew."""
        root = self.site.root_page
        pages = [
            page
            for page in Page.objects.descendant_of(root)
            .filter(depth__lte=root.depth + 2)
            .live()
            .specific()
            .order_by("path")
            if getattr(page, "image_id", None) or page.depth == root.depth + 1
        ]
        ids = {page.image_id for page in pages if getattr(page, "image_id", None)}
        drawn_ids = {
            image.pk
            for image in get_image_model().objects.filter(pk__in=ids).only("id", "file")
            if image.is_generated
        }
        sections, counts = {}, {}
        for page in pages:
            if page.depth == root.depth + 1:
                sections[page.path] = page
            section_path = page.path[: (root.depth + 1) * Page.steplen]
            total, drawn = counts.get(section_path, (0, 0))
            has_picture = getattr(page, "image_id", None) is not None
            drawn += getattr(page, "image_id", None) in drawn_ids
            counts[section_path] = (total + has_picture, drawn)
        links = []
        drawn_total = 0
        for path, section in sections.items():
            total, drawn = counts.get(path, (0, 0))
            if drawn:
                drawn_total += drawn
                links.append((f"{section.title}: {total}개 중 {drawn}개", explore_url(section)))
        return Item(
            label="실제 사진",
            status=WARNING if drawn_total else OK,
            detail=f"페이지 {drawn_total}개가 아직 자동으로 그린 그림을 씁니다(방문자에게는 글자로 된 카드로 보입니다)."
            if drawn_total
            else "모든 분류와 시술에 실제 사진이 있습니다.",
            required=False,
            fix_url=reverse("wagtailimages:index"),
            fix_label="이미지",
            links=links,
        )

    def kakao_channel(self):
        return self.settings_item(
            "카카오톡 채널",
            bool(self.clinic.kakao_channel_url),
            "카카오톡 상담 버튼이 보이지 않습니다.",
            "카카오톡 상담 버튼이 보입니다.",
            required=False,
            status=WARNING,
        )

    def verification(self):
        missing = [
            name
            for name, value in (
                ("네이버", self.clinic.naver_site_verification),
                ("구글", self.clinic.google_site_verification),
            )
            if not value
        ]
        names = "·".join(missing)
        return self.settings_item(
            "검색엔진 사이트 소유 확인",
            not missing,
            f"{names} 사이트 소유 확인 코드가 없습니다.",
            "네이버와 구글 확인 코드가 있습니다.",
            required=False,
            status=WARNING,
        )

    def page_text(self):
        short = [page for page in text_pages(self.site) if len(page_text(page)) < MIN_PAGE_TEXT]
        return Item(
            label="페이지 본문 분량",
            status=WARNING if short else OK,
            detail=f"페이지 {len(short)}개의 글이 {MIN_PAGE_TEXT}자보다 짧습니다."
            + (f" (아래는 앞의 8개, 나머지 {len(short) - 8}개)" if len(short) > 8 else "")
            if short
            else f"모든 시술·소개 페이지의 글이 {MIN_PAGE_TEXT}자 이상입니다.",
            required=False,
            fix_url=edit_url(short[0]) if short else "",
            fix_label="페이지 편집",
            links=[(page.title, edit_url(page)) for page in short[:8]],
        )


def text_pages(site):
    """Treatments and general pages (their text is the content; other types show data)."""
    return (
        Page.objects.descendant_of(site.root_page)
        .live()
        .type(apps.get_model("treatments", "TreatmentPage"), ContentPage)
        .specific()
        .order_by("path")
    )


def page_text(page):
    """The words a visitor reads on the page: its summary and body, without markup."""
    parts = [page.summary]
    body_field = page._meta.get_field("body")
    parts.extend(body_field.get_searchable_content(page.body))
    return " ".join(html_to_text(" ".join(str(p) for p in parts)).split())


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def explore_url(page):
    return reverse("wagtailadmin_explore", args=[page.pk])


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
