from home.forms import SitePageForm


class PolicyPageForm(SitePageForm):
    """Refuses impossible dates with a message on the field, keeping everything the editor typed."""

    def clean(self):
        cleaned_data = super().clean()
        announced_on = cleaned_data.get("announced_on")
        effective_on = cleaned_data.get("effective_on")
        errors = self.instance.version_errors(
            announced_on,
            effective_on,
            cleaned_data.get("unfavourable_change"),
            making_public=self.makes_public(),
        )
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        if self.starts_new_version(announced_on, effective_on):
            # The 공고문 원제목 belongs to the version it came with (개인정보 취급방침, 2017); a new
            # version is titled by the page unless the editor types a title of its own.
            cleaned_data["document_title"] = ""
        return cleaned_data

    def makes_public(self):
        """Publishing, scheduling, sending the version for approval or approving it here."""
        if any(key in self.data for key in ("action-publish", "action-submit")):
            return True
        return (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )

    def starts_new_version(self, announced_on, effective_on):
        return (
            "document_title" not in self.changed_data
            and bool(self.instance.document_title)
            and {"announced_on", "effective_on"} & set(self.changed_data)
            and not self.instance.is_on_record(announced_on, effective_on)
        )
