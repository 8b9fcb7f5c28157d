from django import template

from home.navigation import get_breadcrumbs, get_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    return get_menu(context["request"])


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    return get_breadcrumbs(context["request"], page)


@register.filter
def is_within(page, section):
    """True when the page is the section itself or lies below it in the tree."""
    return bool(page) and page.path.startswith(section.path)
