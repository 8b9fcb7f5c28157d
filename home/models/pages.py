from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.cache import patch_cache_control

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from medical_ads.panels import MedicalAdsPanel

from ..blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from ..forms import SitePageForm
from ..hours import opening_status
from ..navigation import own_field, public_pages
from .clinic import ClinicSettings, Doctor

# Renditions every listing asks for; prefetched together so a card or a doctor costs no query.
CARD_RENDITIONS = ("fill-480x300-c100|format-webp", "fill-800x500-c100|format-webp")
# The OpenGraph picture (templates/includes/meta.html) is read from the same prefetched set: a
# spec missing from a prefetch makes Wagtail re-create the rendition file on every request.
OPENGRAPH_RENDITION = "fill-1200x630|format-jpeg"
HERO_RENDITIONS = tuple(
    f"fill-{size}-c100|format-{fmt}"
    for size in ("640x360", "1200x675", "1600x900")
    for fmt in ("avif", "webp", "jpeg")
) + (OPENGRAPH_RENDITION,)
PORTRAIT_RENDITIONS = ("fill-320x400-c100|format-webp", "fill-640x800-c100|format-webp")


class SitePage(Page):
    """The base of every page on the site: a short summary used for cards, search and meta tags."""

    summary = models.TextField(
        "요약",
        blank=True,
        max_length=300,
        help_text="목록 카드, 검색 결과, 검색엔진 설명에 쓰이는 한두 문장입니다.",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    # Every page type is checked against the medical advertising rules before it goes public.
    content_panels = [MedicalAdsPanel(heading="의료광고 검토"), *Page.content_panels] + [
        FieldPanel("summary")
    ]
    base_form_class = SitePageForm

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """None, without a query, when home.routing found none for this page in this cache
        generation (a new restriction moves the generation on)."""
        if getattr(self, "_nbsite_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @classmethod
    def from_seed(cls, entry):
        """Build an unsaved page from one entry of the shipped content files."""
        return cls(
            title=entry["title"],
            slug=entry["slug"],
            summary=entry.get("summary", ""),
            show_in_menus=entry.get("show_in_menus", True),
        )


MENU_FLAG_HELP = (
    "머리글의 메뉴에 이 페이지를 보일지 정합니다. 상위 분류 페이지의 카드 목록에는 이 설정과 "
    "상관없이 게시된 하위 페이지가 모두 보입니다."
)


class ClinicPage(SitePage):
    """A page editors shape freely: a picture for its hero and cards, and a short menu label.

    Kept apart from SitePage so the policies app (which has no picture or menu label) needs no
    migration; home.navigation reads menu_label from every page type that has one.
    """

    menu_label = models.CharField(
        "메뉴 이름",
        max_length=30,
        blank=True,
        help_text="메뉴에 제목 대신 보일 짧은 이름입니다. 비워 두면 제목이 보입니다.",
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="대표 이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="페이지 상단과 목록 카드에 쓰입니다. 초점 영역을 지정하면 잘릴 때 그 부분이 남습니다.",
    )

    # New sections and treatments appear in the menu unless the editor unticks it; the explorer
    # lists sub-pages in menu (tree) order, where dragging reorders the menu.
    show_in_menus_default = True
    admin_default_ordering = "ord"

    content_panels = SitePage.content_panels + [FieldPanel("image")]
    promote_panels = [
        panel for panel in SitePage.promote_panels if "show_in_menus" not in panel.args[0]
    ] + [
        MultiFieldPanel(
            [FieldPanel("show_in_menus", help_text=MENU_FLAG_HELP), FieldPanel("menu_label")],
            heading="메뉴 표시",
        )
    ]

    class Meta:
        abstract = True

    @property
    def social_image(self):
        """The picture shared on KakaoTalk, Facebook and others (OpenGraph)."""
        return self.image

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.menu_label = entry.get("menu_label", "")
        return page

    @property
    def label(self):
        return self.menu_label or self.title


def with_card_images(pages, owner=None):
    """Attach each page's image with its card renditions in two queries, whatever the number of pages.

    The owner (the page listing them) gets its hero image from the same query.
    """
    from wagtail.images import get_image_model

    pages = list(pages)
    holders = pages + ([owner] if owner is not None else [])
    ids = {page.image_id for page in holders if getattr(page, "image_id", None)}
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_renditions(*CARD_RENDITIONS, *HERO_RENDITIONS)
    )
    by_id = {image.pk: image for image in images}
    for page in holders:
        if getattr(page, "image_id", None):
            page.image = by_id.get(page.image_id)
    return pages


class ChildCardsMixin:
    """For pages that list their sub-pages as cards (ContentPage, TreatmentCategoryPage), a
    page of cards at a time."""

    cards_per_page = 48

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children_page"] = cards = Paginator(
            self.get_listed_children(), self.cards_per_page
        ).get_page(request.GET.get("page"))
        context["children"] = with_card_images(cards, owner=self)
        return context

    def get_listed_children(self):
        """Live, public sub-pages in tree order, whatever their menu flag (that is for the header),
        with what a card shows read in the same query, whatever their types."""
        return public_pages(self.get_children()).annotate(
            summary=own_field("summary", default=""),
            image_id=own_field("image"),
            alternative_names=own_field("alternative_names", default=""),
        )


class HomePage(ClinicPage):
    """The site's front page: the clinic's welcome and its treatment sections."""

    intro = RichTextField(
        "소개 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="홈페이지 첫 화면에 크게 보이는 인사말입니다.",
    )
    featured = StreamField(
        [("treatment", PageChooserBlock(page_type="treatments.TreatmentPage", label="시술"))],
        blank=True,
        max_num=6,
        verbose_name="추천 시술",
        help_text="홈페이지에 카드로 보일 시술을 골라 원하는 순서로 놓습니다(최대 6개).",
    )
    latest_notices_count = 3

    content_panels = ClinicPage.content_panels + [FieldPanel("intro"), FieldPanel("featured")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "home.NoticeIndexPage",
        "treatments.TreatmentCategoryPage",
        "policies.PolicyPage",
        "consultations.ConsultationPage",
        "events.EventIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "홈페이지"
        verbose_name_plural = "홈페이지"

    def get_context(self, request, *args, **kwargs):
        from ..navigation import get_menu

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = with_card_images(get_menu(request))
        context["featured_treatments"] = self.get_featured_treatments()
        context["latest_notices"] = self.get_latest_notices()
        return context

    def get_featured_treatments(self):
        """The editors' picks that are live and public, in their order, with card pictures."""
        ids = [block["value"] for block in self.featured.raw_data if block["value"]]
        if not ids:
            return []
        treatment_page = apps.get_model("treatments", "TreatmentPage")
        pages = public_pages(treatment_page.objects.filter(pk__in=ids))
        by_id = {page.pk: page for page in pages}
        return with_card_images([by_id[pk] for pk in ids if pk in by_id])

    def get_latest_notices(self):
        return public_pages(NoticePage.objects.all()).order_by("-published_on", "-pk")[
            : self.latest_notices_count
        ]

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.intro = entry.get("intro", "")
        return page


class ContentPage(ChildCardsMixin, ClinicPage):
    """A general page of text and images, such as 엔비철학 or 엔비브랜드; it may group sub-pages."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    search_fields = ClinicPage.search_fields + [index.SearchField("body")]
    content_panels = ClinicPage.content_panels + [FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage", "treatments.TreatmentCategoryPage"]
    subpage_types = [
        "home.ContentPage",
        "home.DoctorIndexPage",
        "home.HoursPage",
        "home.DirectionsPage",
        "treatments.FeePage",
        "consultations.ConsultationPage",
    ]

    class Meta:
        verbose_name = "일반 페이지"
        verbose_name_plural = "일반 페이지"


class DoctorIndexPage(ClinicPage):
    """엔비의료진: lists every doctor (edited under 스니펫 › 의료진) with the treatments they perform."""

    intro = RichTextField(
        "소개 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="의료진 목록 위에 보일 글입니다. 의료진은 왼쪽 메뉴 › 의료진에서 추가하고 순서를 바꿉니다.",
    )

    content_panels = ClinicPage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.ContentPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "의료진 소개"
        verbose_name_plural = "의료진 소개"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["doctors"] = self.get_doctors()
        return context

    def structured_data(self, request, context):
        from .. import seo

        return [seo.physician_data(doctor, request) for doctor in context.get("doctors") or []]

    def get_doctors(self):
        """All doctors with photos, renditions and live treatments: three queries for any number."""
        rendition_model = Doctor._meta.get_field("photo").related_model.get_rendition_model()
        treatment_model = Doctor._meta.get_field("treatments").related_model
        return Doctor.objects.select_related("photo").prefetch_related(
            Prefetch(
                "photo__renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=PORTRAIT_RENDITIONS),
            ),
            Prefetch(
                "treatments",
                queryset=treatment_model.objects.live().public().order_by("path"),
                to_attr="live_treatments",
            ),
        )


class HoursPage(ClinicPage):
    """진료안내: the weekly hours from the clinic settings, and whether the clinic is open now."""

    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name="추가 안내",
        help_text="예약 방법 등 시간표 아래에 보일 안내입니다. 진료 시간은 설정 › 병원 정보에서 고칩니다.",
    )

    search_fields = ClinicPage.search_fields + [index.SearchField("body")]
    content_panels = ClinicPage.content_panels + [FieldPanel("body")]

    parent_page_types = ["home.ContentPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "진료안내"
        verbose_name_plural = "진료안내"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clinic = ClinicSettings.for_request(request)
        context["days"] = days = clinic.weekly_hours()
        context["has_hours"] = any(not day.is_closed for day in days)
        context["status"] = opening_status(days, timezone.now())
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # "open now" changes by the minute: never keep this page in a shared cache.
        patch_cache_control(response, private=True)
        return response


class DirectionsPage(ClinicPage):
    """오시는길: the address from the clinic settings, transit and parking, and map links."""

    transit = RichTextField(
        "대중교통",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="가까운 지하철역과 출구, 버스 정류장을 적습니다. 주소와 지도 링크는 설정 › 병원 정보에서 고칩니다.",
    )
    parking = RichTextField(
        "주차 안내",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="주차 가능 여부, 요금, 발레파킹 등을 적습니다.",
    )

    search_fields = ClinicPage.search_fields + [
        index.SearchField("transit"),
        index.SearchField("parking"),
    ]
    content_panels = ClinicPage.content_panels + [FieldPanel("transit"), FieldPanel("parking")]

    parent_page_types = ["home.ContentPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "오시는길"
        verbose_name_plural = "오시는길"


class NoticeIndexPage(ClinicPage):
    """공지사항: lists the clinic's notices, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]
    max_count = 1
    notices_per_page = 10
    admin_default_ordering = "-latest_revision_created_at"  # newest notices first

    class Meta:
        verbose_name = "공지사항 목록"
        verbose_name_plural = "공지사항 목록"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = Paginator(self.get_notices(), self.notices_per_page).get_page(
            request.GET.get("page")
        )
        return context

    def get_notices(self):
        return public_pages(NoticePage.objects.child_of(self)).order_by("-published_on", "-pk")


class NoticePage(ClinicPage):
    """One dated notice (공지사항), such as a holiday closure or a policy change."""

    published_on = models.DateField(
        "게시일",
        default=timezone.localdate,
        help_text="목록에 보이는 날짜입니다. 최신 날짜가 맨 위에 옵니다.",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    search_fields = ClinicPage.search_fields + [index.SearchField("body")]
    content_panels = ClinicPage.content_panels + [FieldPanel("published_on"), FieldPanel("body")]

    parent_page_types = ["home.NoticeIndexPage"]
    subpage_types = []
    show_in_menus_default = False  # dated notices would crowd the header menu

    class Meta:
        verbose_name = "공지사항"
        verbose_name_plural = "공지사항"
