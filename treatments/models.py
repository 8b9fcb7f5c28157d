from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.models import SitePage


class TreatmentCategoryPage(SitePage):
    """A treatment section such as 리프팅; it holds treatments and may hold sub-categories."""

    intro = RichTextField("소개 문구", blank=True, features=RICH_TEXT_FEATURES)

    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    content_panels = SitePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "treatments.TreatmentCategoryPage"]
    subpage_types = [
        "treatments.TreatmentCategoryPage",
        "treatments.TreatmentPage",
        "home.ContentPage",
    ]

    class Meta:
        verbose_name = "시술 분류"
        verbose_name_plural = "시술 분류"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_listed_children()
        return context

    def get_listed_children(self):
        """The sub-pages shown as cards: live, public and in menus, in tree order."""
        return self.get_children().live().public().in_menu().specific()


class TreatmentPage(SitePage):
    """One treatment (울쎄라, 실리프팅 …): what it is, how it is done, and its precautions."""

    alternative_names = models.CharField(
        "다른 이름",
        max_length=255,
        blank=True,
        help_text="검색에 쓰이는 영문명, 제품명, 흔한 오타를 쉼표로 구분해 입력합니다. 예: Ulthera, 울세라",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    search_fields = SitePage.search_fields + [
        index.SearchField("alternative_names"),
        index.SearchField("body"),
    ]
    content_panels = SitePage.content_panels + [FieldPanel("alternative_names"), FieldPanel("body")]

    parent_page_types = ["treatments.TreatmentCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "시술"
        verbose_name_plural = "시술"

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.alternative_names = entry.get("alternative_names", "")
        return page
