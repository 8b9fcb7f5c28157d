from axes.models import AccessAttempt, AccessFailureLog

from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .jobs import prune_login_records, prune_search_statistics


class SuperuserReadAndDeletePolicy(BasePermissionPolicy):
    """Login records are read (and a lock lifted by deleting it) by superusers only, never edited."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in ("view", "delete")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LoginRecordViewSet(ModelViewSet):
    """Read-only listing of django-axes' records for superusers."""

    icon = "warning"
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # the add/edit views exist but the policy never allows them
    list_filter = ["username", "ip_address"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]

    def get_permissions_to_register(self):
        return Permission.objects.none()  # never granted to a group: superusers only


class LockViewSet(LoginRecordViewSet):
    """잠금 현황: each account and address that failed recently; deleting one lifts its lock."""

    model = AccessAttempt
    name = "login_locks"
    menu_label = "로그인 잠금 현황"
    list_display = [
        Column("username", label="아이디"),
        Column("ip_address", label="접속 IP"),
        Column("failures_since_start", label="실패 횟수"),
        DateColumn("attempt_time", label="마지막 시도"),
        Column("user_agent", label="브라우저"),
    ]
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time"]


class FailureLogViewSet(LoginRecordViewSet):
    """로그인 실패 기록: every failed login, with whether it was locked out."""

    model = AccessFailureLog
    name = "login_failures"
    menu_label = "로그인 실패 기록"
    list_display = [
        Column("username", label="아이디"),
        Column("ip_address", label="접속 IP"),
        DateColumn("attempt_time", label="시각"),
        BooleanColumn("locked_out", label="잠김"),
        Column("path_info", label="주소"),
    ]
    inspect_view_fields = ["username", "ip_address", "attempt_time", "locked_out", "user_agent"]


for _model in (AccessAttempt, AccessFailureLog):
    register_permission_policy(_model, SuperuserReadAndDeletePolicy(_model))


@hooks.register("register_admin_viewset")
def register_login_records():
    return [FailureLogViewSet(), LockViewSet()]


@hooks.register("register_scheduled_job")
def search_statistics_job():
    return prune_search_statistics


@hooks.register("register_scheduled_job")
def login_records_job():
    return prune_login_records
