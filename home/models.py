import datetime

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyStreamBlock


class SitePage(Page):
    """The base of every page on the site: a short summary used for cards, search and meta tags."""

    summary = models.TextField(
        "요약",
        blank=True,
        max_length=300,
        help_text="목록 카드, 검색 결과, 검색엔진 설명에 쓰이는 한두 문장입니다.",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    content_panels = Page.content_panels + [FieldPanel("summary")]

    class Meta:
        abstract = True

    @classmethod
    def from_seed(cls, entry):
        """Build an unsaved page from one entry of the shipped content files."""
        return cls(
            title=entry["title"],
            slug=entry["slug"],
            summary=entry.get("summary", ""),
            show_in_menus=entry.get("show_in_menus", True),
        )


class HomePage(SitePage):
    """The site's front page: the clinic's welcome and its treatment sections."""

    intro = RichTextField("소개 문구", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "home.NoticeIndexPage",
        "treatments.TreatmentCategoryPage",
        "policies.PolicyPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "홈페이지"
        verbose_name_plural = "홈페이지"

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.intro = entry.get("intro", "")
        return page


class ContentPage(SitePage):
    """A general page of text and images, such as 엔비철학 or 엔비브랜드; it may group sub-pages."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    search_fields = SitePage.search_fields + [index.SearchField("body")]
    content_panels = SitePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage", "treatments.TreatmentCategoryPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = "일반 페이지"
        verbose_name_plural = "일반 페이지"


class SeedRecord(models.Model):
    """Remembers which shipped content entry made which page, so reloading never duplicates it.

    A page an editor deleted keeps its record (with no page), so it is not brought back.
    """

    key = models.CharField(max_length=255, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "기본 콘텐츠 기록"
        verbose_name_plural = "기본 콘텐츠 기록"

    def __str__(self):
        return self.key


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """The clinic's name and contact details, edited once and shown in the header and footer."""

    name = models.CharField("병원 이름", max_length=100, default="청담엔비의원")
    phone = models.CharField(
        "대표 전화번호", max_length=30, blank=True, help_text="예: 02-543-5856"
    )
    address = models.CharField("주소", max_length=255, blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="개인정보처리방침 페이지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="모든 페이지 하단에 굵게 연결되는 개인정보처리방침입니다.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("phone"),
        FieldPanel("address"),
        FieldPanel("privacy_policy_page"),
    ]

    class Meta:
        verbose_name = "병원 정보"
        verbose_name_plural = "병원 정보"


class NoticeIndexPage(SitePage):
    """공지사항: lists the clinic's notices, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]
    max_count = 1
    notices_per_page = 10

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
        return (
            NoticePage.objects.child_of(self).live().public().order_by("-published_on", "-pk")
        )


class NoticePage(SitePage):
    """One dated notice (공지사항), such as a holiday closure or a policy change."""

    published_on = models.DateField("게시일", default=datetime.date.today)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    search_fields = SitePage.search_fields + [index.SearchField("body")]
    content_panels = SitePage.content_panels + [FieldPanel("published_on"), FieldPanel("body")]

    parent_page_types = ["home.NoticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "공지사항"
        verbose_name_plural = "공지사항"
