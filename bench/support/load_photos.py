"""The photos ``bench/load.py`` uploads: varied 3200×2400 JPEGs (~2-3 MB) with camera EXIF
(time, camera, lens, GPS), generated once into ``bench/out/load/`` by a process pool."""
from __future__ import annotations

import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "bench" / "out" / "load"
SIZE = (3200, 2400)
QUALITY = 90


def _photo(seed: int):
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = (640, 480)
    channels = [Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(small) for _ in range(3)]
    base = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(base)
    for _ in range(30):
        x, y, r = rng.randrange(small[0]), rng.randrange(small[1]), rng.randrange(10, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    base = base.filter(ImageFilter.GaussianBlur(1.5)).resize(SIZE, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(SIZE, 12)
    base = ImageChops.add(base, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = rng.choice([("Canon", "Canon EOS R6"), ("NIKON CORPORATION", "NIKON Z 6_2"),
                                             ("SONY", "ILCE-7M3")])
    exif[0x0132] = "2026:11:%02d %02d:%02d:%02d" % (1 + seed % 28, 8 + seed % 9, seed % 60, rng.randrange(60))
    sub = exif.get_ifd(0x8769)
    sub[0x9003], sub[0x9011] = exif[0x0132], "+07:00"
    sub[0x829A], sub[0x829D], sub[0x8827], sub[0x920A] = 1 / 250, 5.6, rng.choice([200, 400, 800]), 50.0
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 14.0, 10.0 + (seed % 400) / 10)
    gps[3], gps[4] = "E", (106.0, 59.0, 30.0 + (seed % 300) / 10)
    return base, exif


def _generate_one(seed: int) -> str:
    path = OUT / f"load_{seed:03d}.jpg"
    if not path.exists():
        image, exif = _photo(seed)
        tmp = path.with_suffix(".part")
        image.save(tmp, "JPEG", quality=QUALITY, exif=exif)
        os.replace(tmp, path)
    return str(path)


def generate(count: int) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as pool:
        return [Path(p) for p in pool.map(_generate_one, range(count))]
