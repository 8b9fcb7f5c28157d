from django import template

from wagtail.models import Site

from home import seo
from home.models import ClinicSettings
from home.navigation import get_breadcrumbs

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    request = context["request"]
    clinic = ClinicSettings.for_request(request)
    items = [seo.clinic_data(clinic, request)]
    site = Site.find_for_request(request)
    if page is not None and site is not None and page.depth > site.root_page.depth:
        crumbs = get_breadcrumbs(request, page)
        items.append(seo.breadcrumb_data(crumbs, page, request))
    page_items = getattr(page, "structured_data", None)
    if callable(page_items):
        items.extend(page_items(request, context))
    return seo.script_tags(items)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's address on the Site record's host: the same URL the sitemap lists."""
    request = context["request"]
    return seo.absolute(request, page.get_url(request))


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """A path on the site's public address (OpenGraph pictures, robots.txt's sitemap line)."""
    return seo.absolute(context["request"], path)


@register.filter
def meta_description(page):
    return seo.meta_description(page)
