from django.db import models


class SeedRecord(models.Model):
    """Remembers which shipped content entry made which page, so reloading never duplicates it.

    A page an editor deleted keeps its record (with no page), so it is not brought back. Records
    keyed "image:<entry>" remember that an entry's generated picture was already given.
    """

    key = models.CharField(max_length=255, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "기본 콘텐츠 기록"
        verbose_name_plural = "기본 콘텐츠 기록"

    def __str__(self):
        return self.key
