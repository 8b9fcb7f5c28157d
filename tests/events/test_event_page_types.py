from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from home.models import HomePage


class EventPageTypeRulesTests(WagtailPageTestCase):
    """이벤트 lives once under the home page and holds only events."""

    def test_event_index_is_a_single_page_under_home(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertEqual(EventIndexPage.max_count, 1)

    def test_events_live_only_under_the_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
