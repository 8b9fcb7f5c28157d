from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .dates import format_date
from .models import PolicyVersion


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
