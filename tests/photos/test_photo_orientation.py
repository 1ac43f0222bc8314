"""Orientation is applied exactly once, whatever the format."""
from __future__ import annotations

import pytest

from .conftest import mean_abs_difference, rendition_image

LANDSCAPES = [f"images/Landscape_{n}.jpg" for n in range(9)]


@pytest.fixture
def upright_reference(ingest, storage):
    photo = ingest("images/Landscape_1.jpg")
    return {v: rendition_image(storage, photo, v).convert("RGB") for v in ("thumb", "web")}


@pytest.mark.parametrize("path", LANDSCAPES)
@pytest.mark.parametrize("variant", ["thumb", "web"])
def test_every_exif_orientation_gives_the_same_upright_rendition(ingest, storage, upright_reference, path, variant):
    photo = ingest(path)
    image = rendition_image(storage, photo, variant).convert("RGB")
    assert image.size == upright_reference[variant].size
    assert image.width > image.height
    assert mean_abs_difference(image, upright_reference[variant]) < 4


def test_landscape_renditions_share_one_perceptual_hash(ingest):
    assert len({ingest(path).dhash for path in LANDSCAPES}) == 1


def test_rotated_camera_jpeg_comes_out_portrait(ingest, storage):
    photo = ingest("images/canon_hdr_NO.jpg")
    assert (photo.width, photo.height) == (1536, 2048)
    assert rendition_image(storage, photo, "web").size == (1200, 1600)


def test_heic_is_not_rotated_twice(ingest, storage):
    """libheif applies irot itself and pillow_heif resets EXIF Orientation to 1."""
    photo = ingest("images/IMG_5195.HEIC")
    assert (photo.width, photo.height) == (2566, 3313)
    assert rendition_image(storage, photo, "web").size == (1239, 1600)


def test_renditions_say_orientation_1_so_viewers_do_not_rotate_again(ingest, storage):
    photo = ingest("images/Landscape_6.jpg")
    assert rendition_image(storage, photo, "thumb").getexif().get(0x0112) == 1


def test_renditions_are_never_enlarged(ingest, storage):
    photo = ingest("images/r_canon.jpg")
    assert rendition_image(storage, photo, "web").size == (80, 80)
