from home.forms import SitePageForm

from .dates import date_rule_errors, publishing_errors


def version_errors(page_pk, announced_on, effective_on, unfavourable, making_public):
    """Korean field errors for a policy version's dates, shared by the editor and the approval task.

    A version already on record (such as the 2017 one) is history: its date rules stand as they
    were. Making a version public (publishing, scheduling, submitting or approving it) also needs
    both dates and an announcement that has not passed.
    """
    errors = {}
    if not is_recorded_version(page_pk, announced_on, effective_on):
        errors.update(date_rule_errors(announced_on, effective_on, unfavourable))
    if making_public:
        errors = {**publishing_errors(announced_on, effective_on), **errors}
    return errors


def is_recorded_version(page_pk, announced_on, effective_on):
    from .models import PolicyVersion

    if not page_pk:
        return False
    return PolicyVersion.objects.filter(
        page_id=page_pk, announced_on=announced_on, effective_on=effective_on
    ).exists()


class PolicyPageForm(SitePageForm):
    """Refuses impossible dates with a message on the field, keeping everything the editor typed."""

    def clean(self):
        cleaned_data = super().clean()
        errors = version_errors(
            self.instance.pk,
            cleaned_data.get("announced_on"),
            cleaned_data.get("effective_on"),
            cleaned_data.get("unfavourable_change"),
            making_public=self.makes_public(),
        )
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
