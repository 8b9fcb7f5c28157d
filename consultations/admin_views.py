"""The admin's 상담 신청 screens: every look at personal data goes into the access log."""

import datetime

import django_filters

from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.permissions import policy_registry

from . import audit
from .models import ConsultationRequest

STATS_PERMISSION = "consultations.view_consultation_stats"


def can_see_requests(user):
    policy = policy_registry.get_by_type(ConsultationRequest)
    return policy.user_has_any_permission(user, ["view", "change", "delete"])


def forbidden(request, message):
    """A plain 403 page: Wagtail's own answer (a redirect to the dashboard) would hide the refusal."""
    return TemplateResponse(
        request, "consultations/admin/forbidden.html", {"message": message}, status=403
    )


class PersonalDataMixin:
    """Only users who may handle requests (상담 담당, superusers) get past the door."""

    refusal = "상담 신청의 이름과 연락처는 상담 담당자만 볼 수 있습니다. 신청 건수는 상담 › 상담 통계에서 볼 수 있습니다."

    def dispatch(self, request, *args, **kwargs):
        if not can_see_requests(request.user):
            return forbidden(request, self.refusal)
        return super().dispatch(request, *args, **kwargs)


def treatment_title_choices():
    titles = (
        ConsultationRequest.objects.order_by("treatment_title")
        .values_list("treatment_title", flat=True)
        .distinct()
    )
    return [(title, title) for title in titles]


class ConsultationRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="상태", choices=ConsultationRequest.Status.choices, empty_label="전체"
    )
    # The title as sent: it also finds requests for 기타 and for treatments since removed.
    treatment_title = django_filters.ChoiceFilter(
        label="관심 시술", choices=treatment_title_choices, empty_label="전체"
    )
    created_at = django_filters.DateFromToRangeFilter(label="신청일", widget=DateRangePickerWidget)

    class Meta:
        model = ConsultationRequest
        fields = ["status", "treatment_title", "created_at"]


class RequestIndexView(PersonalDataMixin, IndexView):
    def render_to_response(self, context, **response_kwargs):
        numbers = [item.pk for item in context["object_list"]]
        if self.is_export:
            export_format = self.request.GET.get("export", "").upper()
            audit.record(self.request.user, audit.Action.EXPORT, numbers, f"{export_format} 파일")
        else:
            audit.record(self.request.user, audit.Action.LIST, numbers)
        return super().render_to_response(context, **response_kwargs)

    def stream_csv(self, queryset):
        # Excel reads a CSV as UTF-8 only when it starts with a byte-order mark.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def to_row_dict(self, item):
        # A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
        return {
            field: f"'{value}" if isinstance(value, str) and value[:1] in "=+-@" else value
            for field, value in super().to_row_dict(item).items()
        }


class RequestEditView(PersonalDataMixin, EditView):
    """The request in full (read-only), with its status and memo to change."""

    template_name = "consultations/admin/request_edit.html"

    def render_to_response(self, context, **response_kwargs):
        audit.record(self.request.user, audit.Action.VIEW, [self.object.pk])
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["withdraw_url"] = reverse(
            "consultation_requests:withdraw_marketing", args=[quote(self.object.pk)]
        )
        return context

    def save_instance(self):
        before = ConsultationRequest.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        changes = []
        if before.status != instance.status:
            changes.append(f"상태 {before.get_status_display()} → {instance.get_status_display()}")
        if before.staff_memo != instance.staff_memo:
            changes.append("메모 수정")
        if changes:
            audit.record(self.request.user, audit.Action.CHANGE, [instance.pk], ", ".join(changes))
        return instance


class RequestDeleteView(PersonalDataMixin, DeleteView):
    def delete_action(self):
        audit.record(self.request.user, audit.Action.DELETE, [self.object.pk], "담당자 삭제")
        super().delete_action()


@require_POST
def withdraw_marketing(request, pk):
    """One click: the visitor asked (by phone, say) to receive no more marketing messages."""
    policy = policy_registry.get_by_type(ConsultationRequest)
    if not policy.user_has_permission(request.user, "change"):
        return forbidden(request, PersonalDataMixin.refusal)
    consultation = get_object_or_404(ConsultationRequest, pk=pk)
    if consultation.marketing_consent:
        consultation.withdraw_marketing_consent()
        audit.record(request.user, audit.Action.WITHDRAW, [consultation.pk])
        messages.success(request, f"{consultation}의 마케팅 정보 수신 동의를 철회했습니다.")
    return redirect("consultation_requests:edit", quote(consultation.pk))


class StatsPeriodForm(forms.Form):
    start = forms.DateField(label="시작일", required=False, widget=AdminDateInput)
    end = forms.DateField(label="종료일", required=False, widget=AdminDateInput)


class ConsultationStatsView(WagtailAdminTemplateMixin, TemplateView):
    """상담 통계: how many requests per treatment and per day, with no name or number in sight."""

    template_name = "consultations/admin/stats.html"
    page_title = "상담 통계"
    header_icon = "table"
    default_days = 30

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATS_PERMISSION):
            return forbidden(request, "상담 통계를 볼 권한이 없습니다.")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def period(self):
        form = StatsPeriodForm(self.request.GET or None)
        end = timezone.localdate()
        start = end - datetime.timedelta(days=self.default_days - 1)
        if form.is_valid():
            start = form.cleaned_data["start"] or start
            end = form.cleaned_data["end"] or end
        if start > end:
            start, end = end, start
        return form, start, end

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, start, end = self.period()
        requests = ConsultationRequest.objects.filter(created_at__date__range=(start, end))
        context.update(
            form=form,
            start=start,
            end=end,
            by_day=list(
                requests.annotate(day=TruncDate("created_at"))
                .values("day", "treatment_title")
                .annotate(count=Count("pk"))
                .order_by("-day", "treatment_title")
            ),
            by_treatment=list(
                requests.values("treatment_title")
                .annotate(count=Count("pk"))
                .order_by("-count", "treatment_title")
            ),
            total=requests.count(),
        )
        return context
