import datetime
import re
from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import (
    CommentPanel,
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.search import index

from home.models import SitePage
from home.text import format_date, html_to_text

from .blocks import PolicyBodyBlock
from .compare import compare_sections
from .dates import go_live_moment, version_errors
from .forms import PolicyPageForm
from .panels import ChecklistPanel, GoLivePanel
from .text import parse_policy_text

CONTENT_DIR = Path(__file__).resolve().parent / "content"


class PolicyVersionFields(models.Model):
    """What makes one version of a policy, besides its title and articles: declared once, for
    the page being edited and for the permanent record of every version that went live."""

    document_title = models.CharField(
        "공고문 원제목",
        max_length=200,
        blank=True,
        help_text=(
            "공고 당시 문서의 제목이 페이지 제목과 다를 때만 입력합니다. 예: 개인정보 취급방침. "
            "새 판을 만들면(날짜를 바꾸면) 비워지고, 새 판은 페이지 제목으로 공고됩니다."
        ),
    )
    announced_on = models.DateField(
        "공고일자",
        null=True,
        blank=True,
        help_text="개정 내용을 홈페이지에 알리는 날입니다. 오늘 이후여야 합니다.",
    )
    effective_on = models.DateField(
        "시행일자",
        null=True,
        blank=True,
        help_text="이 날 0시(서울 시간)에 자동으로 게시됩니다. 공고일자로부터 7일(불리한 변경은 30일) 이상 뒤여야 합니다.",
    )
    change_summary = models.TextField(
        "개정 요약",
        blank=True,
        help_text="무엇이 왜 바뀌는지 방문자가 알기 쉬운 말로 적습니다. 개정 예정 안내와 공지사항에 쓰입니다.",
    )
    unfavourable_change = models.BooleanField(
        "정보주체에게 불리한 변경",
        default=False,
        help_text="수집 항목 추가, 보유 기간 연장, 제3자 제공 확대처럼 정보주체에게 불리하면 체크합니다. 30일 전에 공고해야 합니다.",
    )

    class Meta:
        abstract = True

    @classmethod
    def version_field_names(cls):
        return [field.name for field in PolicyVersionFields._meta.fields]

    def version_values(self):
        return {name: getattr(self, name) for name in self.version_field_names()}

    def document(self):
        """The version in the shape every policy template renders."""
        return {"title": self.title, **self.version_values(), "sections": self.sections_snapshot()}


class PolicyPage(RoutablePageMixin, PolicyVersionFields, SitePage):  # noqa: DJ008 (Page.__str__)
    """A policy the clinic must keep posted, such as 개인정보처리방침, with its dates and articles.

    What happens when a version is scheduled or goes live (its 공지사항, its PolicyVersion
    record) is in policies/lifecycle.py.
    """

    body = StreamField(PolicyBodyBlock(), blank=True, verbose_name="본문")

    search_fields = SitePage.search_fields + [index.SearchField("body")]
    content_panels = SitePage.content_panels + [
        FieldPanel("document_title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("announced_on"), FieldPanel("effective_on")]),
                GoLivePanel(),
                FieldPanel("unfavourable_change"),
                FieldPanel("change_summary"),
            ],
            heading="개정 일정",
        ),
        ChecklistPanel(heading="필수 기재사항 점검"),
        FieldPanel("body"),
    ]
    # The go-live moment is derived from 시행일자, so Wagtail's own schedule fields are left out.
    settings_panels = [CommentPanel()]
    base_form_class = PolicyPageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "정책"
        verbose_name_plural = "정책"

    def clean(self):
        super().clean()
        self.go_live_at = go_live_moment(self.effective_on) if self.effective_on else None
        self.expire_at = None

    def permissions_for_user(self, user):
        from .permissions import PolicyPermissionTester

        return PolicyPermissionTester(user, self)

    def is_on_record(self, announced_on, effective_on):
        """Whether a version with these dates already went live (it is history, not a new one)."""
        return bool(self.pk) and (
            PolicyVersion.objects.filter(
                page_id=self.pk, announced_on=announced_on, effective_on=effective_on
            ).exists()
        )

    def version_errors(self, announced_on, effective_on, unfavourable, *, making_public):
        return version_errors(
            announced_on,
            effective_on,
            unfavourable,
            making_public=making_public,
            on_record=self.is_on_record(announced_on, effective_on),
        )

    def making_public_errors(self):
        """Why this version (as it stands in this object) may not be published or approved today."""
        return self.version_errors(
            self.announced_on,
            self.effective_on,
            self.unfavourable_change,
            making_public=True,
        )

    def sections_snapshot(self):
        """The articles as the record keeps them: displayed number, heading, HTML and plain text."""
        return [
            {
                "number": section["number"],
                "heading": section["heading"],
                "html": section["body"].__html__(),
                "text": html_to_text(section["body"].__html__()),
            }
            for section in self.numbered_sections()
        ]

    # -- what visitors see ---------------------------------------------------------------

    @cached_property
    def scheduled_revision(self):
        return (
            self.revisions.filter(approved_go_live_at__isnull=False).order_by("-created_at").first()
        )

    def upcoming_version(self):
        """The scheduled version, once its 공고일자 has come and until it takes effect."""
        revision = self.scheduled_revision if self.pk else None
        if revision is None:
            return None
        upcoming = revision.as_object()
        today = timezone.localdate()
        if not upcoming.announced_on or upcoming.announced_on > today:
            return None
        if (
            upcoming.effective_on
            and upcoming.effective_on <= today
            and revision.approved_go_live_at <= timezone.now()
        ):
            return None
        return upcoming

    def recorded_versions(self):
        if not self.pk:
            return []  # a new page being previewed
        return list(PolicyVersion.objects.filter(page=self).order_by("number"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document"] = self.document()
        context["upcoming"] = self.upcoming_version()
        context["versions"] = self.recorded_versions()
        return context

    @path("")
    def current(self, request):
        return self.render(request)

    @path("versions/")
    def version_list(self, request):
        return self.render(
            request,
            template="policies/policy_version_list.html",
            context_overrides={"periods": in_force_periods(self.recorded_versions())},
        )

    @path("versions/<int:number>/")
    def version_detail(self, request, number):
        versions = self.recorded_versions()
        periods = in_force_periods(versions)
        period = next((p for p in periods if p["version"].number == number), None)
        if period is None:
            raise Http404("그런 판이 없습니다.")
        return self.render(
            request,
            template="policies/policy_version.html",
            context_overrides={"document": period["version"].document(), "period": period},
        )

    @path("upcoming/")
    def upcoming(self, request):
        upcoming = self.upcoming_version()
        if upcoming is None:
            raise Http404("공고된 개정 예정 판이 없습니다.")
        return self.render(
            request,
            template="policies/policy_upcoming.html",
            context_overrides={"document": upcoming.document(), "upcoming": upcoming},
        )

    @path("compare/")
    def compare(self, request):
        versions = {str(v.number): v.document() for v in self.recorded_versions()}
        labels = {
            str(v.number): f"제{v.number}판 ({format_date(v.effective_on)} 시행)"
            for v in self.recorded_versions()
            if v.effective_on
        }
        upcoming = self.upcoming_version()
        if upcoming is not None:
            versions["upcoming"] = upcoming.document()
            labels["upcoming"] = f"개정 예정 ({format_date(upcoming.effective_on)} 시행)"
        keys = list(versions)
        if len(keys) < 2:
            raise Http404("비교할 판이 둘 이상 있어야 합니다.")
        old_key = request.GET.get("from") or keys[-2]
        new_key = request.GET.get("to") or keys[-1]
        if old_key not in versions or new_key not in versions:
            raise Http404("그런 판이 없습니다.")
        rows = compare_sections(versions[old_key]["sections"], versions[new_key]["sections"])
        return self.render(
            request,
            template="policies/policy_compare.html",
            context_overrides={
                "rows": rows,
                "changed_count": sum(row["changed"] for row in rows),
                "old": versions[old_key],
                "new": versions[new_key],
                "old_key": old_key,
                "new_key": new_key,
                "choices": list(labels.items()),
            },
        )

    def numbered_sections(self):
        """The articles with their displayed numbers: the editor's number, or the next in order."""
        sections = []
        counter = 0
        for block in self.body:
            if block.block_type != "section":
                continue
            value = block.value
            if value["number"]:
                digits = re.sub(r"\D", "", value["number"])
                counter = int(digits) if digits else counter
                number = value["number"]
            elif value["heading"]:
                counter += 1
                number = f"{counter}."
            else:
                number = ""
            sections.append({"number": number, "heading": value["heading"], "body": value["body"]})
        return sections

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        text = (CONTENT_DIR / entry["source"]).read_text(encoding="utf-8")
        fields = parse_policy_text(text)
        page.document_title = (
            fields["document_title"] if fields["document_title"] != page.title else ""
        )
        page.announced_on = fields["announced_on"]
        page.effective_on = fields["effective_on"]
        page.body = fields["sections"]
        return page


class PolicyVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("기록된 판은 고칠 수 없습니다.")

    def delete(self):
        raise PermissionDenied("기록된 판은 지울 수 없습니다.")


class PolicyVersion(PolicyVersionFields):
    """The permanent record of one policy version that went live: its text, dates and publisher.

    Wagtail's revisions are not an archive: purge_revisions deletes even the live one and deleting
    a page deletes them all. A record copies everything it shows, keeps the page only as a
    nullable link, and refuses to be changed or deleted: here, and in the database itself
    (triggers made by migration 0007), so raw SQL cannot rewrite it either.
    """

    page = models.ForeignKey(
        PolicyPage,
        verbose_name="정책 페이지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField("페이지 제목", max_length=255)
    page_slug = models.SlugField("페이지 주소", max_length=255, allow_unicode=True)
    number = models.PositiveIntegerField("판 번호")
    title = models.CharField("제목", max_length=255)
    sections = models.JSONField("조항", default=list)
    body_data = models.JSONField("본문 원본", default=list)
    revision_id = models.PositiveBigIntegerField(
        "Wagtail 리비전 번호", unique=True, null=True, blank=True
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="게시한 사람",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_by_name = models.CharField("게시한 사람 이름", max_length=255, blank=True)
    scheduled = models.BooleanField("예약 게시", default=False)
    published_at = models.DateTimeField("게시 시각")

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "정책 판 기록"
        verbose_name_plural = "정책 판 기록"
        ordering = ["page_slug", "number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="policy_version_unique_number"),
        ]

    def __str__(self):
        return f"{self.page_title} 제{self.number}판"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("기록된 판은 고칠 수 없습니다.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("기록된 판은 지울 수 없습니다.")

    @admin.display(description="게시 시각 (서울)")
    def published_at_seoul(self):
        return f"{timezone.localtime(self.published_at):%Y-%m-%d %H:%M:%S}"

    @admin.display(description="정보주체에게 불리한 변경")
    def unfavourable_label(self):
        return "예" if self.unfavourable_change else "아니요"

    @admin.display(description="게시 방식")
    def publication_label(self):
        return "예약 게시 (시행일자 0시에 자동 게시)" if self.scheduled else "즉시 게시"

    def sections_snapshot(self):
        return self.sections

    def document(self):
        return {**super().document(), "version": self}

    @classmethod
    def record(cls, page, revision, user, scheduled):
        """Record the version that just went live, once per revision however many processes try."""
        with transaction.atomic():
            # Lock the page row so concurrent publishers number their versions one after another.
            Page.objects.select_for_update().filter(pk=page.pk).first()
            if cls.objects.filter(revision_id=revision.pk).exists():
                return None
            number = (cls.objects.filter(page=page).aggregate(n=Max("number"))["n"] or 0) + 1
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        page=page,
                        page_title=page.title,
                        page_slug=page.slug,
                        number=number,
                        title=page.title,
                        **page.version_values(),
                        sections=page.sections_snapshot(),
                        body_data=list(page.body.raw_data),
                        revision_id=revision.pk,
                        published_by=user,
                        published_by_name=(user.get_full_name() or user.get_username())
                        if user
                        else "",
                        scheduled=scheduled,
                        published_at=timezone.now(),
                    )
            except IntegrityError:
                return None  # another process recorded it first


def in_force_periods(versions):
    """Each recorded version with the days it was in force; a version replaced on its own
    first day was never in force and is left out."""
    periods = []
    ordered = sorted(
        (v for v in versions if v.effective_on), key=lambda v: (v.effective_on, v.number)
    )
    for position, version in enumerate(ordered):
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        until = following.effective_on - datetime.timedelta(days=1) if following else None
        if until is not None and until < version.effective_on:
            continue
        periods.append({"version": version, "since": version.effective_on, "until": until})
    return periods


class PolicyApprovalTask(AbstractGroupApprovalTask):
    """Approval by the chosen groups, re-checking the version's dates at the moment of approval.

    A version submitted on time can wait in the queue past its 공고일자; approving it then would
    backdate the announcement. Wagtail approves from the dashboard without the editor's form, so
    the check lives here: the approval is refused and the reviewer is taken to the editor, where
    the reason is shown beside the dates and nothing of the submission is lost.
    """

    class Meta:
        verbose_name = "정책 승인 업무"
        verbose_name_plural = "정책 승인 업무"

    @classmethod
    def get_description(cls):
        return "선택한 그룹의 구성원이 승인하며, 승인하는 순간 공고일자·시행일자 규칙을 다시 확인합니다."

    def approval_errors(self, page):
        version = page.get_latest_revision_as_object()
        if not isinstance(version, PolicyPage):
            return {}
        return version.making_public_errors()

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.approval_errors(obj):
            # "의견과 함께 승인" goes while approval cannot go through: it would drop the comment.
            actions = [action for action in actions if action[0] != "approve" or not action[2]]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object
            if self.approval_errors(page):
                return reverse("wagtailadmin_pages:edit", args=[page.pk])
        return super().on_action(task_state, user, action_name, **kwargs)
