"""Builders for test data (plain functions: factory_boy is not installed in this project yet)."""

import datetime

from django.contrib.auth.models import Group, User

from wagtail.models import Site

from home.images import generated_image
from home.models import ClinicSettings, Doctor


def marketing_user(username="marketer"):
    """A staff member in the 마케팅 group the migration creates, with nothing else granted."""
    user = User.objects.create_user(username=username, password="pw", is_staff=False)
    user.groups.add(Group.objects.get(name="마케팅"))
    return user


def clinic_settings():
    return ClinicSettings.for_site(Site.objects.get(is_default_site=True))


def day(weekday, opens="10:00", closes="19:00", lunch=("13:00", "14:00"), closed=False):
    """One block value for ClinicSettings.hours."""

    def parse(text):
        return datetime.time.fromisoformat(text) if text else None

    return (
        "day",
        {
            "weekday": str(weekday),
            "closed": closed,
            "opens": None if closed else parse(opens),
            "closes": None if closed else parse(closes),
            "lunch_starts": parse(lunch[0]) if lunch and not closed else None,
            "lunch_ends": parse(lunch[1]) if lunch and not closed else None,
            "note": "",
        },
    )


def weekday_hours():
    """Mon–Fri 10:00–19:00 with lunch 13:00–14:00, Sat 10:00–15:00 without lunch, Sun closed."""
    return [day(n) for n in range(5)] + [day(5, closes="15:00", lunch=None), day(6, closed=True)]


def doctor(name="김엔비", role="대표원장", with_photo=False, **fields):
    photo = (
        generated_image(f"doctor:{name}", title=name, alt=f"{name} {role} 사진")
        if with_photo
        else None
    )
    return Doctor.objects.create(name=name, role=role, photo=photo, **fields)


CLINIC_FORM_FIELDS = [
    "name",
    "phone",
    "address",
    "latitude",
    "longitude",
    "representative",
    "business_number",
    "medical_subjects",
    "privacy_officer",
    "privacy_officer_contact",
    "holiday_note",
    "naver_site_verification",
    "google_site_verification",
    "kakao_channel_url",
    "naver_reservation_url",
    "naver_map_url",
    "kakao_map_url",
    "instagram_url",
    "blog_url",
    "menu_pages_per_section",
]
CLINIC_PAGE_FIELDS = ["privacy_policy_page", "fees_page", "directions_page"]


def post_clinic_settings(client, hours=None, **values):
    """What 설정 › 병원 정보 posts when an editor changes `values` (and the hours) and saves."""
    from django.urls import reverse

    from wagtail.test.utils.form_data import nested_form_data, streamfield

    clinic = clinic_settings()
    data = {name: getattr(clinic, name) for name in CLINIC_FORM_FIELDS}
    data = {name: "" if value is None else str(value) for name, value in data.items()}
    data.update({name: str(getattr(clinic, f"{name}_id") or "") for name in CLINIC_PAGE_FIELDS})
    data.update(values)

    def form_value(value):
        form = {}
        for key, item in value.items():
            if isinstance(item, datetime.time):
                form[key] = item.strftime("%H:%M")
            elif item is None:
                form[key] = ""
            elif isinstance(item, bool):
                if item:
                    form[key] = "on"  # an unticked checkbox is not posted
            else:
                form[key] = item
        return form

    days = hours if hours is not None else [("day", dict(b.value)) for b in clinic.hours]
    form = nested_form_data(
        {**data, "hours": streamfield([(kind, form_value(value)) for kind, value in days])}
    )
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk])
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def photograph(seed, title, alt):
    """A library image standing for an editor's upload (a photograph, not a drawn seed picture)."""
    import hashlib
    from io import BytesIO

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from home.images import draw_picture

    picture, _ = draw_picture(seed)
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    image = get_image_model()(
        title=title,
        description=alt,
        file=ImageFile(buffer, name=f"photo-{hashlib.sha1(seed.encode()).hexdigest()[:10]}.jpg"),
    )
    image.save()
    return image


def give_photo(page, alt=None):
    """Replace a page's drawn picture with a photograph and publish it, as an editor would."""
    page = page.specific
    page.image = photograph(page.url_path, page.title, alt or f"{page.title} 사진")
    page.save_revision().publish()
    return page


def many_treatments(count, prefix="bench"):
    """`count` more live treatments, dealt in turn to the treatment sections under the home page,
    each ticked for the menu as editors leave new pages: the site grown to a large clinic's size.
    """
    from home.models import HomePage
    from treatments.models import TreatmentCategoryPage, TreatmentPage

    sections = list(TreatmentCategoryPage.objects.child_of(HomePage.objects.get()).order_by("path"))
    for number in range(count):
        sections[number % len(sections)].add_child(
            instance=TreatmentPage(
                title=f"추가 시술 {number + 1}",
                slug=f"{prefix}-{number + 1}",
                summary=f"추가 시술 {number + 1}의 요약입니다.",
                precautions="<p>시술 부위가 붉어질 수 있습니다.</p>",
                show_in_menus=True,
            )
        )


def running_event(slug="opening-event"):
    """/events/ with one event running from today for a month (the clinic ships no events)."""
    from django.utils import timezone

    from events.models import EventIndexPage, EventItem, EventPage
    from home.models import HomePage

    index = EventIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(
            instance=EventIndexPage(title="이벤트", slug="events", show_in_menus=True)
        )
    today = timezone.localdate()
    return index.add_child(
        instance=EventPage(
            title="오픈 기념 이벤트",
            slug=slug,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=30),
            items=[
                EventItem(
                    name="울쎄라 300샷",
                    regular_price=1_000_000,
                    event_price=800_000,
                    conditions="첫 방문 고객",
                )
            ],
        )
    )
