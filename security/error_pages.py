"""The 500 and 503 pages: plain files with the clinic's phone and hours, read without the database.

They are rendered from 병원 정보 whenever it is saved (and by `manage.py write_error_pages` at
deploy) into ERROR_PAGES_ROOT, so when the database is down the error view only reads a file;
nginx can serve the same files when Django itself is not answering. Until they are written, the
pages are rendered with the phone number shipped in home/content/clinic.json.
"""

import functools
import json
import os
import tempfile

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from home.hours import weekly_hours

KINDS = ("500", "503")


@functools.cache
def shipped_contact():
    """The clinic's name and phone as the repository ships them: no database, no cache."""
    path = settings.BASE_DIR / "home" / "content" / "clinic.json"
    clinic = json.loads(path.read_text(encoding="utf-8")).get("clinic", {})
    return {"name": settings.WAGTAIL_SITE_NAME, "phone": clinic.get("phone", ""), "days": []}


def contact_from(clinic):
    days = weekly_hours(clinic.hours)
    return {
        "name": clinic.name,
        "phone": clinic.phone,
        "days": days if any(not day.is_closed for day in days) else [],
        "holiday_note": clinic.holiday_note,
    }


def render_page(kind, contact):
    return render_to_string(f"{kind}.html", {"clinic": contact})


def page_path(kind):
    return settings.ERROR_PAGES_ROOT / f"{kind}.html"


def write_error_pages(clinic):
    """Render both pages from `clinic` (a ClinicSettings) and replace the files atomically."""
    root = settings.ERROR_PAGES_ROOT
    root.mkdir(parents=True, exist_ok=True)
    contact = contact_from(clinic)
    for kind in KINDS:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=root, suffix=".tmp", delete=False
        ) as handle:
            handle.write(render_page(kind, contact))
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, page_path(kind))
    return [page_path(kind) for kind in KINDS]


def error_page(kind):
    """The page's HTML: the written file, or else the shipped phone number."""
    try:
        return page_path(kind).read_text(encoding="utf-8")
    except OSError:
        return render_page(kind, shipped_contact())


def rewrite_on_settings_save(sender, instance, **kwargs):
    """병원 정보 saved: the default site's error pages follow once the change is committed."""
    if instance.site.is_default_site:
        transaction.on_commit(lambda: write_error_pages(instance))
