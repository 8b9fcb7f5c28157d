from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .matching import Phrase

BLOCK = "block"
WARNING = "warning"
SEVERITY_CHOICES = [(BLOCK, "게시 불가"), (WARNING, "경고")]

CATEGORY_CHOICES = [
    ("superlative", "최상급·순위 표현"),
    ("guarantee", "효과 보장"),
    ("safety", "통증·부작용 부정"),
    ("testimonial", "치료경험담·후기"),
    ("before_after", "전후 사진"),
    ("comparison", "다른 의료기관과 비교·비방"),
    ("discount", "비급여 할인·면제"),
    ("qualification", "자격·명칭 표방"),
    ("endorsement", "상장·인증·추천"),
    ("inducement", "환자 유인"),
]


def validate_phrase_lines(value):
    """Every non-empty line must hold letters or digits: a line of symbols would match nothing."""
    bad = []
    for line in value.splitlines():
        if not line.strip():
            continue
        try:
            Phrase(line.strip())
        except ValueError:
            bad.append(line.strip())
    if bad:
        raise ValidationError(
            "글자나 숫자가 없는 줄은 찾을 수 없습니다: %(lines)s",
            params={"lines": ", ".join(bad)},
        )


class Rule(models.Model):
    """의료광고 규칙: a phrase the medical law forbids or restricts, why, and what to write instead.

    Edited in the admin by the 의료광고 검토 group; every page editor sees its findings.
    """

    name = models.CharField("규칙 이름", max_length=100, unique=True)
    category = models.CharField("분류", max_length=30, choices=CATEGORY_CHOICES)
    severity = models.CharField(
        "처리",
        max_length=10,
        choices=SEVERITY_CHOICES,
        default=WARNING,
        help_text="게시 불가: 이 표현이 있으면 게시할 수 없습니다. 경고: 검토했다고 체크하면 게시할 수 있습니다.",
    )
    patterns = models.TextField(
        "찾을 표현",
        validators=[validate_phrase_lines],
        help_text="한 줄에 하나씩 적습니다. 조사·어미, 띄어쓰기, 전각 문자, ‘100 %’ 같은 표기가 달라도 찾습니다. "
        "예: 부작용 없",
    )
    allow_list = models.TextField(
        "허용 표현",
        blank=True,
        validators=[validate_phrase_lines],
        help_text="찾을 표현이 이 표현 안에 있으면 문제 삼지 않습니다. 한 줄에 하나씩. 예: 최고 기온",
    )
    article = models.CharField(
        "근거 조항", max_length=200, help_text="예: 의료법 제56조 제2항 제2호(치료경험담)"
    )
    explanation = models.TextField(
        "설명", help_text="왜 문제가 되는지 편집자가 알기 쉬운 말로 적습니다."
    )
    suggestion = models.TextField(
        "권장 표현", help_text="대신 쓸 수 있는 안전한 표현이나 고치는 방법입니다."
    )
    enabled = models.BooleanField("사용", default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("severity")]),
        FieldPanel("patterns"),
        FieldPanel("allow_list"),
        MultiFieldPanel(
            [FieldPanel("article"), FieldPanel("explanation"), FieldPanel("suggestion")],
            heading="편집자에게 보이는 안내",
        ),
        FieldPanel("enabled"),
    ]

    class Meta:
        verbose_name = "의료광고 규칙"
        verbose_name_plural = "의료광고 규칙"
        ordering = ["category", "name"]

    def __str__(self):
        return self.name

    @property
    def blocks_publishing(self):
        return self.severity == BLOCK


class AdReview(models.Model):
    """The record of an editor ticking "검토했습니다" for 경고 findings when publishing or
    submitting a revision: who, when, and which findings they reviewed.

    Kept beside Wagtail's revisions, which hold page content only; it keeps the reviewer's
    name and the findings as text, so purging revisions or deleting a user loses nothing.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="페이지",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField("페이지 제목", max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="리비전",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision_number = models.PositiveIntegerField("리비전 ID", null=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="검토한 사람",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField("검토한 사람 이름", max_length=150)
    action = models.CharField("작업", max_length=30)
    reviewed_at = models.DateTimeField("검토 시각", default=timezone.now)
    findings = models.JSONField("검토한 경고", default=list)

    class Meta:
        verbose_name = "의료광고 검토 기록"
        verbose_name_plural = "의료광고 검토 기록"
        ordering = ["-reviewed_at", "-pk"]

    def __str__(self):
        return f"{self.page_title} ({self.reviewed_at:%Y.%m.%d %H:%M})"

    @property
    def findings_text(self):
        return " / ".join(f"‘{f['phrase']}’ ({f['rule']})" for f in self.findings)

    @property
    def reviewed_at_seoul(self):
        return timezone.localtime(self.reviewed_at).strftime("%Y.%m.%d %H:%M")
