from django.contrib.syndication.views import Feed
from django.utils import timezone

from wagtail.models import Site

from .models import ClinicSettings, NoticeIndexPage, NoticePage


class NoticeFeed(Feed):
    """RSS of 공지사항, newest first, for Naver and feed readers."""

    description = "청담엔비의원 공지사항"

    def get_object(self, request):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        return f"{ClinicSettings.for_request(self.request).name} 공지사항"

    def link(self, site):
        index = NoticeIndexPage.objects.live().first()
        return index.get_url(self.request) if index else "/"

    def items(self, site):
        return NoticePage.objects.live().public().order_by("-published_on", "-pk")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.published_on, timezone.datetime.min.time())
        )
