"""Crops of 24-megapixel photos per ratio, against the renditions' own cost, in one process.

    python bench/support/crop_bench.py [--photos N]

``crop_table()`` is the crops half of ``bench/photo_desk.py``; run alone it prints the same
table. The photos are ``bench/ingest.py``'s camera-like 6000x4000 JPEGs (quality 92,
camera EXIF with orientation and GPS; cached under ``bench/out/ingest``). For each
configured crop (``CROP_SIZES``) and each photo it times what the ``media.crops`` job does
for one crop from the stored original's bytes: open, JPEG ``draft`` decoding at the
largest reduction that still covers the crop's window, upright, resize to the exact
size, sRGB, JPEG encode, public metadata (``press.photos.crops.render_crops``), and all the
crops of a photo at once as the job makes them (one decode), per crop. The
yardstick is the same photos' renditions (``thumb`` 400 and ``web`` 1600, decode once,
``press.photos.process``'s work without the store) timed in the same process, so a loaded
machine slows both alike. Target: a crop under 150 ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.ingest import SIZES  # noqa: E402
from bench.support.ingest_photos import OUT, _generate_one  # noqa: E402
from press.config import DEFAULTS, parse_crop_sizes  # noqa: E402
from press.photos.crops import render_crops  # noqa: E402
from press.photos.opening import open_image  # noqa: E402
from press.photos.public_meta import PublicMeta, embed_public_meta  # noqa: E402
from press.photos.renditions import render  # noqa: E402

TARGET_MS = 150
META = PublicMeta(caption="Wali Kota meninjau posyandu", byline="Fotografer Humas", credit="Humas Pemkot")
MAX_PIXELS = DEFAULTS["MAX_IMAGE_PIXELS"]


def _ms(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _renditions(data: bytes) -> None:
    rendered = render(open_image(data, MAX_PIXELS), SIZES)
    for jpeg in rendered.jpegs.values():
        embed_public_meta(jpeg, META)


def crop_table(photos: int = 3, rounds: int = 2) -> list[dict]:
    """One row per crop (median and worst ms per crop over the photos and rounds) and the
    renditions' row (ms per photo for thumb + web), measured in this process."""
    OUT.mkdir(parents=True, exist_ok=True)
    originals = [path.read_bytes() for path in (_generate_one(i) for i in range(photos))]
    crops = parse_crop_sizes(DEFAULTS["CROP_SIZES"])
    _renditions(originals[0])  # warm up the imports and the codec
    rows = []
    for name, size in crops.items():
        times = [_ms(lambda data=data: render_crops(open_image(data, MAX_PIXELS), {name: size}, (0.3, 0.4), META))
                 for _ in range(rounds) for data in originals]
        rows.append({"what": f"crop {name} {size[0]}x{size[1]}", "median_ms": statistics.median(times),
                     "max_ms": max(times), "target_ms": TARGET_MS})
    times = [_ms(lambda data=data: render_crops(open_image(data, MAX_PIXELS), crops, (0.3, 0.4), META)) / len(crops)
             for _ in range(rounds) for data in originals]
    rows.append({"what": f"all {len(crops)} crops, one decode, per crop", "median_ms": statistics.median(times),
                 "max_ms": max(times), "target_ms": TARGET_MS})
    times = [_ms(lambda data=data: _renditions(data)) for _ in range(rounds) for data in originals]
    rows.append({"what": "renditions thumb+web (yardstick)", "median_ms": statistics.median(times),
                 "max_ms": max(times), "target_ms": None})
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'what':<36} {'median ms':>10} {'max ms':>8} {'target':>8}")
    for row in rows:
        target = f"< {row['target_ms']}" if row["target_ms"] else ""
        print(f"{row['what']:<36} {row['median_ms']:>10.0f} {row['max_ms']:>8.0f} {target:>8}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print_table(crop_table(args.photos, args.rounds))


if __name__ == "__main__":
    main()
