"""At most RATE_LIMIT requests per address in RATE_WINDOW seconds, counted in the shared cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache

RATE_LIMIT = 5
RATE_WINDOW = 10 * 60


def client_address(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost one saw
    (each proxy appends what it received to X-Forwarded-For; earlier entries the client wrote)."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    # A keyed hash: the cache never holds a visitor's address.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()
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
