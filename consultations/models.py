"""상담 신청: what visitors send, the consent they agreed to, and the records the law asks for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.blocks import RICH_TEXT_FEATURES
from home.models import ClinicPage, HoursPage
from home.text import format_date, with_particle

MARKETING_ITEMS = "이름, 휴대폰 번호"
MARKETING_RETENTION = "동의를 철회하거나 상담 신청이 파기될 때까지"
MARKETING_REFUSAL = "동의하지 않으셔도 상담 신청에는 아무런 영향이 없습니다."


class ReadOnlyRecord(models.Model):
    """A record written once and never changed afterwards (consent wording, access log)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(
                f"{with_particle(self._meta.verbose_name, '은/는')} 고칠 수 없습니다."
            )
        super().save(*args, **kwargs)


class ConsentVersion(ReadOnlyRecord):
    """One wording of the 상담 신청 consent (§15, §22); every request keeps the version it agreed to.

    Its own model rather than a Wagtail revision: a request must point at the exact text its
    visitor saw for as long as the request is kept, and revisions can be purged or edited over.
    A change is a new version; the retention periods are part of the wording, since the visitor
    agreed to them.
    """

    number = models.PositiveIntegerField("판", unique=True, editable=False)
    items = models.CharField(
        "수집 항목",
        max_length=300,
        default="이름, 휴대폰 번호, 관심 시술, 희망 연락 시간, 문의 내용(선택)",
        help_text="쉼표로 구분합니다. 폼이 실제로 받는 항목과 같아야 합니다.",
    )
    purpose = models.CharField(
        "수집·이용 목적",
        max_length=300,
        default="상담 신청 확인, 상담을 위한 연락과 예약 안내",
    )
    retention_days = models.PositiveIntegerField(
        "보유 기간(일)",
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="신청일로부터 이 기간이 지나면 스케줄러가 자동으로 파기합니다. 기본 365일(1년).",
    )
    closed_retention_days = models.PositiveIntegerField(
        "완료·취소 후 보유 기간(일)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
        help_text="비워 두면 신청일 기준 기간만 적용합니다. 예: 30이면 상태를 완료나 취소로 바꾼 뒤 "
        "30일이 지나면 그 전이라도 파기합니다.",
    )
    refusal = models.TextField(
        "거부할 권리와 불이익",
        default="개인정보 수집·이용에 동의하지 않으실 수 있습니다. 다만 동의하지 않으시면 온라인 "
        "상담 신청을 할 수 없으며, 전화로 상담하실 수 있습니다.",
    )
    marketing_purpose = models.CharField(
        "마케팅 정보 수신 목적",
        max_length=300,
        default="이벤트와 시술 안내 문자(SMS)·카카오톡 발송",
    )
    created_at = models.DateTimeField("만든 시각", default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="만든 사람",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    panels = [
        FieldPanel("items"),
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("retention_days"), FieldPanel("closed_retention_days")]),
        FieldPanel("refusal"),
        FieldPanel("marketing_purpose"),
    ]

    class Meta:
        ordering = ["-number"]
        verbose_name = "상담 신청 동의 문구"
        verbose_name_plural = "상담 신청 동의 문구"

    def __str__(self):
        return f"제{self.number}판 ({format_date(timezone.localtime(self.created_at))})"

    def save(self, *args, **kwargs):
        if self._state.adding and not self.number:
            latest = ConsentVersion.objects.aggregate(models.Max("number"))["number__max"]
            self.number = (latest or 0) + 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The wording visitors agree to now: the latest version (the first made if none yet)."""
        return cls.objects.order_by("-number").first() or cls.objects.create()

    @property
    def retention_text(self):
        days = self.retention_days
        period = f"{days // 365}년" if days % 365 == 0 else f"{days}일"
        text = f"신청일로부터 {period}"
        if self.closed_retention_days is not None:
            text += f" (상담이 완료되거나 취소되면 {self.closed_retention_days}일 뒤 파기)"
        return text

    def required_rows(self):
        """The table §15(2) asks to show: 항목, 목적, 보유 기간, 거부할 권리와 불이익."""
        return [
            ("수집 항목", self.items),
            ("수집·이용 목적", self.purpose),
            ("보유·이용 기간", self.retention_text),
            ("동의를 거부할 권리와 불이익", self.refusal),
        ]

    def marketing_rows(self):
        return [
            ("수집 항목", MARKETING_ITEMS),
            ("이용 목적", self.marketing_purpose),
            ("보유·이용 기간", MARKETING_RETENTION),
            ("동의를 거부할 권리", MARKETING_REFUSAL),
        ]

    def item_names(self):
        """The collected items by name, without remarks in brackets ("문의 내용(선택)" → 문의 내용)."""
        return [item.split("(")[0].strip() for item in self.items.split(",") if item.strip()]


class ConsultationRequest(models.Model):
    """One 상담 신청 from the site: only the 상담 담당 group (and superusers) may see it."""

    class Status(models.TextChoices):
        NEW = "new", "신규"
        CONTACTED = "contacted", "연락함"
        DONE = "done", "완료"
        CANCELLED = "cancelled", "취소"

    class ContactTime(models.TextChoices):
        ANY = "any", "시간 무관"
        MORNING = "morning", "오전 (10시~13시)"
        AFTERNOON = "afternoon", "오후 (14시~17시)"
        EVENING = "evening", "늦은 오후 (17시~19시)"

    CLOSED = (Status.DONE, Status.CANCELLED)
    OTHER_TREATMENT = "기타"

    created_at = models.DateTimeField("신청 시각", default=timezone.now, db_index=True)
    name = models.CharField("이름", max_length=30)
    phone = models.CharField("휴대폰 번호", max_length=13)
    treatment = models.ForeignKey(
        "treatments.TreatmentPage",
        verbose_name="관심 시술",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    treatment_title = models.CharField(
        "관심 시술명", max_length=255, help_text="신청 때의 시술 이름(또는 기타)."
    )
    contact_time = models.CharField(
        "희망 연락 시간", max_length=20, choices=ContactTime.choices, default=ContactTime.ANY
    )
    message = models.TextField("문의 내용", blank=True)
    consent_version = models.ForeignKey(
        ConsentVersion,
        verbose_name="동의한 문구",
        on_delete=models.PROTECT,
        related_name="requests",
    )
    consented_at = models.DateTimeField("동의 시각")
    age_confirmed = models.BooleanField("만 14세 이상 확인", default=False)
    marketing_consent = models.BooleanField("마케팅 정보 수신 동의", default=False)
    marketing_consented_at = models.DateTimeField("마케팅 수신 동의 시각", null=True, blank=True)
    marketing_withdrawn_at = models.DateTimeField("마케팅 수신 철회 시각", null=True, blank=True)
    status = models.CharField(
        "상태", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    closed_at = models.DateTimeField(
        "완료·취소 시각", null=True, blank=True, help_text="완료나 취소로 바꾼 시각."
    )
    staff_memo = models.TextField(
        "담당자 메모",
        blank=True,
        help_text="통화 결과 등 상담에 필요한 것만 적습니다. 건강 정보는 적지 않습니다.",
    )
    notified_at = models.DateTimeField("알림 메일 발송 시각", null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("created_at", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("treatment_title", read_only=True),
                FieldPanel("contact_time", read_only=True),
                FieldPanel("message", read_only=True),
            ],
            heading="신청 내용",
        ),
        MultiFieldPanel(
            [
                FieldPanel("consent_version", read_only=True),
                FieldPanel("consented_at", read_only=True),
                FieldPanel("marketing_consent", read_only=True),
                FieldPanel("marketing_withdrawn_at", read_only=True),
            ],
            heading="동의",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_memo")], heading="처리"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "상담 신청"
        verbose_name_plural = "상담 신청"
        permissions = [("view_consultation_stats", "상담 신청 통계(건수만) 보기")]

    def __str__(self):
        # Wagtail's own action log keeps this label after deletion: no personal data in it.
        return f"상담 신청 #{self.pk}"

    def save(self, *args, **kwargs):
        closed = self.status in self.CLOSED
        if closed and self.closed_at is None:
            self.closed_at = timezone.now()
        elif not closed:
            self.closed_at = None
        super().save(*args, **kwargs)

    def withdraw_marketing_consent(self):
        self.marketing_consent = False
        self.marketing_withdrawn_at = timezone.now()
        self.save(update_fields=["marketing_consent", "marketing_withdrawn_at"])


class AccessLog(ReadOnlyRecord):
    """접근 기록 (개인정보의 안전성 확보조치 기준 §8): who saw, exported, changed or deleted which
    request and when. Written by the admin views themselves; nobody can edit it, and it is kept
    two years (ACCESS_LOG_DAYS), beyond the one year the rule asks."""

    class Action(models.TextChoices):
        LIST = "list", "목록 조회"
        VIEW = "view", "열람"
        EXPORT = "export", "내보내기"
        CHANGE = "change", "수정"
        WITHDRAW = "withdraw", "마케팅 수신 동의 철회"
        DELETE = "delete", "삭제"
        DESTROY = "destroy", "보유 기간 경과 파기"

    at = models.DateTimeField("시각", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="사용자",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField("사용자 아이디", max_length=150, help_text="자동 파기는 비어 있음")
    action = models.CharField("작업", max_length=20, choices=Action.choices)
    # A number, not a foreign key: the entry must outlive the request it is about.
    request_number = models.PositiveBigIntegerField("신청 번호", db_index=True)
    detail = models.CharField("내용", max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "상담 신청 접근 기록"
        verbose_name_plural = "상담 신청 접근 기록"

    def __str__(self):
        return f"{self.get_action_display()} #{self.request_number}"

    def delete(self, *args, **kwargs):
        raise ValidationError("접근 기록은 지울 수 없습니다.")


class DestructionRecord(models.Model):
    """파기 기록 (§21): on which day how many requests were destroyed, and nothing about whom."""

    destroyed_on = models.DateField("파기일", unique=True)
    count = models.PositiveIntegerField("건수", default=0)

    class Meta:
        ordering = ["-destroyed_on"]
        verbose_name = "상담 신청 파기 기록"
        verbose_name_plural = "상담 신청 파기 기록"

    def __str__(self):
        return f"{format_date(self.destroyed_on)} {self.count}건"

    @classmethod
    def add(cls, count, day=None):
        """Count destroyed requests into the day's one record."""
        record, _ = cls.objects.get_or_create(destroyed_on=day or timezone.localdate())
        cls.objects.filter(pk=record.pk).update(count=models.F("count") + count)


class ConsultationPage(RoutablePageMixin, ClinicPage):
    """상담 신청: the page with the full form and its thank-you page; editors place it in the menu."""

    intro = RichTextField(
        "안내 문구",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="폼 위에 보일 글입니다. 동의 문구는 상담 › 동의 문구에서 개인정보 관리자가 고칩니다.",
    )
    thanks_text = RichTextField(
        "접수 후 안내",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="신청을 마친 방문자에게 보일 글입니다. 비워 두면 기본 문구가 보입니다.",
    )

    content_panels = ClinicPage.content_panels + [FieldPanel("intro"), FieldPanel("thanks_text")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "상담 신청"
        verbose_name_plural = "상담 신청"

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        page.intro = entry.get("intro", "")
        return page

    @path("")
    def form_view(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        from .forms import ConsultationForm

        return self.render_form(request, ConsultationForm.for_request(request))

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        return self.render(
            request,
            template="consultations/consultation_page_thanks.html",
            context_overrides={"hours_page": HoursPage.objects.live().public().first()},
        )

    def thanks_url(self, request):
        return self.get_url(request) + self.reverse_subpage("thanks")

    def render_form(self, request, form, notice=None, status=200):
        """The form page, fresh or with a visitor's input and messages; never kept by any cache,
        since it carries this visitor's CSRF token (and, after a POST, what they typed)."""
        from .forms import new_form_stamp

        context = self.get_context(request)
        context.update(form=form, notice=notice, form_stamp=new_form_stamp())
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        patch_cache_control(response, private=True, no_store=True)
        return response
