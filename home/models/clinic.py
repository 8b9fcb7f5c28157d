from urllib.parse import quote

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Site
from wagtail.search import index

from ..blocks import OpeningHoursBlock
from ..cache import current_generation, page_cache
from ..hours import weekly_hours


def page_link(verbose_name, help_text):
    """A setting that points at one page of the site (kept when the page goes: set to empty)."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """The clinic's details, edited once and shown in the header, footer, 진료안내 and 오시는길."""

    name = models.CharField(
        "병원 이름",
        max_length=100,
        default="청담엔비의원",
        help_text="머리글, 바닥글, 브라우저 탭에 보이는 이름입니다.",
    )
    phone = models.CharField(
        "대표 전화번호", max_length=30, blank=True, help_text="예: 02-543-5856"
    )
    address = models.CharField(
        "주소", max_length=255, blank=True, help_text="도로명 주소를 층수까지 입력합니다."
    )
    representative = models.CharField(
        "대표자", max_length=50, blank=True, help_text="바닥글의 사업자 정보에 표시됩니다."
    )
    business_number = models.CharField(
        "사업자등록번호", max_length=20, blank=True, help_text="예: 123-45-67890"
    )
    medical_subjects = models.CharField(
        "진료과목",
        max_length=100,
        blank=True,
        help_text="바닥글의 의료기관 정보에 표시됩니다. 예: 피부과",
    )
    privacy_officer = models.CharField(
        "개인정보 보호책임자",
        max_length=50,
        blank=True,
        help_text="바닥글에 표시됩니다. 개인정보처리방침에 적힌 책임자와 같아야 합니다.",
    )
    privacy_officer_contact = models.CharField(
        "개인정보 보호책임자 연락처",
        max_length=100,
        blank=True,
        help_text="전화번호나 이메일 주소입니다. 예: 02-543-5856",
    )
    latitude = models.DecimalField(
        "위도",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="검색엔진에 알려 줄 병원 위치입니다. 지도 서비스에서 병원 위치의 좌표를 복사합니다. 예: 37.524100",
    )
    longitude = models.DecimalField(
        "경도", max_digits=9, decimal_places=6, null=True, blank=True, help_text="예: 127.045300"
    )
    hours = StreamField(
        [("day", OpeningHoursBlock())],
        blank=True,
        verbose_name="요일별 진료 시간",
        help_text="요일마다 하나씩 추가합니다. 추가하지 않은 요일은 휴진으로 표시됩니다.",
    )
    holiday_note = models.CharField(
        "휴진 안내",
        max_length=255,
        blank=True,
        help_text="예: 일요일·공휴일 휴진. 진료안내 페이지의 시간표 아래에 표시됩니다.",
    )
    kakao_channel_url = models.URLField(
        "카카오톡 채널 주소",
        blank=True,
        help_text="예: https://pf.kakao.com/_xxxx. 비워 두면 표시하지 않습니다.",
    )
    naver_map_url = models.URLField(
        "네이버 지도 주소",
        blank=True,
        help_text="비워 두면 주소로 네이버 지도를 검색하는 링크를 씁니다.",
    )
    kakao_map_url = models.URLField(
        "카카오맵 주소", blank=True, help_text="비워 두면 주소로 카카오맵을 검색하는 링크를 씁니다."
    )
    naver_reservation_url = models.URLField(
        "네이버 예약 주소", blank=True, help_text="시술 페이지와 진료안내의 예약 링크에 쓰입니다."
    )
    instagram_url = models.URLField("인스타그램 주소", blank=True, help_text="바닥글에 링크됩니다.")
    blog_url = models.URLField("블로그 주소", blank=True, help_text="바닥글에 링크됩니다.")
    naver_site_verification = models.CharField(
        "네이버 사이트 소유 확인 코드",
        max_length=100,
        blank=True,
        help_text="네이버 서치어드바이저가 주는 메타태그의 content 값만 붙여 넣습니다.",
    )
    google_site_verification = models.CharField(
        "구글 사이트 소유 확인 코드",
        max_length=100,
        blank=True,
        help_text="구글 서치 콘솔이 주는 메타태그의 content 값만 붙여 넣습니다.",
    )
    privacy_policy_page = page_link(
        "개인정보처리방침 페이지", "모든 페이지 하단에 굵게 연결되는 개인정보처리방침입니다."
    )
    directions_page = page_link(
        "오시는길 페이지", "휴대폰 화면 아래 고정 막대의 ‘오시는길’ 버튼이 여는 페이지입니다."
    )
    fees_page = page_link(
        "비급여 진료비용 페이지",
        "모든 페이지 하단에 연결되는 비급여 진료비용 안내입니다(의료법 제45조).",
    )
    menu_pages_per_section = models.PositiveSmallIntegerField(
        "메뉴의 분류별 페이지 수",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=(
            "머리글 메뉴에서 분류마다 보일 하위 페이지의 최대 개수입니다(1~50). 더 많으면 "
            "‘전체 보기’ 링크가 붙고, 나머지는 분류 페이지의 목록에서 볼 수 있습니다."
        ),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("phone"),
                    FieldPanel("address"),
                    FieldRowPanel(
                        [FieldPanel("latitude"), FieldPanel("longitude")], heading="지도 좌표"
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("representative"),
                            FieldPanel("business_number"),
                            FieldPanel("medical_subjects"),
                        ],
                        heading="사업자 정보",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("privacy_officer"), FieldPanel("privacy_officer_contact")],
                        heading="개인정보 보호책임자",
                    ),
                    FieldPanel("privacy_policy_page"),
                    FieldPanel("fees_page"),
                    FieldPanel("directions_page"),
                    FieldPanel("menu_pages_per_section"),
                ],
                heading="기본 정보",
            ),
            ObjectList([FieldPanel("hours"), FieldPanel("holiday_note")], heading="진료 시간"),
            ObjectList(
                [FieldPanel("naver_site_verification"), FieldPanel("google_site_verification")],
                heading="검색엔진",
            ),
            ObjectList(
                [
                    FieldPanel("kakao_channel_url"),
                    FieldPanel("naver_reservation_url"),
                    FieldPanel("naver_map_url"),
                    FieldPanel("kakao_map_url"),
                    FieldPanel("instagram_url"),
                    FieldPanel("blog_url"),
                ],
                heading="링크",
            ),
        ]
    )

    select_related = ["privacy_policy_page", "fees_page", "directions_page"]

    class Meta:
        verbose_name = "병원 정보"
        verbose_name_plural = "병원 정보"

    @classmethod
    def for_request(cls, request):
        """Kept in the cache per site until the next publish or settings save (home.cache)."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None or not settings.PAGE_CACHE_ENABLED or request.path.startswith("/admin/"):
            return super().for_request(request)
        key = f"nbsite:clinic-settings:{site.pk}:{current_generation()}"
        instance = page_cache().get(key)
        if instance is None:
            instance = cls.for_site(site)
            page_cache().set(key, instance, settings.CACHE_MIDDLEWARE_SECONDS)
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    def weekly_hours(self):
        return weekly_hours(self.hours)

    def has_hours(self):
        return any(not day.is_closed for day in self.weekly_hours())

    def naver_map_link(self):
        if self.naver_map_url:
            return self.naver_map_url
        return f"https://map.naver.com/p/search/{quote(self.address)}" if self.address else ""

    def kakao_map_link(self):
        if self.kakao_map_url:
            return self.kakao_map_url
        return f"https://map.kakao.com/link/search/{quote(self.address)}" if self.address else ""

    def business_details(self):
        """(label, value) pairs of the business details a Korean site shows in its footer."""
        officer = " ".join(p for p in (self.privacy_officer, self.privacy_officer_contact) if p)
        details = [
            ("상호", self.name),
            ("대표자", self.representative),
            ("사업자등록번호", self.business_number),
            ("진료과목", self.medical_subjects),
            ("주소", self.address),
            ("개인정보 보호책임자", officer),
        ]
        return [(label, value) for label, value in details if value]

    def has_geo(self):
        return self.latitude is not None and self.longitude is not None

    def social_links(self):
        """The clinic's channels that have an address, in the order the footer shows them."""
        links = [
            ("카카오톡 채널", self.kakao_channel_url),
            ("네이버 예약", self.naver_reservation_url),
            ("인스타그램", self.instagram_url),
            ("블로그", self.blog_url),
        ]
        return [(label, url) for label, url in links if url]


class Doctor(index.Indexed, Orderable):
    """A doctor of the clinic (의료진), listed on 엔비의료진 and on the treatments they perform."""

    name = models.CharField("이름", max_length=50, help_text="예: 김엔비")
    role = models.CharField("직책", max_length=50, help_text="예: 대표원장, 원장")
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name="사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="세로 사진이 좋습니다. 초점 영역을 얼굴에 지정하면 잘릴 때 얼굴이 남습니다.",
    )
    specialties = models.CharField(
        "전문 분야",
        max_length=255,
        blank=True,
        help_text="쉼표로 구분합니다. 예: 리프팅, 색소 치료",
    )
    career = models.TextField("경력", blank=True, help_text="한 줄에 하나씩 입력합니다.")
    education = models.TextField("학력", blank=True, help_text="한 줄에 하나씩 입력합니다.")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("specialties"),
        FieldPanel("career"),
        FieldPanel("education"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("specialties")]

    class Meta(Orderable.Meta):
        verbose_name = "의료진"
        verbose_name_plural = "의료진"

    def __str__(self):
        return f"{self.name} {self.role}"

    def specialty_list(self):
        return [item.strip() for item in self.specialties.split(",") if item.strip()]

    def career_list(self):
        return _lines(self.career)

    def education_list(self):
        return _lines(self.education)
