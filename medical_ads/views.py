from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .report import live_pages_with_findings
from .review import page_findings, split


def render_findings(request, page, parent):
    """The findings of the page as the editor's form now stands (what the panel shows)."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(request.POST, instance=page, parent_page=parent, for_user=request.user)
    form.defer_required_fields()  # a half-typed page is checked as far as it goes
    checked = form.save(commit=False) if form.is_valid() else form.instance
    findings = page_findings(checked) if checked.title else []
    blocking, warnings = split(findings)
    return render(
        request,
        "medical_ads/panels/findings.html",
        {"findings": findings, "blocking": blocking, "warnings": warnings},
    )


@require_POST
def check_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return render_findings(request, page.get_latest_revision_as_object(), page.get_parent())


@require_POST
def check_new_page(request, app_label, model_name, parent_id):
    parent = get_object_or_404(Page, pk=parent_id).specific
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None or not issubclass(model, Page):
        raise Http404
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return render_findings(request, model(), parent)


class MedicalAdsReportView(ReportView):
    """의료광고 검토 보고서: every live page with findings, 게시 불가 first, with edit links."""

    page_title = "의료광고 검토 보고서"
    header_icon = "warning"
    index_url_name = "medical_ads:report"
    index_results_url_name = "medical_ads:report_results"
    results_template_name = "medical_ads/report_results.html"
    paginate_by = 100

    def get_queryset(self):
        return live_pages_with_findings()
