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
