from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.permissions import AllowedActionsPolicy
from home.text import with_particle

from . import views
from .models import AdReview, Rule
from .review import page_findings, split

ACCESS_ADMIN = "wagtailadmin.access_admin"


class RuleViewSet(SnippetViewSet):
    """의료광고 규칙: the 의료광고 검토 group edits the phrases, articles and safer wordings."""

    model = Rule
    icon = "warning"
    menu_label = "의료광고 규칙"
    menu_order = 950
    add_to_admin_menu = True
    list_display = ["name", "category", "severity", "article", "enabled"]
    list_filter = ["category", "severity", "enabled"]
    search_fields = ["name", "patterns", "explanation"]


register_snippet(RuleViewSet)


class AdReviewViewSet(ModelViewSet):
    """의료광고 검토 기록: who ticked 검토했습니다 for which 경고 findings, with which revision."""

    model = AdReview
    icon = "history"
    menu_label = "의료광고 검토 기록"
    menu_order = 951
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "page_title",
        "action",
        "user_name",
        Column("reviewed_at", label="검토 시각", accessor="reviewed_at_seoul"),
        Column("findings", label="검토한 경고", accessor="findings_text"),
    ]
    inspect_view_fields = [
        "page_title",
        "revision_number",
        "action",
        "user_name",
        "reviewed_at_seoul",
        "findings_text",
    ]
    form_fields = []


# Review records are written by the editor's form only; reviewers and superusers read them.
register_permission_policy(AdReview, AllowedActionsPolicy(AdReview, {"view"}))
ad_review_viewset = AdReviewViewSet("medical_ads_reviews")


@hooks.register("register_admin_viewset")
def register_ad_review_viewset():
    return ad_review_viewset


@hooks.register("register_admin_urls")
def register_medical_ads_urls():
    urls = [
        path("check/<int:page_id>/", views.check_page, name="check_page"),
        path(
            "check/new/<str:app_label>/<str:model_name>/<int:parent_id>/",
            views.check_new_page,
            name="check_new_page",
        ),
        path("report/", views.MedicalAdsReportView.as_view(), name="report"),
        path(
            "report/results/",
            views.MedicalAdsReportView.as_view(results_only=True),
            name="report_results",
        ),
    ]
    return [path("medical-ads/", include((urls, "medical_ads"), namespace="medical_ads"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ACCESS_ADMIN)


@hooks.register("register_reports_menu_item")
def register_medical_ads_report_menu_item():
    return ReportMenuItem(
        "의료광고 검토 보고서",
        reverse("medical_ads:report"),
        name="medical-ads-report",
        icon_name="warning",
        order=1320,
    )


FINDING_CHECK = "medical-ads-finding"


class MedicalAdsCheckerItem(ContentCheckerItem):
    """Wagtail's content checker (userbar and the editor's 검사 panel on the preview) with one
    axe rule per 의료광고 rule that has findings on the page being shown.

    Findings can sit in text a visitor does not see in the layout (SEO description, alt text),
    so each is reported against the page's h1, as Wagtail's own meta-description check is.
    The check uses axe's built-in attribute evaluator on an attribute no element carries, so it
    always fails where selected: no script of ours runs inside the preview.
    """

    def __init__(self, findings, in_editor=False):
        super().__init__(in_editor=in_editor)
        self.by_rule = {}
        for finding in findings:
            self.by_rule.setdefault(finding.rule, []).append(finding)

    @staticmethod
    def rule_id(rule):
        return f"medical-ads-{rule.pk}"

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if not run_only:
            return run_only
        return [*run_only, *(self.rule_id(rule) for rule in self.by_rule)]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            *(
                {
                    "id": self.rule_id(rule),
                    "impact": "critical" if rule.blocks_publishing else "serious",
                    "selector": "h1",
                    "tags": ["medical-ads"],
                    "any": [FINDING_CHECK],
                    "enabled": True,
                }
                for rule in self.by_rule
            ),
        ]

    def get_axe_custom_checks(self, request):
        return [
            *super().get_axe_custom_checks(request),
            {
                "id": FINDING_CHECK,
                "evaluate": "attr-non-space-content-evaluate",
                "options": {"attribute": "data-medical-ads-never-set"},
            },
        ]

    def get_axe_messages(self, request):
        messages = dict(super().get_axe_messages(request))
        for rule, findings in self.by_rule.items():
            phrases = ", ".join(dict.fromkeys(f"‘{finding.phrase}’" for finding in findings))
            places = ", ".join(dict.fromkeys(finding.where for finding in findings))
            messages[self.rule_id(rule)] = {
                "error_name": f"의료광고 {rule.get_severity_display()}: {phrases} ({places})",
                "help_text": f"{rule.name} — {rule.article}. 권장 표현: {rule.suggestion}",
            }
        return messages


@hooks.register("construct_wagtail_userbar")
def add_medical_ads_checks(request, items, page=None):
    """The page's findings join the content checks of the userbar and the editor's preview."""
    if not isinstance(page, Page) or not page.title:
        return
    findings = page_findings(page)
    if not findings:
        return
    items[:] = [
        MedicalAdsCheckerItem(findings, in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_unreviewed_claims(request, action_type, objects, view):
    """The bulk 게시 publishes each page's latest draft without the editor's form: a draft with
    a 게시 불가 phrase, or with 경고 phrases nobody ticked as reviewed, is sent back to the editor."""
    if action_type != "publish":
        return None
    refusals = []
    for page in objects:
        revision = page.get_latest_revision()
        draft = revision.as_object() if revision else page.specific
        blocking, warnings = split(page_findings(draft))
        reviewed = revision is not None and AdReview.objects.filter(revision=revision).exists()
        if blocking:
            reasons = "; ".join(finding.summary() for finding in blocking)
            refusals.append(
                f"{with_particle(page.title, '은/는')} 게시하지 않았습니다. 게시 불가 표현: {reasons}"
            )
        elif warnings and not reviewed:
            refusals.append(
                f"{with_particle(page.title, '은/는')} 게시하지 않았습니다. 경고 {len(warnings)}건을 "
                "편집 화면에서 검토한 뒤 게시하세요."
            )
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
