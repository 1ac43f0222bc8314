"""A crop cut from the photo's kept crop sources or a stored rendition (the print one)
rather than the original: the same picture as the original gives, judged against the
original, and the original used whenever no source holds the crop's window at its size
or a source's file is lost or damaged (the original's decode then makes the sources again)."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageStat

from press.config import DEFAULTS, parse_crop_sizes
from press.photos.crop_sources import CropSource, name_for
from press.photos.crops import ORIGINAL, crop_sources, crop_window, cut_crops, render_crops, source_sizes
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


def stored_turned(orientation: int, reduce: int = 1) -> bytes:
    """The beach photo as a camera stores it for EXIF ``orientation``, its colour profile
    (Display P3) kept; with ``reduce``, at 1/``reduce`` of its size (read with a JPEG draft)."""
    with Image.open(BEACH) as upright:
        icc = upright.info["icc_profile"]
        if reduce > 1:
            upright.draft("RGB", (upright.width // reduce, upright.height // reduce))
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


def assert_matches_the_original_s(jpeg: bytes, size, expected: Image.Image, within: float, name: str) -> None:
    """The crop has its exact size, is within ``within`` of 255 of the original's crop pixel for
    pixel, under 1 once the detail is blurred away, its channel means within 0.5, and carries
    the caption and licence."""
    crop = Image.open(io.BytesIO(jpeg))
    assert crop.size == size and crop.mode == "RGB", name
    crop = crop.convert("RGB")
    assert mean_abs_difference(crop, expected) < within, name
    assert mean_abs_difference(blurred(crop), blurred(expected)) < 1, name
    means = zip(ImageStat.Stat(crop).mean, ImageStat.Stat(expected).mean)
    assert all(abs(ours - theirs) < 0.5 for ours, theirs in means), name
    meta = read_public_meta(jpeg)
    assert meta["xmp"]["caption"] == META.caption and meta["iptc"]["usage_terms"] == META.usage_terms


@pytest.mark.parametrize("orientation", [1, 6, 3])
def test_each_named_crop_alone_is_cut_from_the_print_rendition_and_matches_the_original(storage, beach, orientation):
    data = stored_turned(orientation)
    key, upright, renditions = beach(data)
    assert upright == (4032, 3024) and renditions[PRINT_VARIANT] == (3000, 2250)
    expected = from_original(data, SIZES)
    for name, size in SIZES.items():
        made = cut_crops(storage, key, upright, renditions, {name: size}, FOCAL, META, max_pixels=MAX_PIXELS)
        assert made.sources == {name: PRINT_VARIANT} and made.refused == {}
        # Same window, same way up: only the fine detail of a picture resampled twice
        # differs (1.0-1.7 of 255 here); same colours, the original's Display P3 turned
        # to sRGB either way (read as sRGB instead, the crop differs by 2.1-2.7 even
        # with the detail blurred away, and its mean red and blue move by 2.4-3.3).
        assert_matches_the_original_s(made.jpegs[name], size, expected[name], 3, name)


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


# -- the kept crop sources ----------------------------------------------------------------

def test_the_default_crops_need_three_sources_each_close_to_the_scale_of_the_crops_it_serves():
    """A 6000x4000 photo: the story crop needs it at 2880 pixels, the portrait at 2026, the
    link preview at 1200; the landscape (1920) and square (1620) are cut from the 2026 one:
    none from more than 4:3 of what it needs, none from the larger print rendition."""
    upright = (6000, 4000)
    assert source_sizes(upright, SIZES) == [(2880, 1920), (2026, 1351), (1200, 800)]
    assert source_sizes((4000, 6000), SIZES) == [(1920, 2880), (1280, 1920)]
    kept = [CropSource(name_for(size), "0" * 64, size) for size in source_sizes(upright, SIZES)]
    windows = {name: crop_window(name, upright, size, FOCAL) for name, size in SIZES.items()}
    chosen = crop_sources(upright, windows, SIZES, {PRINT_VARIANT: (3000, 2000), "web": (1600, 1067)}, kept)
    assert chosen == {"square": "source-2026x1351", "portrait": "source-2026x1351",
                      "landscape": "source-2026x1351", "story": "source-2880x1920", "link": "source-1200x800"}


QUARTER = 4
SMALL = {name: (width // QUARTER, height // QUARTER) for name, (width, height) in SIZES.items()}
"""The default crops at a quarter of their size, for the beach photo at a quarter (1008x756):
the same geometry at a sixteenth of the pixels."""


def keep_sources(storage, key, made) -> list[CropSource]:
    for source, jpeg in made.new_sources.items():
        storage.put_private(key, source.name, jpeg)
    return list(made.new_sources)


@pytest.mark.parametrize("orientation", [1, 6, 3])
def test_crops_cut_alone_from_the_kept_sources_match_the_original_s(storage, ingest, orientation):
    """Cutting every crop from the original keeps the sources (upright, sRGB, no metadata,
    never a print rendition); each crop asked for alone is then cut from one, at its exact
    size, with its metadata, and the same picture as the original gives."""
    data = stored_turned(orientation, reduce=QUARTER)
    photo = ingest(data)
    upright = (photo.width, photo.height)
    first = cut_crops(storage, photo.key, upright, {}, SMALL, FOCAL, META, max_pixels=MAX_PIXELS, keep_for=SMALL)
    assert set(first.sources.values()) == {ORIGINAL}
    assert [s.size for s in first.new_sources] == source_sizes(upright, SMALL) == [(641, 481), (450, 338), (300, 225)]
    kept = keep_sources(storage, photo.key, first)
    assert PRINT_VARIANT not in storage.rendition_variants(photo.key)
    for source, jpeg in first.new_sources.items():
        image = Image.open(io.BytesIO(jpeg))
        assert image.size == source.size and image.mode == "RGB"  # upright: wide whatever the camera stored
        assert not image.getexif() and "icc_profile" not in image.info and "xmp" not in image.info
    expected = from_original(data, SMALL)
    for name, size in SMALL.items():
        made = cut_crops(storage, photo.key, upright, {}, {name: size}, FOCAL, META, max_pixels=MAX_PIXELS,
                         kept=kept, keep_for=SMALL)
        assert made.sources[name].startswith("source-") and made.new_sources == {}, name
        # Resampled twice (to the source, then to the crop): the fine detail differs, 1.8-3.0
        # of 255 on this photo at a quarter of its size (1.3-1.9 at full size), the link
        # preview most (its source is resampled in one step from the whole decode, the
        # original's crop from a JPEG draft at ½); placement and colour do not.
        assert_matches_the_original_s(made.jpegs[name], size, expected[name], 3.5, name)


def test_a_damaged_or_lost_source_gives_way_to_the_original_which_makes_it_again(storage, ingest):
    photo = ingest(stored_turned(1, reduce=QUARTER))
    upright = (photo.width, photo.height)
    first = cut_crops(storage, photo.key, upright, {}, SMALL, FOCAL, META, max_pixels=MAX_PIXELS, keep_for=SMALL)
    kept = keep_sources(storage, photo.key, first)
    portrait = {"portrait": SMALL["portrait"]}
    name = "source-450x338"
    with storage.open_private(photo.key, name) as handle:
        whole = handle.read()
    storage.put_private(photo.key, name, whole[:-2000] + bytes(2000))  # the same size, other bytes
    made = cut_crops(storage, photo.key, upright, {}, portrait, FOCAL, META, max_pixels=MAX_PIXELS,
                     kept=kept, keep_for=SMALL)
    assert made.sources == {"portrait": ORIGINAL} and set(made.new_sources) == set(kept)
    storage.delete_private(photo.key, name)
    made = cut_crops(storage, photo.key, upright, {}, portrait, FOCAL, META, max_pixels=MAX_PIXELS,
                     kept=kept, keep_for=SMALL)
    assert made.sources == {"portrait": ORIGINAL} and made.new_sources[kept[1]] == whole
    # Sources made for other crops than those configured now are made again, from the original.
    wider = {**SMALL, "banner": (750, 250)}
    made = cut_crops(storage, photo.key, upright, {}, portrait, FOCAL, META, max_pixels=MAX_PIXELS,
                     kept=kept, keep_for=wider)
    assert made.sources == {"portrait": ORIGINAL}
    assert sorted(s.size for s in made.new_sources) == sorted(source_sizes(upright, wider)) != sorted(
        s.size for s in kept)


def test_a_crop_too_large_for_the_original_is_refused_even_with_sources_kept(storage, ingest):
    photo = ingest(stored_turned(1, reduce=QUARTER))
    upright = (photo.width, photo.height)
    kept = keep_sources(storage, photo.key, cut_crops(storage, photo.key, upright, {}, SMALL, FOCAL,
                                                      max_pixels=MAX_PIXELS, keep_for=SMALL))
    made = cut_crops(storage, photo.key, upright, {}, {"billboard": (1025, 500)}, FOCAL, max_pixels=MAX_PIXELS,
                     kept=kept, keep_for=SMALL)
    assert made.jpegs == {} and made.sources == {} and made.new_sources == {}
    assert made.refused["billboard"]["have_width"] == 1008
