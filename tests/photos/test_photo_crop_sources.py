"""A crop cut from a stored rendition (the print one) rather than the original: the same
picture as the original gives, judged against the original, and the original used
whenever no stored rendition holds the crop's window at its size."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageStat

from press.config import DEFAULTS, parse_crop_sizes
from press.photos.crops import ORIGINAL, crop_sources, crop_window, cut_crops, render_crops
from press.photos.opening import open_image
from press.photos.print_rendition import PRINT_VARIANT, make_print
from press.photos.public_meta import PublicMeta, read_public_meta

from .conftest import FIXTURES, MAX_PIXELS, mean_abs_difference

SIZES = parse_crop_sizes(DEFAULTS["CROP_SIZES"])
FOCAL = (0.3, 0.4)
META = PublicMeta(caption="Pantai bersih bersama warga", credit="Humas Pemkot",
                  usage_terms="Boleh dipakai media dengan kredit")
BEACH = FIXTURES / "images" / "florida_beach.jpg"  # 4032x3024, a Display P3 profile, GPS
_TO_STORED = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


def stored_turned(orientation: int) -> bytes:
    """The beach photo as a camera stores it for EXIF ``orientation``, its colour profile kept."""
    with Image.open(BEACH) as upright:
        icc = upright.info["icc_profile"]
        stored = upright.transpose(_TO_STORED[orientation]) if orientation in _TO_STORED else upright.copy()
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif, icc_profile=icc)
    return out.getvalue()


def stored_sizes(storage, key) -> dict[str, tuple[int, int]]:
    """Variant -> pixel size of each rendition file stored for ``key`` (what the rows record)."""
    sizes = {}
    for variant in storage.rendition_variants(key):
        with Image.open(storage.rendition_path(key, variant)) as image:
            sizes[variant] = image.size
    return sizes


@pytest.fixture
def beach(ingest, storage):
    """``beach(data)``: the photo ingested (thumb 400, web 1600) with its print rendition
    (3000 px) made; returns its key, upright size and renditions."""

    def store(data: bytes):
        photo = ingest(data)
        make_print(storage, photo.key, META, max_pixels=MAX_PIXELS)
        return photo.key, (photo.width, photo.height), stored_sizes(storage, photo.key)

    return store


def blurred(image: Image.Image) -> Image.Image:
    """Each 8x8 block averaged: placement and colour, without the fine detail."""
    return image.resize((image.width // 8, image.height // 8), Image.Resampling.BOX)


def from_original(data: bytes, sizes, focal=FOCAL) -> dict[str, Image.Image]:
    jpegs, refused = render_crops(open_image(data, MAX_PIXELS), sizes, focal, META)
    assert refused == {}
    return {name: Image.open(io.BytesIO(jpeg)).convert("RGB") for name, jpeg in jpegs.items()}


@pytest.mark.parametrize("orientation", [1, 6, 3])
def test_each_named_crop_alone_is_cut_from_the_print_rendition_and_matches_the_original(storage, beach, orientation):
    data = stored_turned(orientation)
    key, upright, renditions = beach(data)
    assert upright == (4032, 3024) and renditions[PRINT_VARIANT] == (3000, 2250)
    expected = from_original(data, SIZES)
    for name, size in SIZES.items():
        made = cut_crops(storage, key, upright, renditions, {name: size}, FOCAL, META, max_pixels=MAX_PIXELS)
        assert made.sources == {name: PRINT_VARIANT} and made.refused == {}
        crop = Image.open(io.BytesIO(made.jpegs[name]))
        assert crop.size == size and crop.mode == "RGB", name
        # Same window, same way up: only the fine detail of a picture resampled twice
        # differs (1.0-1.7 of 255 here); same colours, the original's Display P3 turned
        # to sRGB either way (read as sRGB instead, the crop differs by 2.1-2.7 even
        # with the detail blurred away, and its mean red and blue move by 2.4-3.3).
        crop = crop.convert("RGB")
        assert mean_abs_difference(crop, expected[name]) < 3, name
        assert mean_abs_difference(blurred(crop), blurred(expected[name])) < 1, name
        means = zip(ImageStat.Stat(crop).mean, ImageStat.Stat(expected[name]).mean)
        assert all(abs(ours - theirs) < 0.5 for ours, theirs in means), name
        meta = read_public_meta(made.jpegs[name])
        assert meta["xmp"]["caption"] == META.caption and meta["iptc"]["usage_terms"] == META.usage_terms


def test_a_crop_no_rendition_holds_at_its_size_is_cut_from_the_original(storage, beach):
    """A poster 2400x3000: its window (2419x3024 of the original) is 1800x2250 in the print
    rendition, too small. Asked with the square, both come from the original's one decode
    (a second decode of the print would only add to it)."""
    data = BEACH.read_bytes()
    key, upright, renditions = beach(data)
    poster = {"poster": (2400, 3000)}
    made = cut_crops(storage, key, upright, renditions, poster, FOCAL, META, max_pixels=MAX_PIXELS)
    assert made.sources == {"poster": ORIGINAL} and made.refused == {}
    crop = Image.open(io.BytesIO(made.jpegs["poster"])).convert("RGB")
    assert crop.size == (2400, 3000)
    assert mean_abs_difference(crop, from_original(data, poster)["poster"]) < 0.5
    both = cut_crops(storage, key, upright, renditions, {**poster, "square": SIZES["square"]}, FOCAL, META,
                     max_pixels=MAX_PIXELS)
    assert both.sources == {"poster": ORIGINAL, "square": ORIGINAL} and set(both.jpegs) == {"poster", "square"}


def test_without_the_print_rendition_the_largest_one_that_covers_is_used_else_the_original(storage, beach):
    data = BEACH.read_bytes()
    key, upright, renditions = beach(data)
    del renditions[PRINT_VARIANT]  # not made: only thumb 400 and web 1600x1200
    # The web rendition holds the square's 3024-pixel window as 1200 pixels (enough for
    # 1080) and the link preview's 4032x2110 as 1600x837 (for 1200x628); not the others.
    expected = from_original(data, SIZES)
    for name in SIZES:
        made = cut_crops(storage, key, upright, renditions, {name: SIZES[name]}, FOCAL, META, max_pixels=MAX_PIXELS)
        assert made.sources == {name: "web" if name in ("square", "link") else ORIGINAL}
        crop = Image.open(io.BytesIO(made.jpegs[name])).convert("RGB")
        assert crop.size == SIZES[name] and mean_abs_difference(crop, expected[name]) < 3, name


def test_a_rendition_whose_file_is_gone_or_not_the_recorded_size_gives_way_to_the_original(storage, beach):
    data = BEACH.read_bytes()
    key, upright, renditions = beach(data)
    square = {"square": SIZES["square"]}
    wrong_size = {**renditions, PRINT_VARIANT: (3000, 2249)}  # not the whole photo scaled: never a source
    assert crop_sources(upright, {"square": crop_window("square", upright, SIZES["square"])}, square,
                        {PRINT_VARIANT: (3000, 2249)}) == {"square": ORIGINAL}
    assert cut_crops(storage, key, upright, wrong_size, square, FOCAL, max_pixels=MAX_PIXELS).sources == {
        "square": "web"}
    os.unlink(storage.rendition_path(key, PRINT_VARIANT))
    os.unlink(storage.rendition_path(key, "web"))
    made = cut_crops(storage, key, upright, renditions, square, FOCAL, META, max_pixels=MAX_PIXELS)
    assert made.sources == {"square": ORIGINAL}
    assert Image.open(io.BytesIO(made.jpegs["square"])).size == (1080, 1080)


def test_a_crop_too_large_for_the_original_is_refused_with_its_reason_whatever_the_renditions(storage, beach):
    key, upright, renditions = beach(BEACH.read_bytes())
    made = cut_crops(storage, key, upright, renditions, {"billboard": (4100, 2000)}, FOCAL, max_pixels=MAX_PIXELS)
    assert made.jpegs == {} and made.sources == {}
    assert made.refused == {"billboard": {"code": "crop_too_small", "crop": "billboard", "width": 4100,
                                          "height": 2000, "have_width": 4032, "have_height": 1967}}
