from django import template

from home.models import ClinicSettings
from treatments.models import TreatmentPage

from ..forms import ConsultationForm, consultation_page, form_setup

register = template.Library()


@register.simple_tag(takes_context=True)
def consultation_url(context):
    """Where the sticky bar's 상담 신청 goes: the form on this treatment page, else the 상담 신청
    page ("" while there is none live)."""
    request = context.get("request")
    page = consultation_page(request)
    if page is None:
        return ""
    if isinstance(context.get("page"), TreatmentPage):
        return "#consultation"
    return page.get_url(request)


@register.inclusion_tag("consultations/includes/treatment_section.html", takes_context=True)
def treatment_consultation_form(context):
    """The short form on a treatment page, with the treatment chosen. The page is kept in the
    page cache, so the form carries no token: its script fetches this visitor's own."""
    request = context["request"]
    treatment = context["page"]
    setup = form_setup(request)
    if setup.page is None:
        return {"form": None}
    form = ConsultationForm.for_request(request, treatment=treatment)
    form.offer_section_of(treatment)
    return {
        "form": form,
        "treatment": treatment,
        "page_url": setup.page.get_url(request),
        "clinic_phone": ClinicSettings.for_request(request).phone,
        "compact": True,
    }
