"""Fixtures for the photo stages: the shared fixture files and a scratch store."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from press.config import DEFAULTS
from press.photos.process import process_photo
from press.storage import FileStorage

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
EXPECTED = {entry["path"]: entry for entry in json.loads((FIXTURES / "expected.json").read_text())}
IMAGES = sorted(path for path in EXPECTED if path.startswith("images/"))
BROKEN = sorted(path for path in EXPECTED if path.startswith("broken/"))
MAX_BYTES = 60 * 1024 * 1024
MAX_PIXELS = DEFAULTS["MAX_IMAGE_PIXELS"]
SIZES = {"thumb": 400, "web": 1600}
META = {
    "caption": "Wali Kota Bekasi menerima kunjungan kerja delegasi, Kamis (30/9/2021) — ruang rapat",
    "byline": "Siti Nurhaliza",
    "credit": "Bagian Humas Setda Kota Bekasi",
    "copyright": "© 2021 Pemerintah Kota Bekasi",
}


@pytest.fixture
def storage(tmp_path) -> FileStorage:
    return FileStorage(tmp_path / "store")


@pytest.fixture
def ingest(storage):
    """``ingest(path_or_bytes, **overrides)``: process_photo with test defaults."""

    def run(source, **overrides):
        if isinstance(source, str):
            source = FIXTURES / source
        options = {"max_bytes": MAX_BYTES, "max_pixels": MAX_PIXELS, "sizes": SIZES, **META, **overrides}
        return process_photo(source, storage, **options)

    return run


def rendition_image(storage: FileStorage, photo, variant: str = "web") -> Image.Image:
    with storage.open_rendition(photo.key, variant) as handle:
        return Image.open(io.BytesIO(handle.read()))


def mean_abs_difference(a: Image.Image, b: Image.Image) -> float:
    """The mean absolute difference of two RGB images of one size, in levels of 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3
