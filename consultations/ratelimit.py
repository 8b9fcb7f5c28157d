"""At most RATE_LIMIT requests per address in RATE_WINDOW seconds, counted in the shared cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from home.client import client_ip

RATE_LIMIT = 5
RATE_WINDOW = 10 * 60


def _key(request):
    # A keyed hash: the cache never holds a visitor's address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    return f"nbsite:consultation-rate:{digest[:32]}"


def is_limited(request):
    return (cache.get(_key(request)) or 0) >= RATE_LIMIT


def count(request):
    """One more request from this address; the window starts with its first request."""
    key = _key(request)
    if not cache.add(key, 1, RATE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, RATE_WINDOW)
