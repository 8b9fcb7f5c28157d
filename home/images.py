"""Pictures the project draws itself for seeded pages: soft shapes in the clinic's palette.

Editors replace them with real photographs; until then every section and treatment has a
calm, distinct picture instead of a blank. Drawn small and enlarged, so the edges come out soft.
"""

import hashlib
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

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
    image.save()
    return image
