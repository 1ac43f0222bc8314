"""Renditions: colour spaces, bit depths, alpha, first frames and reduced decoding."""
from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageStat

from press.photos.opening import open_image
from press.photos.renditions import decode, render, to_srgb

from .conftest import FIXTURES, mean_abs_difference, rendition_image


def jpeg_bytes(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def test_cmyk_jpeg_comes_out_as_rgb_jpeg_with_the_right_colours(ingest, storage):
    photo = ingest("images/pil_sample_cmyk.jpg")
    image = rendition_image(storage, photo, "web")
    assert (image.format, image.mode) == ("JPEG", "RGB")
    reference = Image.open(FIXTURES / "images/pil_sample_cmyk.jpg").convert("RGB")
    assert mean_abs_difference(image, reference) < 8


def test_16_bit_greyscale_tiff_is_stretched_to_a_visible_rgb_jpeg(ingest, storage):
    image = rendition_image(storage, ingest("images/ifd_tag_type.tiff"), "web")
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (640, 512))
    assert ImageStat.Stat(image.convert("L")).stddev[0] > 20


def test_16_bit_rgb_tiff_comes_out_as_rgb_jpeg(ingest, storage):
    image = rendition_image(storage, ingest("images/tiff_16bit_RGB.tiff"), "thumb")
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (100, 40))


def test_narrow_16_bit_range_uses_the_full_8_bit_range():
    narrow = Image.new("I;16", (64, 64), 1000)
    narrow.paste(1200, (0, 0, 32, 64))
    out = io.BytesIO()
    narrow.save(out, "PNG")
    rendered = render(open_image(out.getvalue(), 10**6), {"thumb": 64})
    grey = Image.open(io.BytesIO(rendered.jpegs["thumb"])).convert("L")
    low, high = grey.getextrema()
    assert low < 10 and high > 245


def test_alpha_is_flattened_on_white(ingest, storage):
    original = Image.open(FIXTURES / "images/transparent.png")
    image = rendition_image(storage, ingest("images/transparent.png"), "web")
    alpha = original.getchannel("A")
    transparent = [(x, y) for x in range(0, 200, 7) for y in range(0, 150, 7) if alpha.getpixel((x, y)) == 0]
    assert transparent
    assert all(min(image.getpixel(p)) > 235 for p in transparent)


def test_animated_gif_gives_its_first_frame(ingest, storage):
    original = Image.open(FIXTURES / "images/iss634.gif")
    first = original.convert("RGB")
    image = rendition_image(storage, ingest("images/iss634.gif"), "web").convert("RGB")
    assert image.size == first.size
    assert mean_abs_difference(image, first) < 8


def test_icc_tagged_image_is_converted_to_srgb():
    p3 = Image.open(FIXTURES / "images/florida_beach.jpg").info["icc_profile"]
    tagged = Image.new("RGB", (8, 8), (200, 100, 50))
    converted = to_srgb(tagged, p3, problems := [])
    assert not problems
    red, green, blue = converted.getpixel((0, 0))
    assert red > 205 and blue < 50


def test_unusable_icc_profile_is_a_problem_not_a_failure():
    converted = to_srgb(Image.new("CMYK", (4, 4)), b"not a profile", problems := [])
    assert converted.mode == "RGB" and problems


def test_srgb_profile_is_left_alone():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = Image.new("RGB", (4, 4), (10, 20, 30))
    assert to_srgb(image, srgb, []).getpixel((0, 0)) == (10, 20, 30)


def test_large_jpeg_is_decoded_at_reduced_size_for_a_thumbnail():
    big = Image.linear_gradient("L").resize((4800, 3200)).convert("RGB")
    image = open_image(jpeg_bytes(big, quality=90), 10**8)
    decoded = decode(image, 400)
    assert decoded.size == (600, 400)
    rendered = render(open_image(jpeg_bytes(big, quality=90), 10**8), {"thumb": 400, "web": 1600})
    assert rendered.decoded_size == (2400, 1600)
    assert Image.open(io.BytesIO(rendered.jpegs["thumb"])).size == (400, 267)
