from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from .review import page_findings, split
from .signals import NOTE

PUBLIC_ACTIONS = {
    "action-publish": "게시",
    "action-submit": "승인 요청",
    "action-restart-workflow": "승인 요청(다시 시작)",
}
REVIEW_REQUIRED = "경고 {count}건을 검토한 뒤 ‘검토했습니다’에 체크해야 {action}할 수 있습니다."


class MedicalAdsPageForm(WagtailAdminPageForm):
    """The admin form of every page type: a page goes public (게시, 승인 요청, 승인) only without
    게시 불가 phrases, and with 경고 phrases only once the editor ticks 검토했습니다.

    Checked in `is_valid()`, after Wagtail has validated the form and its inline items, on the
    page exactly as it would be saved; a refusal is a form error, so the editor's work stays in
    the form. Saving a draft is never refused.
    """

    medical_ads_reviewed = forms.BooleanField(
        label="검토했습니다",
        required=False,
        help_text="경고로 표시된 표현이 사실이고 필요한 근거가 있음을 확인했습니다. "
        "누가, 언제, 어떤 경고를 검토했는지 이 리비전과 함께 기록됩니다.",
    )

    def public_action(self):
        """The label of the action that makes this version public, or None for a draft save."""
        for key, label in PUBLIC_ACTIONS.items():
            if key in self.data:
                return label
        if (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        ):
            return "승인"
        return None

    def is_valid(self):
        valid = super().is_valid()
        action = self.public_action()
        if not valid or action is None:
            return valid
        page = self.save(commit=False)  # the same in-memory page Wagtail saves next
        self.medical_ads_findings = findings = page_findings(page)
        blocking, warnings = split(findings)
        for finding in blocking:
            self.add_error(None, f"게시 불가 표현: {finding.summary()}")
        reviewed = self.cleaned_data.get("medical_ads_reviewed")
        if warnings and not reviewed:
            self.add_error(
                "medical_ads_reviewed", REVIEW_REQUIRED.format(count=len(warnings), action=action)
            )
        if blocking or (warnings and not reviewed):
            return False
        if warnings:
            setattr(
                page,
                NOTE,
                {
                    "user": self.for_user,
                    "action": action,
                    "findings": [finding.as_record() for finding in warnings],
                },
            )
        return True
