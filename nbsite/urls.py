from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import routing
from home.feeds import NoticeFeed
from home.views import FaviconView, RobotsView
from search import views as search_views

# Static pages that need neither the database nor the cache (503 when the database is down).
handler500 = "security.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("consultation/", include("consultations.urls")),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("sitemap.xml", sitemap),
    path("robots.txt", RobotsView.as_view()),
    path("favicon.ico", FaviconView.as_view()),
    path("notices/rss.xml", NoticeFeed(), name="notice_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving with the site and route kept in the cache (home.routing), under
# Wagtail's own name; the rest of wagtail.urls (password and login views) after it.
urlpatterns += [
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
