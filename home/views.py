from django.views.generic import TemplateView


class RobotsView(TemplateView):
    """robots.txt: every crawler (Naver's Yeti and Googlebot named) may read the public site."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
