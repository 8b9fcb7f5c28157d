"""The scheduler's job for events (registered in events/wagtail_hooks.py)."""

from django.core.cache import cache
from django.utils import timezone

from home.cache import purge_page_cache

from .models import EventPage

STARTED_MARKER = "nbsite:events:started-purged-on"


def end_finished_events():
    """Take down every live event whose 종료일 has passed in Seoul, and refresh cached pages on
    the first run of a day on which an event starts.

    Unpublishing (Wagtail's own action, logged) removes the event from the index, the home page,
    the menu, search and the sitemap, and purges the page cache through the publishing signals.
    """
    today = timezone.localdate()
    ended = list(EventPage.objects.live().filter(ends_on__lt=today))
    for event in ended:
        event.unpublish()
    if cache.get(STARTED_MARKER) != today.isoformat():
        if EventPage.objects.live().filter(starts_on=today).exists():
            purge_page_cache()  # cached home and index pages were rendered before it started
        cache.set(STARTED_MARKER, today.isoformat(), timeout=None)
    if ended:
        return f"종료된 이벤트 {len(ended)}건을 내렸습니다: " + ", ".join(e.title for e in ended)
    return None
