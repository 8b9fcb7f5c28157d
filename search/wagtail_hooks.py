from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym

PROMOTION_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


class SearchSynonymViewSet(SnippetViewSet):
    """Marketing's synonym list for site search."""

    model = SearchSynonym
    icon = "search"
    menu_label = "검색 동의어"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["words", "note"]
    search_fields = ["words", "note"]


register_snippet(SearchSynonymViewSet)


class PopularSearchTermsView(SearchTermsReportView):
    """Wagtail's search-terms report, open to staff who manage search promotions (marketing),
    not only to superusers."""

    page_title = "인기 검색어"
    index_url_name = "search_popular_terms"
    index_results_url_name = "search_popular_terms_results"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PROMOTION_PERMISSION):
            return permission_denied(request)
        return ReportView.dispatch(self, request, *args, **kwargs)


class PopularSearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PROMOTION_PERMISSION)


@hooks.register("register_admin_urls")
def register_popular_search_terms_urls():
    return [
        path(
            "search/popular-terms/", PopularSearchTermsView.as_view(), name="search_popular_terms"
        ),
        path(
            "search/popular-terms/results/",
            PopularSearchTermsView.as_view(results_only=True),
            name="search_popular_terms_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_popular_search_terms_menu_item():
    return PopularSearchTermsMenuItem(
        "인기 검색어",
        reverse("search_popular_terms"),
        name="popular-search-terms",
        icon_name="search",
        order=1310,
    )
