"""Wagtail's HTTP purge backend with a time limit.

Wagtail's `HTTPBackend` opens the purge request without a timeout: a Varnish that takes the
connection and never answers would hold the editor's 게시 (the purge runs in their request) until
the app server kills it. Here the purge gives up after TIMEOUT seconds and is logged like
Wagtail's other purge failures; the page is published either way and the front serves the old
copy until its s-maxage runs out.
"""

from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import http


class HTTPBackend(http.HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", 2)
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        location = (self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment)
        request = http.PurgeRequest(
            url=urlunsplit(location),
            headers={"Host": parts.netloc, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            # The scheme is the configured LOCATION's (FRONTEND_CACHE_URL), never a visitor's.
            urlopen(request, timeout=self.timeout).close()
        except (URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            http.logger.error("Couldn't purge '%s' from HTTP cache: %s", url, reason)
