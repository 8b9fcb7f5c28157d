"""Editor panels of a policy page: the derived go-live moment and the required-items checklist."""

from django.utils import timezone

from wagtail.admin.panels import Panel

from home.text import html_to_text

from .checklist import missing_items
from .dates import go_live_moment


class GoLivePanel(Panel):
    """Shows when the version goes live, derived from 시행일자 so the two can never disagree,
    and, while the version awaits approval, why it could not be approved today."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "policies/panels/go_live.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            effective_on = self.instance.effective_on
            context["go_live_at"] = go_live_moment(effective_on) if effective_on else None
            context["is_future"] = bool(effective_on) and context["go_live_at"] > timezone.now()
            # A version waiting for approval can outlive its 공고일자; say so before anyone approves.
            awaiting = self.instance.pk and self.instance.workflow_in_progress
            context["approval_errors"] = (
                list(self.instance.making_public_errors().values()) if awaiting else []
            )
            return context


class ChecklistPanel(Panel):
    """Warns which items the law requires a privacy policy to state are missing from the text."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "policies/panels/checklist.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            text = " ".join(
                f"{section['heading']} {html_to_text(section['body'].__html__())}"
                for section in page.numbered_sections()
            )
            context["missing"] = missing_items(text)
            context["checked"] = bool(page.body)
            return context
