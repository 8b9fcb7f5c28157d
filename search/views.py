import datetime
import re

from django.apps import apps
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from home.text import html_to_text

from .analysis import highlight_spans, query_terms

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
SNIPPET_LENGTH = 140
SECTION_DEPTH = 3  # root (1) › home (2) › the menu's sections (3)
POPULAR_TREATMENTS = 6


def clean_query(raw):
    """Trim the visitor's query to something the search backend can always handle."""
    query = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def backend_terms(query):
    """Words only: punctuation and upper-case operators (OR, NEAR …) mean something to FTS engines."""
    return " ".join(re.sub(r"[^\w\s]", " ", query).lower().split())


def search_pages(terms):
    """Every live, public page matching the words, best first (the Korean backend ranks them)."""
    return Page.objects.live().public().specific().search(terms)


def title_matches(terms):
    """Pages whose title or alternative names match, best first: quick enough to run per keystroke."""
    return Page.objects.live().public().search(terms, fields=["title"])


def promotions_for(query):
    """Pages marketing pinned for this query (Wagtail's search promotions), live ones only."""
    return [
        promotion
        for promotion in query.editors_picks.select_related("page")
        if promotion.page_id is None or promotion.page.live
    ]


def section_titles(pages):
    """{page pk: the title of the menu section it belongs to}, in one query."""
    prefixes = {
        page.pk: page.path[: Page.steplen * SECTION_DEPTH]
        for page in pages
        if page.depth > SECTION_DEPTH
    }
    titles = dict(Page.objects.filter(path__in=set(prefixes.values())).values_list("path", "title"))
    return {pk: titles.get(prefix, "") for pk, prefix in prefixes.items()}


def page_text(page):
    """The visitor-readable text a snippet is cut from: the summary, then the body's text."""
    parts = [getattr(page, "summary", "") or ""]
    for name in ("intro", "body"):
        value = getattr(page, name, None)
        if value is None:
            continue
        if hasattr(value, "stream_block"):
            parts.extend(str(text) for text in value.stream_block.get_searchable_content(value))
        else:
            parts.append(str(value))
    return " ".join(html_to_text(" ".join(parts)).split())


def snippet(text, terms, length=SNIPPET_LENGTH):
    """A window of the text around the first matched word, with matches in <mark>."""
    spans = highlight_spans(text, terms)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = spans[0][0] - length // 3
    end = min(len(text), start + length)
    html, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        html.append(escape(text[cursor:span_start]))
        html.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    html.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(html) + suffix)


def popular_treatments():
    """Treatments to offer when nothing matched: those visitors searched most, then the menu's first."""
    key = "search:popular-treatments"
    pks = cache.get(key)
    if pks is None:
        pks = []
        since = timezone.localdate() - datetime.timedelta(days=30)
        for query in Query.get_most_popular(date_since=since)[:10]:
            terms = backend_terms(query.query_string)
            if not terms:
                continue
            for page in search_pages(terms)[:1]:
                if (
                    page.specific_class is apps.get_model("treatments", "TreatmentPage")
                    and page.pk not in pks
                ):
                    pks.append(page.pk)
        fallback = (
            Page.objects.live()
            .public()
            .in_menu()
            .type(apps.get_model("treatments", "TreatmentPage"))
            .exclude(pk__in=pks)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        pks += list(fallback[: max(0, POPULAR_TREATMENTS - len(pks))])
        cache.set(key, pks, 600)
    pages = {p.pk: p for p in Page.objects.live().public().filter(pk__in=pks)}
    return [pages[pk] for pk in pks if pk in pages][:POPULAR_TREATMENTS]


@require_GET
def search(request):
    query = clean_query(request.GET.get("q"))
    terms = backend_terms(query)
    results = Page.objects.none()
    promotions = []
    if terms:
        results = search_pages(terms)
        logged_query = Query.get(terms)
        promotions = promotions_for(logged_query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    highlight_terms = query_terms(terms)
    sections = section_titles(page.object_list)
    items = [
        {
            "page": result,
            "section": sections.get(result.pk, ""),
            "snippet": snippet(page_text(result), highlight_terms),
        }
        for result in page.object_list
    ]
    if terms and page.number == 1:
        # Counted for the 인기 검색어 report (wagtail.contrib.search_promotions).
        logged_query.add_hit()
    context = {
        "search_query": query,
        "search_results": page,
        "results": items,
        "promotions": promotions,
        "popular_treatments": popular_treatments() if terms and not items else [],
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggest(request):
    """As-you-type suggestions for the header's combobox: up to 8 pages, as JSON."""
    terms = backend_terms(clean_query(request.GET.get("q")))
    # Not cached: a page unpublished a moment ago must not be offered (p95 is well under 30 ms).
    suggestions = find_suggestions(terms) if terms else []
    return JsonResponse({"query": terms, "suggestions": suggestions})


def find_suggestions(terms):
    # A title that starts with or contains what was typed comes first (a single syllable
    # such as "울" is too short for the index), then the ranked search results.
    live = Page.objects.live().public().filter(depth__gt=2)
    by_title = list(live.filter(title__icontains=terms).order_by("path")[: SUGGESTIONS * 2])
    by_title.sort(key=lambda p: (not p.title.lower().startswith(terms), len(p.title)))
    pages = by_title[:SUGGESTIONS]
    if len(pages) < SUGGESTIONS:
        seen = {p.pk for p in pages}
        pages += [p for p in title_matches(terms)[:SUGGESTIONS] if p.pk not in seen]
    pages = pages[:SUGGESTIONS]
    sections = section_titles(pages)
    return [{"title": p.title, "url": p.url, "section": sections.get(p.pk, "")} for p in pages]
