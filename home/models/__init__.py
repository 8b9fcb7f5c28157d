"""Home's models, one module per concern; import them from here."""

from .clinic import ClinicSettings, Doctor
from .images import ClinicImage, ClinicRendition
from .pages import (
    ChildCardsMixin,
    ClinicPage,
    ContentPage,
    DirectionsPage,
    DoctorIndexPage,
    HomePage,
    HoursPage,
    NoticeIndexPage,
    NoticePage,
    SitePage,
    with_card_images,
)
from .seed import SeedRecord

__all__ = [
    "ChildCardsMixin",
    "ClinicImage",
    "ClinicPage",
    "ClinicRendition",
    "ClinicSettings",
    "ContentPage",
    "DirectionsPage",
    "Doctor",
    "DoctorIndexPage",
    "HomePage",
    "HoursPage",
    "NoticeIndexPage",
    "NoticePage",
    "SeedRecord",
    "SitePage",
    "with_card_images",
]
