"""Pictures the project draws itself for seeded pages: soft shapes in the clinic's palette.

Editors replace them with real photographs; until then every section and treatment has a
calm, distinct picture instead of a blank. Drawn small and enlarged, so the edges come out soft.
"""

import hashlib
import os
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from django.conf import settings
from django.core.files.images import ImageFile

WIDTH, HEIGHT = 1600, 900
SCALE = 4  # drawn at a quarter size; enlarging smooths the shapes
PALETTE = [
    (251, 249, 246),  # paper
    (230, 224, 216),  # line
    (214, 196, 176),  # sand
    (196, 168, 140),  # latte
    (122, 92, 62),  # accent
    (90, 65, 41),  # accent dark
    (222, 200, 196),  # blush
    (196, 206, 190),  # sage
]


def draw_picture(seed):
    """A 1600×900 RGB picture, always the same for the same seed, and its main shape's centre."""
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest(), 16))
    width, height = WIDTH // SCALE, HEIGHT // SCALE
    top, bottom = rng.sample(PALETTE[:4] + PALETTE[6:], 2)
    gradient = (
        Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270])).resize((width, height))
    )
    picture = Image.composite(
        Image.new("RGB", (width, height), bottom), Image.new("RGB", (width, height), top), gradient
    )
    overlay = Image.new("RGBA", (width, height))
    draw = ImageDraw.Draw(overlay)
    focus = None
    for number in range(rng.randint(3, 6)):
        radius = rng.randint(height // 6, height // 2 + 10)
        x, y = rng.randint(0, width), rng.randint(0, height)
        color = rng.choice(PALETTE[2:])
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(*color, rng.randint(60, 150))
        )
        if number == 0:
            focus = (x * SCALE, y * SCALE, radius * 2 * SCALE)
    for _ in range(rng.randint(1, 3)):  # a few thin arcs, like light on skin
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(height // 3, height)
        draw.arc(
            (x - r, y - r, x + r, y + r),
            rng.randint(0, 180),
            rng.randint(180, 360),
            fill=(255, 255, 255, 120),
            width=2,
        )
    picture = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))  # soft edges once enlarged
    return picture.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS), focus


def generated_image(seed, title, alt):
    """Save the picture for `seed` as a library image with its alternative text and focal point."""
    from wagtail.images import get_image_model

    picture, (x, y, size) = draw_picture(seed)
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True)
    name = hashlib.sha1(seed.encode()).hexdigest()[:12]
    image = get_image_model()(
        title=title,
        description=alt,
        file=ImageFile(buffer, name=f"seed-{name}.jpg"),
        focal_point_x=min(max(x, 0), WIDTH - 1),
        focal_point_y=min(max(y, 0), HEIGHT - 1),
        focal_point_width=min(size, WIDTH),
        focal_point_height=min(size, HEIGHT),
    )
    # Loading the clinic's content saves ~50 pictures at once: the scheduler draws their
    # renditions a few per run instead of making the loader wait for them.
    image._renditions_later = True
    image.save()
    return image


# Renditions the templates ask for that home.models.pages does not already declare: the home
# page's 4:3 hero for phones and the picture block in page bodies.
HOME_HERO_RENDITIONS = tuple(f"fill-640x480-c100|format-{fmt}" for fmt in ("avif", "webp", "jpeg"))
BODY_IMAGE_RENDITIONS = tuple(
    f"format-{fmt}|width-{width}" for fmt in ("avif", "webp", "jpeg") for width in (480, 800, 1200)
)


def template_renditions():
    """Every rendition spec a template may ask of any image (tests/home/test_renditions.py checks
    that rendering pages creates none beyond these)."""
    from .models.pages import CARD_RENDITIONS, HERO_RENDITIONS, PORTRAIT_RENDITIONS

    return (
        *HERO_RENDITIONS,
        *HOME_HERO_RENDITIONS,
        *CARD_RENDITIONS,
        *PORTRAIT_RENDITIONS,
        *BODY_IMAGE_RENDITIONS,
    )


def prepare_renditions(image):
    """Make the image's template renditions now, so no visitor's request ever draws one.

    Wagtail's get_renditions() finds those already made in one query and draws the rest from a
    single read of the original; the pixel cap (WAGTAILIMAGES_MAX_IMAGE_PIXELS) bounds the cost.
    """
    before = image.renditions.count()
    image.get_renditions(*template_renditions())
    return image.renditions.count() - before


def images_missing_renditions():
    """Images lacking a template rendition for their current focal point (seeded pictures, images
    uploaded before renditions were made at upload, or an upload whose drawing failed)."""
    from django.db.models import Count, Q

    from wagtail.images import get_image_model

    specs = template_renditions()
    return (
        get_image_model()
        .objects.annotate(made=Count("renditions", filter=Q(renditions__filter_spec__in=specs)))
        .filter(made__lt=len(specs))
        .order_by("pk")
    )


def prepare_missing_renditions():
    """The scheduler's job: images one by one until IMAGE_RENDITIONS_JOB_SECONDS have passed, so
    a run never holds back the next publishing for long (the seeded ~50 catch up in minutes)."""
    import time

    budget = settings.IMAGE_RENDITIONS_JOB_SECONDS
    if not budget:
        return None
    deadline = time.monotonic() + budget
    made = 0
    for image in images_missing_renditions().iterator():
        made += prepare_renditions(image)
        if time.monotonic() >= deadline:
            break
    return f"이미지 변환본 {made}개 생성" if made else None


SHRINKABLE = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


def shrink_original(image):
    """Scale a new upload down to IMAGE_ORIGINAL_MAX_SIDE on its long side, in place.

    The largest picture a template shows is 1600 px wide; drawing 26 renditions from a 24 MP
    original took 34 s and 730 MB in the upload request, from 2,400 px a few seconds. Done once,
    before the focal point is chosen, so no coordinate refers to the old size. Animated images
    and other formats are kept as they are.
    """
    limit = settings.IMAGE_ORIGINAL_MAX_SIDE
    if not limit:
        return False
    image.file.seek(0)
    with Image.open(image.file) as picture:
        options = SHRINKABLE.get(picture.format)
        if options is None or max(picture.size) <= limit or getattr(picture, "is_animated", False):
            image.file.seek(0)
            return False
        fmt, icc = picture.format, picture.info.get("icc_profile")
        picture.draft("RGB", (limit, limit))  # JPEG: decode at a fraction of the size
        picture = ImageOps.exif_transpose(picture)  # the turn the camera asked for, applied
        picture.thumbnail((limit, limit), Image.Resampling.LANCZOS)
        if fmt == "JPEG" and picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        buffer = BytesIO()
        picture.save(buffer, fmt, **options, **({"icc_profile": icc} if icc else {}))
    image.file = ImageFile(buffer, name=os.path.basename(image.file.name))
    image._set_image_file_metadata()
    return True
