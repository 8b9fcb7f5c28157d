"""Structured data (schema.org JSON-LD) for search engines, built from the site's real data.

Every page gets the clinic (MedicalClinic) and, below the home page, its breadcrumbs. A page type
adds its own items by defining ``structured_data(request)`` (treatments, doctors, FAQ blocks).

Every absolute URL we print (canonical, OpenGraph, JSON-LD, robots.txt) starts with the Site
record's root URL, as Wagtail's sitemap does: the two always agree, whatever host a request used.
"""

import json

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.models import Site

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def site_root_url(request):
    """The site's public address from the Site record (설정 › 사이트), e.g. https://www.clinicnb.com."""
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute(request, url):
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url


def clinic_data(clinic, request):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": clinic.name,
        "url": absolute(request, "/"),
        "medicalSpecialty": "Dermatology",
    }
    if clinic.phone:
        data["telephone"] = clinic.phone
    if clinic.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": clinic.address,
            "addressLocality": "서울특별시",
            "addressCountry": "KR",
        }
    if clinic.has_geo():
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(clinic.latitude),
            "longitude": float(clinic.longitude),
        }
    hours = opening_hours_data(clinic.weekly_hours())
    if hours:
        data["openingHoursSpecification"] = hours
    links = [url for _, url in clinic.social_links()] if hasattr(clinic, "social_links") else []
    if links:
        data["sameAs"] = links
    return data


def opening_hours_data(days):
    """One OpeningHoursSpecification per open stretch: a lunch break splits the day in two."""
    specs = []
    for day in days:
        if day.is_closed:
            continue
        stretches = [(day.opens, day.closes)]
        if day.has_lunch and day.opens < day.lunch_starts < day.lunch_ends < day.closes:
            stretches = [(day.opens, day.lunch_starts), (day.lunch_ends, day.closes)]
        for opens, closes in stretches:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{DAY_NAMES[day.weekday]}",
                    "opens": opens.strftime("%H:%M"),
                    "closes": closes.strftime("%H:%M"),
                }
            )
    return specs


def breadcrumb_data(crumbs, page, request):
    """crumbs: (page, url) pairs from the site's home page down to the page's parent."""
    items = [*crumbs, (page, page.get_url(request))]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "홈" if position == 1 else crumb.title,
                "item": absolute(request, url),
            }
            for position, (crumb, url) in enumerate(items, start=1)
        ],
    }


def faq_data(pairs):
    """pairs: (question, answer text) for an FAQPage."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in pairs
        ],
    }


def physician_data(doctor, request):
    data = {"@context": "https://schema.org", "@type": "Physician", "name": doctor.name}
    if doctor.role:
        data["description"] = doctor.role
    if getattr(doctor, "specialties", ""):
        data["knowsAbout"] = [s.strip() for s in doctor.specialties.split(",") if s.strip()]
    data["worksFor"] = {"@type": "MedicalClinic", "url": absolute(request, "/")}
    return data


def procedure_data(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalProcedure",
        "name": page.title,
        "url": absolute(request, page.get_url(request)),
    }
    if page.summary:
        data["description"] = page.summary
    if getattr(page, "alternative_names", ""):
        data["alternateName"] = [n.strip() for n in page.alternative_names.split(",") if n.strip()]
    return data


def faq_pairs(stream):
    """(question, plain answer) from every FAQ block in a StreamField value."""
    pairs = []
    for block in stream:
        if block.block_type == "faq":
            for item in block.value["items"]:
                pairs.append((item["question"], " ".join(strip_tags(str(item["answer"])).split())))
    return pairs


def script_tags(items):
    """JSON-LD script elements; '<' is escaped so no text can close the script early."""
    blocks = []
    for item in items:
        text = json.dumps(item, ensure_ascii=False).replace("<", "\\u003c")
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    return mark_safe("\n".join(blocks))


def meta_description(page):
    text = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    return escape(" ".join(text.split())[:160])
