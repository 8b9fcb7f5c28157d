"""The site's menu, read from the page tree in two small queries, and kept per cache generation."""

from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Length, NullIf, RowNumber, Substr

from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from .cache import current_generation, page_cache


def without_restricted(queryset):
    """Pages not under a view restriction, in the same query (Wagtail's public() first reads
    every restriction): a page is private when a restriction sits on it or on an ancestor."""
    restricted = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(prefix=F("page__path"))
    return queryset.exclude(Exists(restricted))


def public_pages(queryset):
    """live().public() in one query."""
    return without_restricted(queryset.live())


@cache
def models_with(field):
    """The page types that have `field` of their own (those of home.ClinicPage)."""
    return [
        model
        for model in get_page_models()
        if field in {f.name for f in model._meta.concrete_fields}
        and model._meta.get_parent_list() == [Page]
    ]


@cache
def own_field_sql(field):
    """CASE over the page's type, each branch a one-row subquery on that type's table. Written
    once per process as SQL: built from ORM expressions, compiling it cost ~25 ms per query."""
    quote = connection.ops.quote_name
    page = f"{quote(Page._meta.db_table)}.{quote('id')}"
    models = models_with(field)
    content_types = ContentType.objects.get_for_models(*models)
    branches = " ".join(
        f"WHEN {content_types[model].pk} THEN (SELECT {quote(model._meta.get_field(field).column)} "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = {page})"
        for model in models
    )
    return f"CASE {quote(Page._meta.db_table)}.{quote('content_type_id')} {branches} ELSE %s END"


def own_field(field, default=None):
    """A page type's own field (`default` for types without it), read in the page's query by a
    one-row subquery chosen by its type. Not one LEFT JOIN per page type: PostgreSQL estimated
    ten of those at ~10^15 rows and JIT-compiled the menu query for half a second per request."""
    model_field = models_with(field)[0]._meta.get_field(field)
    output = model_field.target_field if model_field.is_relation else model_field
    return RawSQL(own_field_sql(field), (default,), output_field=output)


def menu_label():
    """The page's menu label where it has one, else its title."""
    return Coalesce(NullIf(own_field("menu_label"), Value("")), F("title"))


class MenuItem:
    """A page in the menu: its title there, its address, and (sections) its pages."""

    def __init__(self, page, url):
        self.page = page
        self.url = url
        self.title = page.menu_title
        self.image_id = getattr(page, "card_image_id", None)
        self.image = None
        self.children = []
        self.more = False  # the section has more pages than the menu shows


def site_url(site, url_path):
    """A page's address on its site, from its url_path (no get_url, no query, per item)."""
    return "/" + url_path[len(site.root_page.url_path) :]


MENU_FIELDS = ("id", "path", "depth", "title", "url_path", "slug", "live", "content_type_id")


def build_menu(site, pages_per_section):
    """Sections under the site's home page, then up to `pages_per_section` of each section's
    pages: two queries whatever the size of the tree."""
    root = site.root_page
    sections = (
        public_pages(Page.objects.child_of(root))
        .in_menu()
        .order_by("path")
        .only(*MENU_FIELDS)
        .annotate(menu_title=menu_label(), card_image_id=own_field("image"))
    )
    items = [MenuItem(page, site_url(site, page.url_path)) for page in sections]
    if not items:
        return []
    by_path = {item.page.path: item for item in items}
    section_path = Substr("path", 1, root.depth * Page.steplen + Page.steplen)
    pages = (
        public_pages(Page.objects.filter(depth=root.depth + 2, path__startswith=root.path))
        .in_menu()
        .only(*MENU_FIELDS)
        .annotate(
            menu_title=menu_label(),
            position=Window(RowNumber(), partition_by=section_path, order_by="path"),
            siblings=Window(Count("id"), partition_by=section_path),
        )
        .filter(position__lte=pages_per_section)
        .order_by("path")
    )
    for page in pages:
        section = by_path.get(page.path[: -Page.steplen])
        if section is not None:  # a page whose section is hidden stays hidden
            section.children.append(MenuItem(page, site_url(site, page.url_path)))
            section.more = page.siblings > pages_per_section
    return items


def get_menu(request):
    """The menu of the request's site, kept on the request so header, footer, section navigation
    and home page share it, and in the cache (when the page cache is on) until the next publish,
    move, unpublish or settings save moves the generation (home.cache)."""
    cached = getattr(request, "_nbsite_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return []
    from .models import ClinicSettings

    limit = ClinicSettings.for_request(request).menu_pages_per_section
    key = f"nbsite:menu:{site.pk}:{current_generation()}" if settings.PAGE_CACHE_ENABLED else None
    sections = page_cache().get(key) if key else None
    if sections is None:
        sections = build_menu(site, limit)
        if key:
            page_cache().set(key, sections, settings.CACHE_MIDDLEWARE_SECONDS)
    request._nbsite_menu = sections
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
