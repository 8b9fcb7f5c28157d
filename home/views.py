from django.templatetags.static import static
from django.views.generic import RedirectView, TemplateView


class RobotsView(TemplateView):
    """robots.txt: every crawler (Naver's Yeti and Googlebot named) may read the public site."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed SVG icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.svg")
