from django import template
from wagtail.models import Site

from home.navigation import get_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    return get_menu(context["request"])


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the site's home page down, in one query."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth)
    return [(ancestor, ancestor.get_url(request)) for ancestor in ancestors]


@register.filter
def is_within(page, section):
    """True when the page is the section itself or lies below it in the tree."""
    return bool(page) and page.path.startswith(section.path)
