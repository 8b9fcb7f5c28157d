"""Small presentation helpers for the public templates: particles, card tiles, section navigation."""

import re

from django import template

from home.navigation import get_menu
from home.text import with_particle

register = template.Library()

TILE_TONES = 6


@register.filter
def josa(word, pair):
    """`{{ page.title|josa:"이/가" }}`: the word with the particle that fits its last sound."""
    return with_particle(str(word), pair)


@register.filter
def tone(page):
    """One of the palette tones a card tile is drawn in, the same for a page every time."""
    return f"tone-{(page.pk or 0) % TILE_TONES + 1}"


@register.filter
def latin_name(page):
    """The first Latin name among a treatment's 다른 이름 (Ulthera, 울세라 → Ulthera)."""
    for name in getattr(page, "alternative_names", "").split(","):
        name = name.strip()
        if name and re.fullmatch(r"[A-Za-z0-9 .&+'-]+", name):
            return name
    return ""


@register.filter
def has_photo(page):
    """The page has a picture that is a real photograph (not one home.images drew)."""
    image = getattr(page, "image", None)
    return image is not None and not image.is_generated


@register.simple_tag(takes_context=True)
def section_of(context, page):
    """The menu section (with its pages) the page belongs to, from the cached menu; or None."""
    if page is None:
        return None
    for section in get_menu(context["request"]):
        if page.path.startswith(section.page.path):
            return section
    return None
