"""Perceptual hash and sharpness behave as duplicates and blur require."""
from __future__ import annotations

from PIL import Image, ImageFilter

from press.photos.quality import dhash, hamming, near_duplicate, sharpness

from .conftest import FIXTURES


def photo(path="images/florida_beach.jpg"):
    image = Image.open(FIXTURES / path)
    image.draft("RGB", (1000, 1000))
    return image.convert("RGB")


def test_resized_copy_is_a_near_duplicate_and_another_photo_is_not():
    original = photo()
    smaller = original.resize((original.width // 3, original.height // 3))
    assert hamming(dhash(original), dhash(smaller)) <= 4
    assert hamming(dhash(original), dhash(photo("images/sample1.jpg"))) > 16


def test_hamming_accepts_hex_and_int():
    assert hamming("ff", 0) == 8
    assert hamming(0b1011, 0b0001) == 2


def test_blurred_photo_is_less_sharp():
    original = photo()
    assert sharpness(original.filter(ImageFilter.GaussianBlur(4))) < sharpness(original) / 2


def test_near_duplicate_is_a_resave_not_another_photo_nor_a_photo_without_hash():
    original = photo()
    smaller = original.resize((original.width // 3, original.height // 3))
    assert near_duplicate(dhash(original), dhash(smaller))
    assert not near_duplicate(dhash(original), dhash(photo("images/sample1.jpg")))
    assert not near_duplicate(dhash(original), None)
