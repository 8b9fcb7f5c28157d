import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.images import generated_image
from home.models import ClinicPage, ClinicSettings, HomePage, SeedRecord

CONTENT_FILE = Path(__file__).resolve().parents[2] / "content" / "clinic.json"


ROOT_PAGE_TITLE = "최상위"
ROOT_COLLECTION_NAME = "기본 모음"


class Command(BaseCommand):
    help = (
        "청담엔비의원의 메뉴와 기본 콘텐츠를 불러옵니다. 없는 페이지만 만들고, "
        "이미 있는 페이지(편집자가 고쳤거나 지운 페이지 포함)는 건드리지 않습니다."
    )

    def handle(self, *args, **options):
        data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
        self.created = 0
        self.home_created = False
        self.precautions = data.get("treatment_precautions", "")
        with transaction.atomic():
            self.ensure_tree_root()
            home = self.ensure_home(data["home"])
            for entry in data["pages"]:
                self.ensure_page(home, entry, key=entry["slug"], section=True)
            self.fill_clinic_settings(data.get("clinic", {}))
            if self.home_created:
                self.feature_treatments(home, data["home"].get("featured", []))
        if options["verbosity"]:
            self.stdout.write(f"기본 콘텐츠: 새로 만든 페이지 {self.created}개")

    def ensure_tree_root(self):
        """Wagtail's migrations make the locale and the roots of pages and collections; a flushed database lacks them."""
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        Locale.objects.get_or_create(language_code=language)
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title=ROOT_PAGE_TITLE, slug="root", live=True))
        if (
            Collection.get_first_root_node() is None
        ):  # generated pictures live in the root collection
            Collection.add_root(name=ROOT_COLLECTION_NAME)
        # The admin shows both roots by name (breadcrumbs, collection choosers); Wagtail's
        # migrations name them "Root".
        Page.objects.filter(depth=1, title="Root").update(
            title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
        )
        Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)

    def ensure_home(self, entry):
        record = SeedRecord.objects.filter(key="home").select_related("page").first()
        if record and record.page:
            return record.page.specific
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site and self.is_welcome_page(site.root_page) else None
        if welcome is not None:
            welcome.slug = "wagtail-welcome"
            welcome.save(update_fields=["slug", "url_path"])
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=self.with_unique_slug(HomePage.from_seed(entry), root))
            home.save_revision().publish()
            self.created += 1
            self.home_created = True
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = entry["title"]
            site.save()
        if welcome is not None:
            welcome.delete()
        SeedRecord.objects.update_or_create(key="home", defaults={"page": home})
        return home

    def is_welcome_page(self, page):
        """Wagtail's install makes a bare placeholder page; it has no place in the clinic's tree."""
        return page.specific_class is Page and page.depth == 2 and not page.get_children().exists()

    def with_unique_slug(self, page, parent):
        if parent.get_children().filter(slug=page.slug).exists():
            page.slug = f"{page.slug}-{parent.get_children().count() + 1}"
        return page

    def ensure_page(self, parent, entry, key, section=False):
        record = SeedRecord.objects.filter(key=key).select_related("page").first()
        if record and record.page is None:
            return  # an editor deleted it: respect that
        wants_image = section or entry["type"] == "treatments.TreatmentPage"
        if record:
            page = record.page.specific
            self.backfill(page, key, wants_image)
        else:
            model = apps.get_model(entry["type"])
            page = self.with_unique_slug(self.from_seed(model, entry), parent)
            if wants_image and issubclass(model, ClinicPage):
                page.image = self.make_image(page, key)
            page = parent.add_child(instance=page)
            page.save_revision().publish()
            SeedRecord.objects.create(key=key, page=page)
            self.created += 1
            if entry.get("clinic_setting"):
                self.link_setting(entry["clinic_setting"], page)
        for child in entry.get("children", []):
            self.ensure_page(page, child, key=f"{key}/{child['slug']}")

    def from_seed(self, model, entry):
        page = model.from_seed(entry)
        if hasattr(page, "precautions") and not page.precautions:
            page.precautions = self.precautions  # every live treatment states its side effects
        return page

    def make_image(self, page, key):
        """A generated picture for a seeded page; remembered so an editor's removal is respected."""
        SeedRecord.objects.get_or_create(key=f"image:{key}")
        return generated_image(key, title=page.title, alt=f"{page.title} 대표 이미지")

    def backfill(self, page, key, wants_image):
        """Pages loaded before pictures and precautions existed get them, in one published revision.

        A page with an editor's draft in progress is left alone, and so is a picture an editor removed.
        """
        if page.has_unpublished_changes:
            return
        changed = False
        if (
            wants_image
            and isinstance(page, ClinicPage)
            and not page.image_id
            and not SeedRecord.objects.filter(key=f"image:{key}").exists()
        ):
            page.image = self.make_image(page, key)
            changed = True
        if hasattr(page, "precautions") and not page.precautions:
            page.precautions = self.precautions
            changed = True
        if changed:
            page.save_revision().publish()

    def fill_clinic_settings(self, values):
        """Shipped clinic details fill only fields still blank; the settings screen is the truth."""
        for site in Site.objects.all():
            clinic = ClinicSettings.for_site(site)
            blank = {name: value for name, value in values.items() if not getattr(clinic, name)}
            if blank:
                for name, value in blank.items():
                    setattr(clinic, name, value)
                clinic.save()

    def feature_treatments(self, home, keys):
        """A first choice of featured treatments for a new site; editors change it in the admin."""
        records = {
            r.key: r.page
            for r in SeedRecord.objects.filter(key__in=keys, page__isnull=False).select_related(
                "page"
            )
        }
        home.featured = [("treatment", records[key]) for key in keys if key in records]
        home.save_revision().publish()

    def link_setting(self, field, page):
        """Point a page field of the clinic settings (privacy policy, fees, directions) at a new page."""
        for site in Site.objects.all():
            clinic = ClinicSettings.for_site(site)
            if getattr(clinic, f"{field}_id") is None:
                setattr(clinic, field, page)
                clinic.save()
