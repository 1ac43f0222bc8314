"""The photos ``bench/ingest.py`` measures: 24-megapixel camera-like JPEGs (6000×4000,
quality 92, gradients, shapes and sensor noise, camera EXIF with orientation, GPS and a
serial number), generated once into ``bench/out/ingest/`` by spawned workers."""
from __future__ import annotations

import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parents[2]
SIZE = (6000, 4000)
QUALITY = 92
ORIENTATIONS = (1, 6, 3, 8, 1, 1)
OUT = REPO / "bench" / "out" / "ingest"


def photo_like(seed: int) -> Image.Image:
    """Smooth gradients, soft shapes and sensor noise: compresses like a photo."""
    rng = random.Random(seed)
    small = (600, 400)
    channels = []
    for angle in (rng.uniform(0, 360) for _ in range(3)):
        gradient = Image.linear_gradient("L").rotate(angle, expand=False).resize(small)
        channels.append(gradient)
    base = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(base)
    for _ in range(40):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        r = rng.randrange(10, 120)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.polygon([(x, y), (x + r, y + rng.randrange(-r, r)), (x + rng.randrange(-r, r), y + r)], fill=colour)
    base = base.filter(ImageFilter.GaussianBlur(1.5)).resize(SIZE, Image.Resampling.BICUBIC)
    detail = Image.effect_noise((SIZE[0] // 4, SIZE[1] // 4), 28).resize(SIZE, Image.Resampling.BILINEAR)
    grain = Image.effect_noise(SIZE, 10)
    for layer in (detail, grain):
        base = ImageChops.add(base, Image.merge("RGB", (layer, layer, layer)), 1.0, -128)
    return base


def camera_exif(seed: int, orientation: int) -> Image.Exif:
    rng = random.Random(seed)
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS R6"
    exif[0x0112] = orientation
    exif[0x0132] = "2026:11:20 09:%02d:%02d" % (seed % 60, rng.randrange(60))
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = exif[0x0132]
    sub[0x9011] = "+07:00"
    sub[0x829A] = 1 / 250
    sub[0x829D] = 5.6
    sub[0x8827] = 400
    sub[0x920A] = 50.0
    sub[0xA434] = "RF24-105mm F4 L IS USM"
    sub[0xA431] = "0123456789%02d" % seed
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 14.0, 17.88 + seed)
    gps[3], gps[4] = "E", (106.0, 58.0, 32.2 + seed)
    return exif


def _generate_one(index: int) -> Path:
    path = OUT / f"bench_{index:03d}.jpg"
    if not path.exists():
        orientation = ORIENTATIONS[index % len(ORIENTATIONS)]
        tmp = path.with_suffix(".part")
        photo_like(index).save(tmp, "JPEG", quality=QUALITY, exif=camera_exif(index, orientation))
        os.replace(tmp, path)
    return path


def generate(count: int) -> list[Path]:
    """Generate missing photos in spawned workers (cached in bench/out/ingest)."""
    OUT.mkdir(parents=True, exist_ok=True)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(mp_context=context) as pool:
        return list(pool.map(_generate_one, range(count)))
