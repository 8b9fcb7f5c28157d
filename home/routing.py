"""Wagtail's page serving, with the request's site and the page a path leads to kept in the cache.

Finding them costs Wagtail a query for the site and one per path segment, and checking view
restrictions two more, on every render. While the page cache is on, both are kept per cache
generation (home.cache): publishing, unpublishing, moving or deleting a page and changing a
site or a view restriction move it on, so a kept route never outlives the tree it was read from.
A kept route still loads its page (one query) and lets the page route the rest of the path.
"""

from django.apps import apps
from django.conf import settings
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import current_generation, page_cache


def serve(request, path):
    if settings.PAGE_CACHE_ENABLED:
        use_cached_route(request, path)
    return wagtail_views.serve(request, path)


def route_key(request, path):
    hostname = split_domain_port(request._get_raw_host())[0]  # as Site.find_for_request reads it
    return f"nbsite:route:{current_generation()}:{hostname}:{request.get_port()}:{path}"


def use_cached_route(request, path):
    """Hand Wagtail the site and route from the cache, through the attributes it keeps them in
    on the request (Site.find_for_request, Page.route_for_request); or find and keep them."""
    key = route_key(request, path)
    kept = page_cache().get(key)
    components = [component for component in path.split("/") if component]
    if kept is not None:
        site, label, pk, depth, unrestricted = kept
        page = apps.get_model(label).objects.filter(pk=pk).first()
        if page is not None:
            request._wagtail_site = site
            page._nbsite_unrestricted = unrestricted
            request._wagtail_route_for_request = page.route(request, components[depth:])
            return
    route = Page.route_for_request(request, path)
    site = Site.find_for_request(request)
    if route is None or site is None:
        return
    page = route[0]
    own = page.url_path[len(site.root_page.url_path) :].strip("/")
    own = own.split("/") if own else []
    if components[: len(own)] != own:
        return  # a route not by the tree (another site's page?): left to Wagtail every time
    depth = len(own)
    unrestricted = not page.get_view_restrictions().exists()
    kept = (site, page._meta.label_lower, page.pk, depth, unrestricted)
    page_cache().set(key, kept, settings.CACHE_MIDDLEWARE_SECONDS)
