"""The site's menu, read from the page tree in one query per request."""

from wagtail.models import Page, Site


class MenuItem:
    def __init__(self, page, url):
        self.page = page
        self.url = url
        self.title = page.title
        self.children = []


def get_menu(request):
    """Sections under the site's home page and their pages, in tree order, only those in menus.

    One descendants query for the whole menu, whatever its size; the result is kept on the
    request so header, footer and home page share it.
    """
    cached = getattr(request, "_nbsite_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    pages = (
        Page.objects.descendant_of(root)
        .filter(depth__lte=root.depth + 2)
        .live()
        .public()
        .in_menu()
        .order_by("path")
        .only("id", "path", "depth", "title", "url_path", "slug", "draft_title", "live")
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
    request._nbsite_menu = sections
    return sections
