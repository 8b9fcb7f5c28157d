"""Anonymous HTML served from Django's cache, dropped as a whole whenever published content changes.

Django's two cache middlewares do the storing and fetching. What they lack is a way to purge:
their keys hash the URL and headers. So every key carries a *generation* number kept in the
cache itself; publishing, unpublishing, moving or deleting a page, or saving the clinic settings,
moves the generation on and every older entry is simply never read again. The generation is read
once at the start of a request, so a page rendered during a publish is stored under the old number.
"""

import contextvars

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_cache_control

GENERATION_KEY = "nbsite:page-cache-generation"
_prefix = contextvars.ContextVar("page_cache_prefix", default="pages.0")


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_generation():
    return page_cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def purge_page_cache(**kwargs):
    """Make every cached page stale (connected to the publishing signals in HomeConfig.ready).

    Once now, and once more when the transaction commits: a page rendered between the two from
    not-yet-committed data must not outlive the commit.
    """
    _bump_generation()
    transaction.on_commit(_bump_generation)


def _bump_generation():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def is_cacheable(request):
    """Only anonymous visitors' public GETs: editors, the admin and previews always render fresh."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not any(request.path.startswith(p) for p in settings.PAGE_CACHE_EXCLUDED_PATHS)


class _GenerationPrefixMixin:
    @property
    def key_prefix(self):
        return _prefix.get()

    @key_prefix.setter
    def key_prefix(self, value):
        pass  # the prefix comes from the generation read for this request


class FetchFromPageCacheMiddleware(_GenerationPrefixMixin, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not is_cacheable(request):
            request._cache_update_cache = False
            return None
        _prefix.set(f"pages.{current_generation()}")
        response = super().process_request(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
        return response


class UpdatePageCacheMiddleware(_GenerationPrefixMixin, UpdateCacheMiddleware):
    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_cacheable(request) and response.get("Content-Type", "").startswith("text/html"):
            # Browsers revalidate every time (ETag makes that cheap); only the server keeps copies,
            # so a publish shows on the very next request.
            del response["Expires"]
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return response
