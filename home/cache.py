"""Anonymous HTML served from Django's cache, dropped as a whole whenever published content changes.

Django's two cache middlewares do the storing and fetching. What they lack is a way to purge:
their keys hash the URL and headers. So every key carries a *generation* number kept in the
cache itself; publishing, unpublishing, moving or deleting a page, changing who may see it, or
saving the clinic settings or a site, moves the generation on and every older entry is simply never read again. The generation is read
once at the start of a request, so a page rendered during a publish is stored under the old number.

A shared cache in front (Varnish, a CDN) keeps anonymous HTML for `SHARED_CACHE_SECONDS`
(`s-maxage`) and is purged on the same events, once they commit, through Wagtail's own
`wagtail.contrib.frontend_cache` (WAGTAILFRONTENDCACHE, set from FRONTEND_CACHE_URL): one purge
of each site's root, which deploy/varnish/nbsite.vcl turns into a ban of that whole host, since
the menu and the clinic settings appear on every page.
"""

import contextvars

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_cache_control

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

GENERATION_KEY = "nbsite:page-cache-generation"
# Bumped whenever what a stored copy carries changes, so copies stored by the previous release
# are never read (v2: whether the view chose its own Cache-Control).
FORMAT = "pages.v2"
_prefix = contextvars.ContextVar("page_cache_prefix", default=f"{FORMAT}.0")


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_generation():
    return page_cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def purge_page_cache(**kwargs):
    """Make every cached page stale (connected to the publishing signals in HomeConfig.ready).

    Once now, and once more when the transaction commits: a page rendered between the two from
    not-yet-committed data must not outlive the commit. The front is purged after the commit too,
    and after the generation moved, so what it fetches next is the committed content.
    """
    _bump_generation()
    transaction.on_commit(_bump_generation_and_purge_front)


def _bump_generation_and_purge_front():
    _bump_generation()
    purge_front_cache()


def purge_front_cache():
    """Every site's root to the front caches in WAGTAILFRONTENDCACHE (none: nothing is sent)."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache([site.root_url + "/" for site in Site.objects.all()])


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
        _prefix.set(f"{FORMAT}.{current_generation()}")
        response = super().process_request(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
        return response


class UpdatePageCacheMiddleware(_GenerationPrefixMixin, UpdateCacheMiddleware):
    def process_response(self, request, response):
        # Whether the view chose its own Cache-Control (private, no-store, …), decided before
        # Django's middleware adds max-age, and kept with the stored copy for its hits.
        own = getattr(response, "_view_cache_control", None)
        if own is None:
            own = response._view_cache_control = response.has_header("Cache-Control")
        response = super().process_response(request, response)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # An editor's page (userbar, drafts in previews) is theirs alone, whatever it says.
            patch_cache_control(response, private=True)
        elif (
            not own
            and is_cacheable(request)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            # Browsers revalidate every time (ETag makes that cheap); the server and the shared
            # cache in front keep copies, both purged on publish, so it shows on the next request.
            del response["Expires"]
            response.headers.pop("Cache-Control", None)
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.SHARED_CACHE_SECONDS,
            )
        return response
