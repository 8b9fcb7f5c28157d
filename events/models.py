from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from home.forms import SitePageForm
from home.models import ClinicPage, with_card_images
from home.navigation import without_restricted

ENDED_TEMPLATE = "events/event_ended.html"
PERIOD_REQUIRED = "가격 항목이 있는 이벤트는 시작일과 종료일을 입력해야 게시할 수 있습니다(의료법 제56조 제2항 제13호)."
REGULAR_PRICE_REQUIRED = (
    "할인 전 가격(정가)을 입력해야 게시할 수 있습니다(의료법 제56조 제2항 제13호)."
)
CONDITIONS_REQUIRED = "조건·대상을 입력해야 게시할 수 있습니다. 예: 첫 방문 고객, 1인 1회"


class EventQuerySet(PageQuerySet):
    def public_in_one_query(self):
        """Like Wagtail's public(), without its separate query for the view restrictions: a page
        is left out when it or an ancestor is restricted (a subquery on the path prefix), so the
        home page's events cost one query."""
        return without_restricted(self)

    def running(self, today=None):
        """Events whose period holds today (Seoul): from 시작일 00:00 to 종료일 23:59:59."""
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today)


class EventPageForm(SitePageForm):
    """An event goes public only with the facts the law requires of a discount: the period, and
    for each priced item the 정가 and 조건·대상 (the 이벤트가 is always required; the 할인율 is
    computed). A draft may be saved without them."""

    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "종료일은 시작일과 같거나 뒤여야 합니다.")
        if self.public_action() is None:
            return cleaned_data
        if ends_on and ends_on < timezone.localdate():
            self.add_error("ends_on", "종료일이 지난 이벤트는 게시할 수 없습니다.")
        items = self.priced_item_forms()
        if items:
            for name, value in (("starts_on", starts_on), ("ends_on", ends_on)):
                if not value and name not in self.errors:
                    self.add_error(name, PERIOD_REQUIRED)
        for item in items:
            if item.cleaned_data.get("regular_price") is None:
                item.add_error("regular_price", REGULAR_PRICE_REQUIRED)
            if not (item.cleaned_data.get("conditions") or "").strip():
                item.add_error("conditions", CONDITIONS_REQUIRED)
        return cleaned_data

    def priced_item_forms(self):
        formset = self.formsets["items"]
        if not formset.is_valid():
            return []  # the item forms show their own errors
        return [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class EventIndexPage(ClinicPage):
    """이벤트: lists the running events in the order editors give them in the page tree; an
    ended event's address answers 410 Gone with a page saying it has ended."""

    intro = RichTextField(
        "소개 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="이벤트 목록 위에 보일 글입니다. 이벤트 순서는 페이지 목록에서 끌어서 바꿉니다.",
    )

    content_panels = ClinicPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "이벤트 목록"
        verbose_name_plural = "이벤트 목록"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = with_card_images(self.running_events(), owner=self)
        return context

    def running_events(self):
        return (
            EventPage.objects.child_of(self).live().public_in_one_query().running().order_by("path")
        )

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            ended = self.ended_event(path_components)
            if ended is None:
                raise
            return RouteResult(self, kwargs={"ended_event": ended})

    def ended_event(self, path_components):
        """The event at this address if it has ended (and so was taken down), else None."""
        if len(path_components) != 1 or not self.live:
            return None
        event = EventPage.objects.child_of(self).filter(slug=path_components[0]).first()
        return event if event is not None and event.has_ended() else None

    def serve(self, request, *args, ended_event=None, **kwargs):
        if ended_event is not None:
            return ended_event.ended_response(request)
        return super().serve(request, *args, **kwargs)


class EventPage(ClinicPage):
    """One event (이벤트): its period, the treatments it applies to with their precautions, and
    priced items with 정가, 이벤트가, the computed 할인율 and 조건·대상.

    It ends by itself after 종료일 23:59:59 Seoul: the scheduler (run_scheduler) takes it down,
    and from then on its address answers 410 with a page saying it has ended.
    """

    starts_on = models.DateField(
        "시작일", null=True, blank=True, help_text="이 날 0시(서울 시간)부터 진행 중으로 보입니다."
    )
    ends_on = models.DateField(
        "종료일",
        null=True,
        blank=True,
        help_text="이 날 23:59:59(서울 시간)가 지나면 홈페이지, 목록, 메뉴, 검색, 사이트맵에서 자동으로 내려갑니다.",
    )
    treatments = ParentalManyToManyField(
        "treatments.TreatmentPage",
        verbose_name="적용 시술",
        related_name="events",
        blank=True,
        help_text="이 이벤트가 적용되는 시술입니다. 각 시술의 주의사항 및 부작용이 이벤트 페이지에 함께 보입니다.",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="본문")

    show_in_menus_default = True
    base_form_class = EventPageForm
    search_fields = ClinicPage.search_fields + [index.SearchField("body")]
    content_panels = ClinicPage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
            heading="이벤트 기간",
        ),
        FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        InlinePanel(
            "items",
            heading="이벤트 가격",
            label="가격 항목",
            help_text="정가와 이벤트가를 입력하면 할인율은 자동으로 계산됩니다. 조건·대상도 함께 적어야 게시할 수 있습니다.",
        ),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = "이벤트"
        verbose_name_plural = "이벤트"

    def clean(self):
        super().clean()
        # The 종료일 alone ends an event (through the scheduler): Wagtail's own expiry time is
        # never set, so it cannot linger on the page and expire a later version.
        self.expire_at = None

    def has_ended(self, today=None):
        return self.ends_on is not None and self.ends_on < (today or timezone.localdate())

    def has_started(self, today=None):
        return self.starts_on is None or self.starts_on <= (today or timezone.localdate())

    def medical_ads_satisfied_categories(self):
        """With its period and every item's 정가 and 조건, the event states its discount as the
        law requires, so the discount words of the medical-ads rules are not findings here."""
        items = list(self.items.all())
        complete = (
            bool(items)
            and self.starts_on is not None
            and self.ends_on is not None
            and all(item.regular_price is not None and item.conditions.strip() for item in items)
        )
        return {"discount"} if complete else set()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = list(self.items.all())
        context["event_treatments"] = self.get_treatments()
        return context

    def get_treatments(self):
        """The live treatments it applies to, with their precautions, in tree order (one query)."""
        if self.pk is None or not isinstance(self.treatments.all(), models.QuerySet):
            return [page for page in self.treatments.all() if page.live]  # a preview
        return list(self.treatments.live().public().order_by("path"))

    def serve(self, request, *args, **kwargs):
        if self.has_ended():
            return self.ended_response(request)
        return super().serve(request, *args, **kwargs)

    def ended_response(self, request):
        """410 Gone: the event has ended; it says so and points to the running events."""
        context = {"page": self, "self": self, "request": request, "event": self}
        context["event_index"] = self.get_parent()
        return TemplateResponse(request, ENDED_TEMPLATE, context, status=410)

    def get_sitemap_urls(self, request=None):
        return [] if self.has_ended() else super().get_sitemap_urls(request)


class EventItem(Orderable):
    """이벤트 가격 항목: one priced item of an event, its 정가, 이벤트가 and 조건·대상."""

    page = ParentalKey(EventPage, related_name="items", on_delete=models.CASCADE)
    name = models.CharField("항목명", max_length=100, help_text="예: 울쎄라 300샷")
    regular_price = models.PositiveIntegerField(
        "정가(원)",
        null=True,
        blank=True,
        help_text="할인 전 가격입니다. 게시하려면 반드시 입력해야 합니다.",
    )
    event_price = models.PositiveIntegerField("이벤트가(원)")
    conditions = models.CharField(
        "조건·대상",
        max_length=255,
        blank=True,
        help_text="누가 어떤 조건에서 이 가격을 받는지 적습니다. 예: 첫 방문 고객, 1인 1회",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("regular_price"), FieldPanel("event_price")]),
        FieldPanel("conditions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "이벤트 가격 항목"
        verbose_name_plural = "이벤트 가격 항목"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self.regular_price is not None
            and self.event_price is not None
            and self.event_price > self.regular_price
        ):
            raise ValidationError({"event_price": "이벤트가는 정가보다 높을 수 없습니다."})

    @property
    def discount_rate(self):
        """할인율 in whole percent, computed from 정가 and 이벤트가 (never typed)."""
        if not self.regular_price or self.event_price is None:
            return None
        return round((self.regular_price - self.event_price) * 100 / self.regular_price)
