from wagtail.admin.forms import WagtailAdminPageForm

from .dates import date_rule_errors, publishing_errors


class PolicyPageForm(WagtailAdminPageForm):
    """Refuses impossible dates with a message on the field, keeping everything the editor typed."""

    def clean(self):
        cleaned_data = super().clean()
        announced_on = cleaned_data.get("announced_on")
        effective_on = cleaned_data.get("effective_on")
        errors = {}
        if not self.is_recorded_version(announced_on, effective_on):
            errors.update(
                date_rule_errors(
                    announced_on, effective_on, cleaned_data.get("unfavourable_change")
                )
            )
        if self.makes_public():
            errors = {**publishing_errors(announced_on, effective_on), **errors}
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned_data

    def makes_public(self):
        """Publishing, scheduling, sending the version for approval or approving it here."""
        if any(key in self.data for key in ("action-publish", "action-submit")):
            return True
        return (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )

    def is_recorded_version(self, announced_on, effective_on):
        """A version already on record (such as the 2017 one) is history: its dates stand."""
        from .models import PolicyVersion

        page = self.instance
        if not page.pk:
            return False
        return PolicyVersion.objects.filter(
            page_id=page.pk, announced_on=announced_on, effective_on=effective_on
        ).exists()
