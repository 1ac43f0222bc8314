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
yardsticks, timed in the same process so that a loaded machine slows all alike: libvips
doing the same crop (shrink-on-load at the same reduction, upright, crop, cubic resize,
encode; alone and five from one load), the same photos' renditions (``thumb`` 400 and
``web`` 1600, decode once, ``press.photos.process``'s work without the store), and the floor
no crop goes under: Pillow decoding the photo alone at ½ and ⅛ (the entropy decoding of
the whole file, which no reduction skips). Target: a crop under 150 ms.
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
from press.photos.crops import crop_window, render_crops  # noqa: E402
from press.photos.opening import open_image  # noqa: E402
from press.photos.public_meta import PublicMeta, embed_public_meta  # noqa: E402
from press.photos.renditions import render  # noqa: E402

TARGET_MS = 150
META = PublicMeta(caption="Wali Kota meninjau posyandu", byline="Fotografer Humas", credit="Humas Pemkot")
MAX_PIXELS = DEFAULTS["MAX_IMAGE_PIXELS"]
FOCAL = (0.3, 0.4)


def _ms(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _renditions(data: bytes) -> None:
    rendered = render(open_image(data, MAX_PIXELS), SIZES)
    for jpeg in rendered.jpegs.values():
        embed_public_meta(jpeg, META)


def _decode(data: bytes, reduction: int) -> None:
    image = open_image(data, MAX_PIXELS)
    image.draft("RGB", (image.width // reduction, image.height // reduction))
    image.load()


def _vips_crops(data: bytes, sizes: dict[str, tuple[int, int]]) -> None:
    """The yardstick: the same windows with libvips (shrink-on-load at the largest reduction
    covering every window, upright, crop, cubic resize to the exact size, encode)."""
    import pyvips

    head = pyvips.Image.new_from_buffer(data, "")
    orientation = head.get("orientation") if head.get_typeof("orientation") else 1
    upright = (head.height, head.width) if orientation >= 5 else (head.width, head.height)
    windows = {name: crop_window(name, upright, size, FOCAL) for name, size in sizes.items()}
    shrink = next(s for s in (8, 4, 2, 1) if all(w.width // s >= sizes[n][0] for n, w in windows.items()))
    image = pyvips.Image.new_from_buffer(data, "", shrink=shrink).autorot()
    factor = image.width / upright[0]
    for name, window in windows.items():
        left, top = int(window.left * factor), int(window.top * factor)
        width = min(image.width - left, round(window.width * factor))
        height = min(image.height - top, round(window.height * factor))
        size = sizes[name]
        cropped = image.crop(left, top, width, height)
        cropped.resize(size[0] / width, vscale=size[1] / height, kernel="cubic").jpegsave_buffer(Q=85, strip=True)


def _vips_available() -> bool:
    try:
        import pyvips  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _row(what: str, times: list[float], target, vips: list[float] | None = None) -> dict:
    return {"what": what, "median_ms": statistics.median(times), "max_ms": max(times), "target_ms": target,
            "vips_ms": statistics.median(vips) if vips else None}


def crop_table(photos: int = 3, rounds: int = 2) -> list[dict]:
    """One row per crop (median and worst ms per crop over the photos and rounds, and
    libvips' median for the same crop), the five from one decode per crop, and the
    yardstick rows (the renditions, the decode alone), measured in this process."""
    OUT.mkdir(parents=True, exist_ok=True)
    originals = [path.read_bytes() for path in (_generate_one(i) for i in range(photos))]
    crops = parse_crop_sizes(DEFAULTS["CROP_SIZES"])
    vips = _vips_available()
    _renditions(originals[0])  # warm up the imports and the codecs
    if vips:
        _vips_crops(originals[0], crops)
    rows = []

    def timed(run, per: int = 1) -> list[float]:
        return [_ms(lambda data=data: run(data)) / per for _ in range(rounds) for data in originals]

    for name, size in crops.items():
        one = {name: size}
        rows.append(_row(f"crop {name} {size[0]}x{size[1]}",
                         timed(lambda data: render_crops(open_image(data, MAX_PIXELS), one, FOCAL, META)), TARGET_MS,
                         timed(lambda data: _vips_crops(data, one)) if vips else None))
    rows.append(_row(f"all {len(crops)} crops, one decode, per crop",
                     timed(lambda data: render_crops(open_image(data, MAX_PIXELS), crops, FOCAL, META), len(crops)),
                     TARGET_MS, timed(lambda data: _vips_crops(data, crops), len(crops)) if vips else None))
    rows.append(_row("renditions thumb+web (yardstick)", timed(_renditions), None))
    for reduction in (2, 8):
        rows.append(_row(f"decode alone at 1/{reduction} (floor)", timed(lambda data: _decode(data, reduction)), None))
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'what':<36} {'median ms':>10} {'max ms':>8} {'libvips ms':>11} {'target':>8}")
    for row in rows:
        target = f"< {row['target_ms']}" if row["target_ms"] else ""
        vips = f"{row['vips_ms']:.0f}" if row["vips_ms"] is not None else ""
        print(f"{row['what']:<36} {row['median_ms']:>10.0f} {row['max_ms']:>8.0f} {vips:>11} {target:>8}")
    print(f"load average {' / '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print_table(crop_table(args.photos, args.rounds))


if __name__ == "__main__":
    main()
