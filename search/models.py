from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.cache import purge_page_cache

from .analysis import words

SYNONYM_CACHE_KEY = "search:synonyms"
SYNONYM_CACHE_SECONDS = 60


class SearchSynonym(models.Model):
    """A group of words visitors use for the same thing (울쎄라, 울세라, Ulthera); search treats them alike."""

    words = models.CharField(
        "같은 뜻의 검색어",
        max_length=255,
        unique=True,
        help_text="쉼표로 구분해 입력합니다. 이 중 하나로 검색하면 나머지 단어로도 찾습니다. 예: 울쎄라, 울세라, Ulthera",
    )
    note = models.CharField("메모", max_length=255, blank=True)

    class Meta:
        verbose_name = "검색 동의어"
        verbose_name_plural = "검색 동의어"
        ordering = ["words"]

    def __str__(self):
        return self.words

    def word_list(self):
        return [w.strip() for w in self.words.split(",") if w.strip()]

    @classmethod
    def as_map(cls):
        """{analyzed word: [the other words of its groups]}, cached and cleared on every edit."""
        mapping = cache.get(SYNONYM_CACHE_KEY)
        if mapping is None:
            mapping = {}
            for group in cls.objects.all():
                members = group.word_list()
                for member in members:
                    key = "".join(word for word, _ in words(member))
                    if key:
                        others = [m for m in members if m != member]
                        mapping.setdefault(key, []).extend(others)
            cache.set(SYNONYM_CACHE_KEY, mapping, SYNONYM_CACHE_SECONDS)
        return mapping


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
def clear_synonym_cache(**kwargs):
    cache.delete(SYNONYM_CACHE_KEY)
    # Cached search pages were ranked with the old list.
    purge_page_cache()
