"""상담 in the admin: the requests (상담 담당), counts (마케팅), consent wording and the records
(개인정보 관리자); and the scheduler's jobs: destroying expired requests, late notifications."""

import datetime

from django.urls import path
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.permissions import AllowedActionsPolicy
from home.text import format_date

from . import admin_views, notifications, retention
from .forms import form_setup
from .models import AccessLog, ConsentVersion, ConsultationRequest, DestructionRecord

register_permission_policy(
    ConsultationRequest, AllowedActionsPolicy(ConsultationRequest, {"view", "change", "delete"})
)
register_permission_policy(ConsentVersion, AllowedActionsPolicy(ConsentVersion, {"view", "add"}))
register_permission_policy(AccessLog, AllowedActionsPolicy(AccessLog, {"view"}))
register_permission_policy(DestructionRecord, AllowedActionsPolicy(DestructionRecord, {"view"}))


def seoul_time(value):
    return f"{timezone.localtime(value):%Y.%m.%d %H:%M}" if value else ""


class RequestIndexView(admin_views.RequestIndexView):
    custom_value_preprocess = {
        datetime.datetime: {
            "csv": seoul_time,
            "xlsx": lambda v: timezone.localtime(v).replace(tzinfo=None),
        },
        bool: {"csv": lambda v: "예" if v else "아니요", "xlsx": lambda v: "예" if v else "아니요"},
    }


class ConsultationRequestViewSet(ModelViewSet):
    """상담 신청: the list 상담 담당 works from (filters, CSV), each request's status and memo."""

    model = ConsultationRequest
    icon = "mail"
    menu_label = "상담 신청"
    name = "consultation_requests"
    index_view_class = RequestIndexView
    edit_view_class = admin_views.RequestEditView
    delete_view_class = admin_views.RequestDeleteView
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    list_display = [
        "name",
        "phone",
        "treatment_title",
        "contact_time",
        "status",
        Column(
            "marketing_consent",
            label="마케팅 수신",
            accessor=lambda r: "동의" if r.marketing_consent else "-",
        ),
        Column("created_at", label="신청 시각", accessor=lambda r: seoul_time(r.created_at)),
        Column("number", label="번호", accessor=lambda r: f"#{r.pk}"),
    ]
    filterset_class = admin_views.ConsultationRequestFilterSet
    search_fields = ["name", "phone"]
    list_export = [
        "pk",
        "created_at",
        "name",
        "phone",
        "treatment_title",
        "get_contact_time_display",
        "message",
        "get_status_display",
        "marketing_consent",
        "staff_memo",
        "consented_at",
    ]
    export_headings = {
        "pk": "번호",
        "created_at": "신청 시각",
        "get_contact_time_display": "희망 연락 시간",
        "get_status_display": "상태",
        "consented_at": "동의 시각",
    }
    export_filename = "consultation-requests"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "withdraw-marketing/<int:pk>/",
                admin_views.withdraw_marketing,
                name="withdraw_marketing",
            )
        ]


class StatsViewSet(ViewSet):
    """상담 통계: counts per treatment and day for 마케팅; no names or numbers."""

    name = "consultation_stats"
    icon = "table"
    menu_label = "상담 통계"

    def get_urlpatterns(self):
        return [path("", admin_views.ConsultationStatsView.as_view(), name="index")]

    @property
    def menu_item_class(self):
        class StatsMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm(admin_views.STATS_PERMISSION)

        return StatsMenuItem


class NewConsentVersionView(CreateView):
    """A new version starts from the current wording; whoever saves it is recorded."""

    def get_initial(self):
        current = ConsentVersion.current()
        return {
            field: getattr(current, field)
            for field in (
                "items",
                "purpose",
                "retention_days",
                "closed_retention_days",
                "refusal",
                "marketing_purpose",
            )
        }

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ConsentVersionViewSet(ModelViewSet):
    """동의 문구: the 개인정보 관리자 writes a new version; earlier ones stay as they were agreed."""

    model = ConsentVersion
    icon = "doc-full"
    menu_label = "동의 문구"
    name = "consent_versions"
    add_view_class = NewConsentVersionView
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    list_display = [
        "__str__",
        Column("retention_text", label="보유 기간"),
        Column("created_by", label="만든 사람", accessor=lambda v: v.created_by or "(기본 문구)"),
    ]
    inspect_view_fields = [
        "number",
        "items",
        "purpose",
        "retention_days",
        "closed_retention_days",
        "refusal",
        "marketing_purpose",
        "created_at",
        "created_by",
    ]


class AccessLogViewSet(ModelViewSet):
    """접근 기록: read by the 개인정보 관리자; nobody can change it."""

    model = AccessLog
    icon = "history"
    menu_label = "접근 기록"
    name = "consultation_access_log"
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        Column("at", label="시각", accessor=lambda e: seoul_time(e.at)),
        "username",
        "action",
        Column("request_number", label="신청 번호", accessor=lambda e: f"#{e.request_number}"),
        "detail",
    ]
    list_filter = ["action"]
    search_fields = ["username", "detail"]
    form_fields = []


class DestructionRecordViewSet(ModelViewSet):
    """파기 기록: the day and count of requests destroyed when their retention ran out."""

    model = DestructionRecord
    icon = "bin"
    menu_label = "파기 기록"
    name = "consultation_destructions"
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        Column("destroyed_on", label="파기일", accessor=lambda r: format_date(r.destroyed_on)),
        "count",
    ]
    form_fields = []


class ConsultationGroup(ViewSetGroup):
    menu_label = "상담"
    menu_icon = "mail"
    menu_order = 150
    items = (
        ConsultationRequestViewSet,
        StatsViewSet,
        ConsentVersionViewSet,
        AccessLogViewSet,
        DestructionRecordViewSet,
    )


@hooks.register("register_admin_viewset")
def register_consultation_viewsets():
    return ConsultationGroup()


@hooks.register("register_scheduled_job")
def register_retention_job():
    return retention.destroy_expired_requests


@hooks.register("register_scheduled_job")
def register_notification_retry_job():
    return notifications.send_pending_notifications


@hooks.register("register_privacy_policy_channel")
def register_policy_channel():
    """While the form is live, the privacy policy's checklist asks that the policy describe it:
    the words 상담 신청, each collected item of the current consent, and its retention period."""
    setup = form_setup()
    if setup.page is None:
        return None
    consent = setup.consent
    words = ["상담신청", *consent.item_names(), consent.retention_text.split(" (")[0]]
    compact_words = ["".join(word.split()) for word in words]
    label = (
        f"상담 신청: 수집 항목({', '.join(consent.item_names())}), 수집·이용 목적, "
        f"보유 기간({consent.retention_text})"
    )
    return label, lambda text: all(word in text for word in compact_words)
