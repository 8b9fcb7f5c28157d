import re

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model

from home.images import generated_image
from home.models import ClinicImage, ContentPage
from tests.factories import give_photo, marketing_user
from treatments.models import TreatmentCategoryPage, TreatmentPage

pytestmark = pytest.mark.django_db


def test_site_uses_the_clinic_image_model():
    assert get_image_model() is ClinicImage


def test_alt_text_is_required_on_the_model():
    image = generated_image("alt-test", title="시험", alt="시험 이미지")
    image.description = ""
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "description" in error.value.message_dict


def test_alt_text_is_required_in_the_admin_upload_form(client):
    client.force_login(marketing_user())
    image = generated_image("upload-test", title="원본", alt="원본")
    with image.file.open("rb") as f:
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "새 이미지", "description": "", "file": f, "tags": ""},
        )
    assert response.status_code == 200
    assert "필수 작성 항목입니다" in response.content.decode()
    assert "대체 텍스트" in response.content.decode()


def test_loader_gives_every_section_and_treatment_a_picture_with_alt_text():
    pages = [
        *TreatmentPage.objects.all(),
        *TreatmentCategoryPage.objects.all(),
        ContentPage.objects.get(slug="about"),
    ]
    for page in pages:
        assert page.image is not None, page.title
        assert page.image.description == f"{page.title} 대표 이미지"
        assert page.image.focal_point_width, page.title
    assert len({page.image_id for page in pages}) == len(pages)


def test_loader_gives_every_seeded_treatment_precautions_so_it_stays_live():
    for page in TreatmentPage.objects.all():
        assert page.live and "부작용" in page.precautions, page.title


def test_reloading_neither_duplicates_pictures_nor_restores_a_removed_one():
    count = ClinicImage.objects.count()
    ulthera = TreatmentPage.objects.get(slug="ulthera")
    ulthera.image = None
    ulthera.save_revision().publish()
    call_command("load_clinic_content", verbosity=0)
    assert ClinicImage.objects.count() == count
    assert TreatmentPage.objects.get(slug="ulthera").image is None


def test_generated_pictures_are_stable_per_seed():
    from home.images import draw_picture

    first, _ = draw_picture("lifting/ulthera")
    again, _ = draw_picture("lifting/ulthera")
    other, _ = draw_picture("lifting/exilis")
    assert first.tobytes() == again.tobytes() and first.tobytes() != other.tobytes()
    assert first.size == (1600, 900)


def test_cards_use_webp_renditions_the_first_eager_and_the_rest_lazy(client):
    for slug in ("3d-lifting", "silhouette-lifting"):
        give_photo(TreatmentPage.objects.get(slug=slug))
    html = client.get("/lifting/").content.decode()
    cards = html[html.index('<ul class="cards cards--pictures">') :]
    first, second = cards.split("</li>")[:2]
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w"', first), first
    # The first card is the largest picture on a phone's first screen (Lighthouse's LCP).
    assert 'loading="lazy"' not in first and 'fetchpriority="high"' in first
    assert 'alt="3D입체리프팅 사진"' in first
    assert 'loading="lazy"' in second and "fetchpriority" not in second
    assert 'alt="실루엣 리프팅 사진"' in second


def test_drawn_pictures_give_way_to_typographic_cards(client):
    html = client.get("/lifting/").content.decode()
    cards = html[
        html.index('<ul class="cards cards--pictures">') : html.index(
            "</ul>", html.index('<ul class="cards')
        )
    ]
    assert "<img" not in cards
    assert 'class="card card--tile tone-' in cards
    assert '<p class="card__latin" lang="en">Ulthera</p>' in cards
    assert '<figure class="hero-image">' not in client.get("/lifting/ulthera/").content.decode()


def test_hero_offers_avif_and_webp_and_loads_eagerly(client):
    give_photo(TreatmentPage.objects.get(slug="ulthera"), alt="울쎄라 대표 이미지")
    html = client.get("/lifting/ulthera/").content.decode()
    hero = html[html.index('<figure class="hero-image">') : html.index("</figure>")]
    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
    assert "640w" in hero and "1600w" in hero
    assert 'loading="lazy"' not in hero and 'fetchpriority="high"' in hero
    assert 'alt="울쎄라 대표 이미지"' in hero


def test_crops_follow_the_editors_focal_point():
    image = TreatmentPage.objects.get(slug="ulthera").image
    rendition = image.get_rendition("fill-480x300-c100|format-webp")
    assert rendition.focal_point_key != ""  # the crop was computed around the focal point
    assert (rendition.width, rendition.height) == (480, 300)
    assert rendition.file.name.endswith(".webp")
    image.focal_point_x, image.focal_point_width = 100, 200
    image.save()
    moved = image.get_rendition("fill-480x300-c100|format-webp")
    assert (
        moved.focal_point_key != rendition.focal_point_key
        and moved.file.name != rendition.file.name
    )


def test_loader_backfills_pictures_and_precautions_in_a_database_loaded_before_them():
    from home.models import SeedRecord

    # What the earlier loader left: no pictures, no precautions, no image records.
    SeedRecord.objects.filter(key__startswith="image:").delete()
    exilis = TreatmentPage.objects.get(slug="exilis")
    exilis.image, exilis.precautions = None, ""
    exilis.save_revision().publish()
    botox = TreatmentPage.objects.get(slug="botox")
    botox.image = None
    botox.save_revision().publish()
    botox.summary = "편집 중인 초안"
    botox.save_revision()  # an editor's draft in progress is left alone

    call_command("load_clinic_content", verbosity=0)

    exilis = TreatmentPage.objects.get(slug="exilis")
    assert exilis.live and not exilis.has_unpublished_changes
    assert exilis.image.description == "엑실리스 대표 이미지"
    assert "부작용" in exilis.precautions
    botox = TreatmentPage.objects.get(slug="botox")
    assert botox.image is None and botox.has_unpublished_changes


def test_home_page_cards_show_each_section_photograph(client):
    for slug in ("about", "lifting", "scalp"):
        give_photo(
            ContentPage.objects.get(slug=slug)
            if slug == "about"
            else TreatmentCategoryPage.objects.get(slug=slug),
            alt=f"{slug} 사진",
        )
    client.get("/")
    html = client.get("/").content.decode()
    cards = html[html.index('<ul class="cards cards--pictures cards--sections">') :]
    for slug in ("about", "lifting", "scalp"):
        assert f'alt="{slug} 사진"' in cards, slug
    assert cards.count("<img") == 3  # the other sections show typographic tiles
