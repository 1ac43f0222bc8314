"""Crops for the channels: exact sizes, around the focal point, upright, no GPS, never enlarged."""
from __future__ import annotations

import io

import exifread
import pytest
from PIL import Image

from press.config import parse_crop_sizes, DEFAULTS
from press.photos.crops import CropTooSmall, crop_window, refusals, render_crops
from press.photos.opening import open_image
from press.photos.public_meta import PublicMeta

from .conftest import FIXTURES, MAX_PIXELS

SIZES = parse_crop_sizes(DEFAULTS["CROP_SIZES"])
RED = (230, 20, 20)


def dotted_jpeg(size=(4000, 3000), dot=(0.9, 0.2), orientation: int = 1) -> bytes:
    """A grey upright picture with a red dot at ``dot`` (fractions), stored rotated for
    ``orientation`` 6 with the EXIF tag saying so."""
    upright = Image.new("RGB", size, (128, 128, 128))
    x, y = round(dot[0] * size[0]), round(dot[1] * size[1])
    upright.paste(RED, (x - 40, y - 40, x + 40, y + 40))
    stored = upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def red_fraction(jpeg: bytes) -> float:
    image = Image.open(io.BytesIO(jpeg)).convert("RGB")
    small = image.resize((image.width // 8, image.height // 8))
    reds = sum(1 for r, g, b in small.get_flattened_data() if r > 180 and g < 90 and b < 90)
    return reds / (small.width * small.height)


@pytest.mark.parametrize("orientation", [1, 6])
def test_each_crop_has_its_exact_size_and_contains_the_focal_point(orientation):
    focal = (0.9, 0.2)
    data = dotted_jpeg(dot=focal, orientation=orientation)
    jpegs, refused = render_crops(open_image(data, MAX_PIXELS), SIZES, focal, PublicMeta(caption="Uji potongan"))
    assert refused == {}
    assert set(jpegs) == set(SIZES)
    for name, jpeg in jpegs.items():
        image = Image.open(io.BytesIO(jpeg))
        assert image.size == SIZES[name], name
        assert image.format == "JPEG" and image.mode == "RGB"
        assert red_fraction(jpeg) > 0, f"{name} lost the focal point"
    # Centred instead, the square leaves the dot at the right edge out: the focal point decides.
    centred, _ = render_crops(open_image(data, MAX_PIXELS), {"square": SIZES["square"]})
    assert red_fraction(centred["square"]) == 0


def test_the_window_is_whole_pixels_centred_on_the_focal_point_as_far_as_the_edges_allow():
    window = crop_window("portrait", (4000, 3000), (1080, 1350), (0.5, 0.5))
    assert (window.width, window.height) == (2400, 3000) and window.left == 800 and window.top == 0
    edge = crop_window("portrait", (4000, 3000), (1080, 1350), (0.99, 0.5))
    assert edge.left + edge.width == 4000
    for fx, fy in [(0, 0), (1, 1), (0.31, 0.77)]:
        w = crop_window("story", (4000, 3000), (1080, 1920), (fx, fy))
        assert all(isinstance(v, int) for v in (w.left, w.top, w.width, w.height))
        assert w.left <= fx * 4000 <= w.left + w.width and w.top <= fy * 3000 <= w.top + w.height


def test_a_source_too_small_for_a_crop_is_refused_with_the_reason_never_enlarged():
    with pytest.raises(CropTooSmall) as caught:
        crop_window("story", (1800, 1200), (1080, 1920))
    assert caught.value.problem == {"code": "crop_too_small", "crop": "story", "width": 1080, "height": 1920,
                                    "have_width": 675, "have_height": 1200}
    data = (FIXTURES / "images" / "Landscape_6.jpg").read_bytes()  # 1800x1200 upright
    jpegs, refused = render_crops(open_image(data, MAX_PIXELS), SIZES)
    assert set(refused) == {"portrait", "landscape", "story"} == set(refusals((1800, 1200), SIZES))
    assert {name: Image.open(io.BytesIO(j)).size for name, j in jpegs.items()} == {
        "square": (1080, 1080), "link": (1200, 628)}


def test_crops_carry_the_public_metadata_and_no_gps():
    data = (FIXTURES / "images" / "florida_beach.jpg").read_bytes()  # GPS in its EXIF
    jpegs, refused = render_crops(open_image(data, MAX_PIXELS), SIZES, meta=PublicMeta(caption="Pantai", credit="Humas"))
    assert refused == {} and len(jpegs) == len(SIZES)
    for jpeg in jpegs.values():
        tags = exifread.process_file(io.BytesIO(jpeg), details=False)
        assert not any(key.startswith("GPS") for key in tags)
        assert str(tags["Image ImageDescription"]) == "Pantai"
        assert str(tags.get("Image Orientation", "Horizontal (normal)")) == "Horizontal (normal)"
