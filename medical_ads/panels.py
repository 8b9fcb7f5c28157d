from django.urls import reverse

from wagtail.admin.panels import Panel

from .review import page_findings, split


class MedicalAdsPanel(Panel):
    """의료광고 검토: the findings of the page as it is being typed, with the 검토했습니다 tick.

    The server renders the findings of the saved draft (or of the form just posted); the
    script static/js/medical-ads-panel.js sends the form's current values to the check
    endpoint as the editor types and swaps in the new list.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "medical_ads/panels/review.html"

        class Media:
            js = ["js/medical-ads-panel.js"]
            css = {"all": ["css/medical-ads-admin.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            findings = getattr(self.form, "medical_ads_findings", None)
            if findings is None:
                findings = page_findings(self.instance) if self.instance.title else []
            context["findings"] = findings
            context["blocking"], context["warnings"] = split(findings)
            context["check_url"] = self.check_url()
            context["reviewed_field"] = self.form["medical_ads_reviewed"]
            return context

        def check_url(self):
            page = self.instance
            if page.pk:
                return reverse("medical_ads:check_page", args=[page.pk])
            parent = self.form.parent_page
            return reverse(
                "medical_ads:check_new_page",
                args=[page._meta.app_label, page._meta.model_name, parent.pk],
            )
