"""Renditions are drawn when an image is uploaded (or by the scheduler), never in a visitor's
request; the pixel cap refuses an image bomb at upload."""

import json
from io import BytesIO, StringIO

import pytest
from PIL import Image

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from wagtail.utils.file import hash_filelike

from home.images import images_missing_renditions, template_renditions
from home.models import ClinicImage, ContentPage, Doctor, HomePage
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db


def png(width, height):
    picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = f"photo-{width}x{height}.png"
    return buffer


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("it", "it@example.com", "x"))
    return client


def upload(client, file, title="새 시술 사진"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "description": f"{title} 설명", "file": file},
    )


def test_an_upload_gets_every_template_rendition_before_anyone_asks(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(editor_client, png(2400, 1600)).status_code == 302
    image = ClinicImage.objects.get(title="새 시술 사진")
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(template_renditions())


def test_visitors_requests_draw_no_rendition(
    editor_client, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        upload(editor_client, png(2400, 1600))
    image = ClinicImage.objects.get(title="새 시술 사진")
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    home = HomePage.objects.get()
    about = ContentPage.objects.get(slug="philosophy")
    for page, fields in (
        (ulthera, {"image": image}),
        (home, {"image": image}),
        (
            about,
            {
                "body": json.dumps(
                    [
                        {
                            "type": "image",
                            "value": {
                                "image": {"image": image.pk, "alt_text": "", "decorative": False},
                                "caption": "",
                            },
                        }
                    ]
                )
            },
        ),
    ):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    Doctor.objects.create(name="김엔비", role="대표원장", photo=image)
    editor_client.logout()

    before = set(image.renditions.values_list("pk", flat=True))
    for url in (
        ulthera.url,
        "/",
        about.url,
        TreatmentCategoryPage.objects.get(slug="lifting").url,
        "/about/doctors/",
    ):
        assert client.get(url).status_code == 200, url
    # (the seeded pictures beside it are the scheduler's to draw: see the last test)
    assert set(image.renditions.values_list("pk", flat=True)) == before
    assert ' src="/media/images/' in client.get(ulthera.url).content.decode()


def test_the_pixel_cap_refuses_an_image_bomb_at_upload(editor_client):
    response = upload(editor_client, png(9000, 9000), title="너무 큰 사진")
    assert response.status_code == 200
    assert "이 파일은 픽셀이 너무 많습니다" in response.content.decode()
    assert not ClinicImage.objects.filter(title="너무 큰 사진").exists()


def test_a_camera_photo_is_accepted_and_kept_at_the_size_the_site_needs(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 25_000_000
    assert upload(editor_client, png(6000, 4000), title="카메라 사진").status_code == 302
    image = ClinicImage.objects.get(title="카메라 사진")
    assert (image.width, image.height) == (2400, 1600)
    with image.open_file() as stored, Image.open(stored) as picture:
        assert picture.size == (2400, 1600) and picture.format == "PNG"
    assert image.file_size == image.file.size
    with image.open_file() as stored:
        assert image.file_hash == hash_filelike(stored)


def test_a_phone_photo_keeps_its_turn(editor_client):
    """A portrait photo stored sideways with an EXIF 'rotate' tag comes out upright."""
    picture = Image.new("RGB", (4000, 3000), (200, 120, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    buffer = BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    buffer.seek(0)
    buffer.name = "phone.jpg"
    assert upload(editor_client, buffer, title="세로 사진").status_code == 302
    image = ClinicImage.objects.get(title="세로 사진")
    assert (image.width, image.height) == (1800, 2400)


def test_a_small_upload_is_stored_untouched(editor_client):
    original = png(1200, 800).getvalue()
    file = BytesIO(original)
    file.name = "small.png"
    upload(editor_client, file, title="작은 사진")
    with ClinicImage.objects.get(title="작은 사진").open_file() as stored:
        assert stored.read() == original


def test_the_scheduler_draws_what_the_seeded_pictures_lack(settings):
    assert settings.IMAGE_RENDITIONS_JOB_SECONDS == 0  # off in tests; production: 5 s a run
    settings.IMAGE_RENDITIONS_JOB_SECONDS = 0.1  # at least one image, then stop
    cache.clear()  # Wagtail keeps renditions in the cache too; earlier tests' rows were rolled back
    missing = images_missing_renditions().count()
    assert missing > 0  # the loader leaves its pictures to the scheduler
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "이미지 변환본" in out.getvalue()
    assert images_missing_renditions().count() == missing - 1
