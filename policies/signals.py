from django.db.models.signals import post_save

from wagtail.models import Revision
from wagtail.signals import page_published


def record_live_version(sender, instance, revision, **kwargs):
    """Every policy revision that goes live becomes a permanent PolicyVersion."""
    from .models import PolicyPage, PolicyVersion

    if (
        isinstance(instance, PolicyPage)
        and instance.live
        and instance.live_revision_id == revision.pk
    ):
        PolicyVersion.record(instance, revision)


def assign_approval_workflow(sender, instance, created, raw=False, **kwargs):
    """Policy pages go through 개인정보처리방침 승인 wherever they sit in the tree."""
    from wagtail.models import Workflow, WorkflowPage

    from .access import APPROVAL_WORKFLOW

    if raw or not created:
        return
    workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def withdraw_notice_of_cancelled_schedule(sender, instance, update_fields=None, **kwargs):
    """Wagtail's "cancel scheduled publish" clears a revision's go-live; its notice goes too."""
    from .models import PolicyPage
    from .notices import withdraw_unshown_notices

    if not update_fields or "approved_go_live_at" not in update_fields:
        return
    if instance.approved_go_live_at is not None:
        return
    model = instance.content_type.model_class()
    if model and issubclass(model, PolicyPage):
        page = PolicyPage.objects.filter(pk=instance.object_id).first()
        if page is not None:
            withdraw_unshown_notices(page)


def connect():
    from .models import PolicyPage

    page_published.connect(record_live_version, dispatch_uid="policies.record_live_version")
    post_save.connect(
        withdraw_notice_of_cancelled_schedule,
        sender=Revision,
        dispatch_uid="policies.withdraw_cancelled_notice",
    )
    post_save.connect(
        assign_approval_workflow, sender=PolicyPage, dispatch_uid="policies.assign_workflow"
    )
