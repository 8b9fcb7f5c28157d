import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Trim the visitor's query to something the search backend can always handle."""
    query = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


def backend_terms(query):
    """Words only: punctuation and upper-case operators (OR, NEAR …) mean something to FTS engines."""
    return " ".join(re.sub(r"[^\w\s]", " ", query).lower().split())


def search(request):
    query = clean_query(request.GET.get("q"))
    terms = backend_terms(query)
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().specific().search(terms)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
