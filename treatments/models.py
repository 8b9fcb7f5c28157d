from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import seo
from home.blocks import RICH_TEXT_FEATURES
from home.forms import SitePageForm
from home.models import ChildCardsMixin, ClinicPage, Doctor
from home.models.pages import PORTRAIT_RENDITIONS

from .blocks import TreatmentBodyStreamBlock

PRECAUTIONS_REQUIRED = (
    "게시하려면 주의사항 및 부작용을 입력하세요. 초안은 비워 둔 채 저장할 수 있습니다."
)


class TreatmentCategoryPage(ChildCardsMixin, ClinicPage):
    """A treatment section such as 리프팅; it holds treatments and may hold sub-categories."""

    intro = RichTextField(
        "소개 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="하위 시술 카드 위에 보일 분류 소개입니다.",
    )

    search_fields = ClinicPage.search_fields + [index.SearchField("intro")]
    content_panels = ClinicPage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "treatments.TreatmentCategoryPage"]
    subpage_types = [
        "treatments.TreatmentCategoryPage",
        "treatments.TreatmentPage",
        "home.ContentPage",
    ]

    class Meta:
        verbose_name = "시술 분류"
        verbose_name_plural = "시술 분류"


class PriceHistoryMixin:
    """Dates each priced item's last price change when the page is saved (published).

    Matched by id, or by name when Wagtail recreates an item from a revision, because
    modelcluster deletes and re-adds child rows it cannot match; a price left alone keeps its date.
    """

    priced_relations = ()

    def save(self, *args, **kwargs):
        if self.pk:
            for relation in self.priced_relations:
                self.carry_price_dates(relation)
        return super().save(*args, **kwargs)

    def carry_price_dates(self, relation):
        if relation not in getattr(self, "_cluster_related_objects", {}):
            return  # the items were not touched: nothing will be written
        manager = getattr(self, relation)
        stored = list(manager.model.objects.filter(page_id=self.pk))
        by_pk = {item.pk: item for item in stored}
        by_name = {item.name: item for item in stored}
        today = timezone.localdate()
        for item in manager.all():
            previous = by_pk.get(item.pk) or by_name.get(item.name)
            unchanged = previous is not None and (previous.price_min, previous.price_max) == (
                item.price_min,
                item.price_max,
            )
            item.price_changed_on = previous.price_changed_on if unchanged else today


class TreatmentPageForm(SitePageForm):
    """Lets a draft be saved without precautions, but not published or sent for review (의료법 §56)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["precautions"]
        field.required = True  # deferred by Wagtail when the editor only saves a draft
        field.error_messages["required"] = PRECAUTIONS_REQUIRED

    def clean(self):
        cleaned_data = super().clean()
        # An editor's emptied editor may still hold empty paragraphs: judge by the text.
        text = strip_tags(cleaned_data.get("precautions") or "").strip()
        if not self.is_deferred_validation and not text and "precautions" not in self.errors:
            self.add_error("precautions", PRECAUTIONS_REQUIRED)
        return cleaned_data


class TreatmentPage(PriceHistoryMixin, ClinicPage):
    """One treatment (울쎄라, 실리프팅 …): what it is, how it is done, its precautions, doctors and fees."""

    alternative_names = models.CharField(
        "다른 이름",
        max_length=255,
        blank=True,
        help_text="검색에 쓰이는 영문명, 제품명, 흔한 오타를 쉼표로 구분해 입력합니다. 예: Ulthera, 울세라",
    )
    body = StreamField(TreatmentBodyStreamBlock(), blank=True, verbose_name="본문")
    precautions = RichTextField(
        "주의사항 및 부작용",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=(
            "시술 후 생길 수 있는 부작용과 주의할 점을 적습니다. 부작용 등 중요 정보를 빠뜨린 "
            "의료광고는 의료법 제56조가 금지하므로, 이 내용이 있어야 게시할 수 있습니다."
        ),
    )
    doctors = ParentalManyToManyField(
        "home.Doctor",
        verbose_name="시술 의료진",
        related_name="treatments",
        blank=True,
        help_text="이 시술을 하는 의료진입니다. 의료진은 왼쪽 메뉴 › 의료진에서 추가합니다.",
    )

    base_form_class = TreatmentPageForm
    priced_relations = ["fees"]
    search_fields = ClinicPage.search_fields + [
        # Ranked like the title and offered as the title is typed (search.backends).
        index.SearchField("alternative_names", boost=2),
        index.AutocompleteField("alternative_names"),
        index.SearchField("body"),
        index.SearchField("precautions"),
    ]
    content_panels = ClinicPage.content_panels + [
        FieldPanel("alternative_names"),
        FieldPanel("body"),
        FieldPanel("precautions"),
        FieldPanel("doctors", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "fees",
            heading="비급여 진료비용",
            label="가격 항목",
            help_text="가격을 바꾸면 비급여 진료비용 페이지의 기준일이 게시한 날로 바뀝니다.",
        ),
    ]

    parent_page_types = ["treatments.TreatmentCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "시술"
        verbose_name_plural = "시술"

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.alternative_names = entry.get("alternative_names", "")
        page.precautions = entry.get("precautions", "")
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["doctors"] = self.get_doctors()
        context["fees"] = list(self.fees.all())
        return context

    def structured_data(self, request, context):
        """JSON-LD: the procedure, its FAQ and the doctors who perform it (already in the context)."""
        items = [seo.procedure_data(self, request)]
        pairs = seo.faq_pairs(self.body)
        if pairs:
            items.append(seo.faq_data(pairs))
        doctors = context.get("doctors") or []
        items.extend(seo.physician_data(doctor, request) for doctor in doctors)
        return items

    def get_doctors(self):
        """The doctors who perform it with their photo renditions, in two queries."""
        if self.pk is None or not isinstance(self.doctors.all(), models.QuerySet):
            return list(self.doctors.all())  # a preview holds its choices in memory
        rendition_model = Doctor._meta.get_field("photo").related_model.get_rendition_model()
        return list(
            self.doctors.select_related("photo").prefetch_related(
                Prefetch(
                    "photo__renditions",
                    queryset=rendition_model.objects.filter(filter_spec__in=PORTRAIT_RENDITIONS),
                )
            )
        )


class PricedItem(models.Model):
    """A price in won, fixed or a range; remembers the day it last changed (the fee page's 기준일)."""

    name = models.CharField("항목명", max_length=100, help_text="예: 울쎄라 300샷")
    price_min = models.PositiveIntegerField(
        "가격(원)", help_text="범위라면 최저 가격을 입력합니다."
    )
    price_max = models.PositiveIntegerField(
        "최고 가격(원)", null=True, blank=True, help_text="가격이 범위일 때만 입력합니다."
    )
    note = models.CharField(
        "비고", max_length=255, blank=True, help_text="예: 1회 기준, 부가세 포함"
    )
    price_changed_on = models.DateField("가격 변경일", null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.price_changed_on is None:
            self.price_changed_on = timezone.localdate()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.price_max is not None and self.price_max < self.price_min:
            raise ValidationError({"price_max": "최고 가격은 가격(최저)보다 크거나 같아야 합니다."})

    @property
    def is_range(self):
        return self.price_max is not None and self.price_max != self.price_min


class TreatmentFee(Orderable, PricedItem):
    """비급여 진료비용: one priced item of a treatment, listed on the fee page under its category."""

    page = ParentalKey(TreatmentPage, related_name="fees", on_delete=models.CASCADE)
    code = models.CharField(
        "코드", max_length=30, blank=True, help_text="심사평가원 비급여 코드가 있으면 입력합니다."
    )
    included = models.CharField(
        "포함 내역", max_length=255, blank=True, help_text="예: 마취, 진정 관리 포함"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("price_min"), FieldPanel("price_max")]),
        FieldPanel("included"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "비급여 가격 항목"
        verbose_name_plural = "비급여 가격 항목"

    def __str__(self):
        return self.name


class FeePage(PriceHistoryMixin, ClinicPage):
    """비급여 진료비용 (의료법 §45): every treatment's priced items by category, and certificate fees."""

    intro = RichTextField(
        "안내 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="가격표 위에 보일 글입니다. 시술별 가격은 각 시술 페이지의 ‘비급여 진료비용’에서 입력합니다.",
    )

    content_panels = ClinicPage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("certificate_fees", label="제증명수수료 항목")],
            heading="제증명수수료",
        ),
    ]

    parent_page_types = ["home.ContentPage"]
    subpage_types = []
    max_count = 1
    priced_relations = ["certificate_fees"]

    class Meta:
        verbose_name = "비급여 진료비용"
        verbose_name_plural = "비급여 진료비용"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fees = self.listed_fees()
        certificate_fees = list(self.certificate_fees.all())
        context["groups"] = self.fee_groups(fees)
        context["certificate_fees"] = certificate_fees
        context["base_date"] = self.base_date([*fees, *certificate_fees])
        return context

    def listed_fees(self):
        """Every priced item of a live, public treatment, in tree order."""
        return list(
            TreatmentFee.objects.filter(page__in=TreatmentPage.objects.live().public())
            .select_related("page")
            .order_by("page__path", "sort_order", "pk")
        )

    def fee_groups(self, fees):
        """(category, [(treatment, [fee, ...]), ...]) in tree order; one query for the categories."""
        parent_paths = {fee.page.path[: -Page.steplen] for fee in fees}
        categories = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
        groups = []
        for fee in fees:
            category = categories[fee.page.path[: -Page.steplen]]
            if not groups or groups[-1][0] != category:
                groups.append((category, []))
            treatments = groups[-1][1]
            if not treatments or treatments[-1][0] != fee.page:
                treatments.append((fee.page, []))
            treatments[-1][1].append(fee)
        return groups

    @staticmethod
    def base_date(items):
        """기준일: the latest day a listed price changed (a treatment's or a certificate fee)."""
        return max((item.price_changed_on for item in items if item.price_changed_on), default=None)


class CertificateFee(Orderable, PricedItem):
    """제증명수수료: the fee for one certificate or copy of records, listed on the fee page."""

    page = ParentalKey(FeePage, related_name="certificate_fees", on_delete=models.CASCADE)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("price_min"), FieldPanel("price_max")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "제증명수수료 항목"
        verbose_name_plural = "제증명수수료 항목"

    def __str__(self):
        return self.name
