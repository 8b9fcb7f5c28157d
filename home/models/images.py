import posixpath
import re

from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.images.models import AbstractImage, AbstractRendition, Image

# The file names home.images gives its drawings; Django may add a suffix when a name is taken.
GENERATED_FILE = re.compile(r"seed-[0-9a-f]{12}(_\w+)?\.jpg$")


class ClinicImage(AbstractImage):
    """An image in the library; its alternative text is required, so no picture reaches a visitor without one."""

    description = models.CharField(
        "대체 텍스트",
        max_length=255,
        help_text="화면을 볼 수 없는 분께 읽어 주는 이미지 설명입니다. 예: 울쎄라 시술 장비 사진",
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = "이미지"
        verbose_name_plural = "이미지"

    @property
    def alt(self):
        return self.description or self.title

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):  # a new file, not yet stored
            from ..images import shrink_original

            shrink_original(self)
        super().save(*args, **kwargs)

    @property
    def is_generated(self):
        """A picture home.images drew for a seeded page, not a photograph (until its file is replaced)."""
        return bool(GENERATED_FILE.match(posixpath.basename(self.file.name or "")))


class ClinicRendition(AbstractRendition):
    """A resized copy of a library image, made once and reused."""

    image = models.ForeignKey(ClinicImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@receiver(post_save, sender=ClinicImage, dispatch_uid="home-prepare-renditions")
def prepare_renditions_on_upload(sender, instance, raw=False, **kwargs):
    """An upload (or a new focal point) gets its renditions in the editor's request, after commit,
    rather than in the first visitor's; see home.images.prepare_renditions."""
    if raw or getattr(instance, "_renditions_later", False):
        return
    from ..images import prepare_renditions

    # robust: a picture Pillow cannot draw is logged and left to the scheduler, never an error
    # page for the editor whose upload is already saved.
    transaction.on_commit(lambda: prepare_renditions(instance), robust=True)
