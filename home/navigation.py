"""The site's menu, read from the page tree in one query per request."""

from functools import cache

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf

from wagtail.models import Page, Site, get_page_models

from .cache import current_generation, page_cache


@cache
def clinic_page_lookups(field):
    """`<model>__<field>` for every page type that has the field (those of home.ClinicPage)."""
    lookups = []
    for model in get_page_models():
        fields = {f.name for f in model._meta.concrete_fields}
        if field in fields and model._meta.get_parent_list() == [Page]:
            lookups.append(f"{model._meta.model_name}__{field}")
    return lookups


def menu_label():
    """The page's menu label where it has one, else its title, read in the menu's single query."""
    labels = [NullIf(F(lookup), Value("")) for lookup in clinic_page_lookups("menu_label")]
    return Coalesce(*labels, F("title"))


def card_image_id():
    """The page's picture id where its type has one, read in the same query (home page cards)."""
    return Coalesce(*[F(lookup) for lookup in clinic_page_lookups("image")], Value(None))


class MenuItem:
    def __init__(self, page, url):
        self.page = page
        self.url = url
        self.title = getattr(page, "menu_title", page.title)
        self.image_id = getattr(page, "card_image_id", None)
        self.image = None
        self.children = []


def get_menu(request):
    """Sections under the site's home page and their pages, in tree order, only those in menus.

    One descendants query for the whole menu, whatever its size; the result is kept on the
    request so header, footer and home page share it, and in the cache (when the page cache is
    on) until the next publish, move or unpublish.
    """
    cached = getattr(request, "_nbsite_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return []
    key = menu_cache_key(site)
    sections = page_cache().get(key) if key else None
    if sections is None:
        sections = build_menu(site, request)
        if key:
            page_cache().set(key, sections, settings.CACHE_MIDDLEWARE_SECONDS)
    request._nbsite_menu = sections
    return sections


def menu_cache_key(site):
    """Per site and per content generation: publishing anything makes a new key (home.cache)."""
    if not settings.PAGE_CACHE_ENABLED:
        return None
    return f"nbsite:menu:{site.pk}:{current_generation()}"


def build_menu(site, request):
    root = site.root_page
    pages = (
        Page.objects.descendant_of(root)
        .filter(depth__lte=root.depth + 2)
        .live()
        .public()
        .in_menu()
        .order_by("path")
        .only("id", "path", "depth", "title", "url_path", "slug", "draft_title", "live")
        .annotate(menu_title=menu_label(), card_image_id=card_image_id())
    )
    sections = []
    by_path = {}
    for page in pages:
        item = MenuItem(page, page.get_url(request))
        if page.depth == root.depth + 1:
            sections.append(item)
            by_path[page.path] = item
        else:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:  # a page whose section is hidden stays hidden
                parent.children.append(item)
    return sections


def get_breadcrumbs(request, page):
    """(ancestor, url) pairs from the site's home page down to the page's parent, in one query.

    Kept on the request: the visible breadcrumbs and the BreadcrumbList JSON-LD share it.
    """
    cache = request.__dict__.setdefault("_nbsite_breadcrumbs", {})
    if page.pk not in cache:
        site = Site.find_for_request(request)
        if site is None:
            cache[page.pk] = []
        else:
            ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth)
            cache[page.pk] = [(ancestor, ancestor.get_url(request)) for ancestor in ancestors]
    return cache[page.pk]
