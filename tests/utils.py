import datetime

from django.utils import timezone

from home.text import html_to_text


def visible_text(html):
    """The page's text as a reader sees it, whitespace folded to single spaces."""
    return fold(html_to_text(html))


def fold(text):
    return " ".join(text.split())


def seoul(*args):
    """A moment on the clinic's clock (TIME_ZONE, Asia/Seoul): seoul(2026, 12, 1, 0, 0, 30)."""
    return datetime.datetime(*args, tzinfo=timezone.get_default_timezone())
