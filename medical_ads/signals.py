"""The "검토했습니다" tick is recorded with the revision it was given for.

The editor's form (medical_ads.forms) leaves a note on the page object it validated; Wagtail's
edit and create views then save a revision of that same object (`save_revision` passes it as the
revision's content object), and this handler turns the note into an AdReview. No view code of
Wagtail's is copied or wrapped.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Revision

from .models import AdReview

NOTE = "_medical_ads_review"


@receiver(post_save, sender=Revision, dispatch_uid="medical-ads-record-review")
def record_review(sender, instance, created, **kwargs):
    if not created:
        return
    page = Revision._meta.get_field("content_object").get_cached_value(instance, None)
    note = getattr(page, NOTE, None)
    if note is None:
        return
    delattr(page, NOTE)
    user = note["user"]
    AdReview.objects.create(
        page_id=page.pk,
        page_title=page.title,
        revision=instance,
        revision_number=instance.pk,
        user=user,
        user_name=(user.get_full_name() or user.get_username()) if user else "",
        action=note["action"],
        findings=note["findings"],
    )
