from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.text import format_date, format_long_date, with_particle

from .models import PolicyPage, PolicyVersion


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Recorded versions can be looked at by anyone with admin access, and changed by no one."""

    def user_has_permission(self, user, action):
        if action == "view":
            return user.is_active and user.has_perm("wagtailadmin.access_admin")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class PolicyVersionViewSet(ModelViewSet):
    """정책 판 기록: every version that went live, who published it and when; read-only."""

    model = PolicyVersion
    icon = "history"
    menu_label = "정책 판 기록"
    menu_order = 300
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "page_title",
        Column("number", label="판", accessor=lambda v: f"제{v.number}판"),
        Column("announced_on", label="공고일자", accessor=lambda v: format_date(v.announced_on)),
        Column("effective_on", label="시행일자", accessor=lambda v: format_date(v.effective_on)),
        Column(
            "published_by_name",
            label="게시한 사람",
            accessor=lambda v: v.published_by_name or "(기본 콘텐츠)",
        ),
        Column(
            "scheduled",
            label="게시 방식",
            accessor=lambda v: "예약 게시" if v.scheduled else "즉시 게시",
        ),
        Column("published_at", label="게시 시각", accessor="published_at_seoul"),
    ]
    list_filter = ["page_slug"]
    inspect_view_fields = [
        "page_title",
        "number",
        "title",
        "document_title",
        "announced_on",
        "effective_on",
        "change_summary",
        "unfavourable_label",
        "published_by_name",
        "published_at_seoul",
        "publication_label",
        "revision_id",
    ]
    form_fields = []


register_permission_policy(PolicyVersion, ReadOnlyPermissionPolicy(PolicyVersion))
policy_version_viewset = PolicyVersionViewSet("policy_versions")


@hooks.register("register_admin_viewset")
def register_policy_version_viewset():
    return policy_version_viewset


@hooks.register("after_publish_page")
def say_when_the_version_takes_effect(request, page):
    """Wagtail's "예약되었습니다" names no date; an editor scheduling a policy needs to know when
    it takes effect and when it is announced. Returning the redirect replaces Wagtail's message."""
    if not isinstance(page, PolicyPage):
        return None
    scheduled = page.revisions.filter(approved_go_live_at__gt=timezone.now()).first()
    if scheduled is None:
        return None
    version = scheduled.as_object()
    subject = with_particle(f"{page.title}의 새 판", "이/가")
    message = (
        f"{subject} {format_long_date(version.effective_on)} 0시(서울 시간)에 시행되도록 "
        f"예약되었습니다. 개정 안내 공지사항은 {format_long_date(version.announced_on)}에 "
        "게시됩니다."
    )
    messages.success(request, message)
    explorer = reverse("wagtailadmin_explore", args=[page.get_parent().id])
    return redirect(get_valid_next_url_from_request(request) or explorer)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_a_version_the_rules_forbid(request, action_type, objects, view):
    """The bulk 게시 publishes each page's latest draft without the editor's form: check the
    date rules here too, so a saved draft cannot be announced late this way."""
    if action_type != "publish":
        return None
    refusals = []
    for page in objects:
        draft = page.specific.get_latest_revision_as_object()
        if isinstance(draft, PolicyPage):
            errors = draft.making_public_errors()
            if errors:
                reasons = " ".join(errors.values())
                refusals.append(
                    f"{with_particle(page.title, '은/는')} 게시하지 않았습니다: {reasons}"
                )
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
