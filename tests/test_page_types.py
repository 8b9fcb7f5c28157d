from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from home.models import ContentPage, HomePage, NoticeIndexPage, NoticePage
from policies.models import PolicyPage
from treatments.models import TreatmentCategoryPage, TreatmentPage


class PageTypeRulesTests(WagtailPageTestCase):
    """The admin only offers page types where the templates expect them."""

    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {ContentPage, NoticeIndexPage, TreatmentCategoryPage, PolicyPage, EventIndexPage},
        )

    def test_categories_nest_and_hold_treatments(self):
        self.assertAllowedParentPageTypes(TreatmentCategoryPage, {HomePage, TreatmentCategoryPage})
        self.assertAllowedSubpageTypes(
            TreatmentCategoryPage, {TreatmentCategoryPage, TreatmentPage, ContentPage}
        )

    def test_treatments_live_only_in_categories_and_have_no_children(self):
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentCategoryPage})
        self.assertAllowedSubpageTypes(TreatmentPage, set())

    def test_policies_live_under_home_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(PolicyPage, {HomePage})
        self.assertAllowedSubpageTypes(PolicyPage, set())
        self.assertCanNotCreateAt(PolicyPage, TreatmentPage)
        self.assertCanNotCreateAt(TreatmentPage, PolicyPage)

    def test_content_pages(self):
        self.assertAllowedParentPageTypes(
            ContentPage, {HomePage, ContentPage, TreatmentCategoryPage}
        )
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_notices_live_in_the_single_notice_index(self):
        self.assertAllowedParentPageTypes(NoticeIndexPage, {HomePage})
        self.assertEqual(NoticeIndexPage.max_count, 1)
        self.assertAllowedParentPageTypes(NoticePage, {NoticeIndexPage})
        self.assertAllowedSubpageTypes(NoticePage, set())
