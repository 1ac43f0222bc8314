"""Crops for the channels: exact sizes, around the focal point, upright, no GPS, never enlarged."""
from __future__ import annotations

import io

import exifread
import pytest
from PIL import Image, ImageChops

from press.config import parse_crop_sizes, DEFAULTS
from press.photos.crops import CropTooSmall, crop_window, refusals, render_crops
from press.photos.opening import open_image
from press.photos.public_meta import PublicMeta, read_public_meta

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


_TO_STORED = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_270}
LICENCE = PublicMeta(caption="Posyandu Melati", byline="Fotografer Humas", credit="Humas Pemkot",
                     usage_terms="Boleh dipakai media dengan kredit",
                     web_statement="https://humas.example.go.id/lisensi/media")


def camera_jpeg(upright: Image.Image, orientation: int) -> bytes:
    """``upright`` stored as a camera would for EXIF ``orientation``, with GPS in its EXIF."""
    stored = upright.transpose(_TO_STORED[orientation]) if orientation in _TO_STORED else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 14.0, 17.0), "E", (106.0, 58.0, 32.0)
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def red_centre(jpeg: bytes) -> tuple[float, float]:
    image = Image.open(io.BytesIO(jpeg)).convert("RGB")
    mask = Image.eval(image.split()[0], lambda v: 255 if v > 180 else 0)
    mask = ImageChops.multiply(mask, Image.eval(image.split()[1], lambda v: 255 if v < 90 else 0))
    box = mask.getbbox()
    assert box is not None, "no marked spot in the crop"
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


@pytest.mark.parametrize("orientation", range(1, 9))
def test_each_crop_shows_the_marked_spot_where_the_window_puts_it_keeping_the_licence_and_no_gps(orientation):
    """Whatever way the camera stored the photo, each crop has its exact size and shows
    the region around the focal point: the marked spot sits where the window (in the
    upright photo) says, the caption, credit and licence are carried and the GPS is not."""
    focal, upright_size = (0.8, 0.3), (3000, 2000)
    upright = Image.new("RGB", upright_size, (128, 128, 128))
    spot = (round(focal[0] * upright_size[0]), round(focal[1] * upright_size[1]))
    upright.paste(RED, (spot[0] - 30, spot[1] - 30, spot[0] + 30, spot[1] + 30))
    jpegs, refused = render_crops(open_image(camera_jpeg(upright, orientation), MAX_PIXELS), SIZES, focal, LICENCE)
    assert refused == {} and set(jpegs) == set(SIZES)
    for name, jpeg in jpegs.items():
        size = SIZES[name]
        assert Image.open(io.BytesIO(jpeg)).size == size, name
        window = crop_window(name, upright_size, size, focal)
        expected = ((spot[0] - window.left) * size[0] / window.width, (spot[1] - window.top) * size[1] / window.height)
        found = red_centre(jpeg)
        assert abs(found[0] - expected[0]) <= 3 and abs(found[1] - expected[1]) <= 3, (name, found, expected)
        meta = read_public_meta(jpeg)
        assert meta["xmp"]["caption"] == "Posyandu Melati" and meta["iptc"]["credit"] == "Humas Pemkot"
        assert meta["xmp"]["usage_terms"] == meta["iptc"]["usage_terms"] == "Boleh dipakai media dengan kredit"
        assert meta["xmp"]["web_statement"] == "https://humas.example.go.id/lisensi/media"
        tags = exifread.process_file(io.BytesIO(jpeg), details=False)
        assert not any(key.startswith("GPS") for key in tags), name
        assert str(tags.get("Image Orientation", "Horizontal (normal)")) == "Horizontal (normal)"
