"""Crops of 24-megapixel photos per ratio, against the renditions' own cost, in one process.

    python bench/support/crop_bench.py [--photos N] [--rounds N]

``crop_table()`` is the crops half of ``bench/photo_desk.py``; run alone it prints the same
table. The photos are ``bench/ingest.py``'s camera-like 6000x4000 JPEGs (quality 92,
camera EXIF with orientation and GPS; cached under ``bench/out/ingest``), each stored in a
scratch store with its ``thumb`` and ``web`` renditions, its ``print`` rendition (3000
px, what a journalist's request makes) and its crop sources (``press.photos.crop_sources``,
made as the ``media.crops`` job makes them, from the decode of the original its five
crops are cut from). For each configured crop (``CROP_SIZES``) it times what
``services.crops.make_crops`` does for one crop asked for alone, the file writes and
database aside (``press.photos.crops.cut_crops``): the crop cut from the smallest kept
crop source that holds its window at its size (its file read and its hash checked,
open, decode, resize in one step from the window to the exact size, upright, sRGB,
encode, public metadata); then the same from the print rendition when no source is
kept (JPEG ``draft`` where a reduction still covers), then with neither (the original
decoded, or the web rendition where it covers); each time also all the crops of a photo
at once (one decode per source), per crop; and the job's own work when the photo has
no sources yet: the five crops and the sources from one decode of the original, per
crop. The ``source`` column says what the crops were cut from (a crop source by its
size); ``vs original`` is the mean absolute difference (of 255) of those crops from
the ones the original gives (``render_crops``); ``CPU ms`` the median CPU time of this
process per crop, which other processes move less than the wall clock. Every row is run
once per photo and round, interleaved with the others. The yardsticks, timed in the same
process so that a loaded machine slows all alike: libvips doing the same crop from the
original (shrink-on-load at the same reduction, upright, crop, cubic resize, encode;
alone and five from one load), the same photos' renditions (``thumb`` 400 and ``web``
1600, decode once, ``press.photos.process``'s work without the store), and the floors:
Pillow decoding the original alone at ½ and ⅛ (the entropy decoding of the whole file,
which no reduction skips), the print rendition alone and the largest and smallest crop
source alone.
Target: a crop under 150 ms.
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PIL import Image, ImageChops, ImageStat

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.ingest import SIZES  # noqa: E402
from bench.support.ingest_photos import OUT, _generate_one  # noqa: E402
from press.config import DEFAULTS, parse_crop_sizes  # noqa: E402
from press.photos.crops import cut_crops, crop_window, render_crops  # noqa: E402
from press.photos.opening import open_image  # noqa: E402
from press.photos.print_rendition import PRINT_VARIANT, make_print  # noqa: E402
from press.photos.process import process_photo  # noqa: E402
from press.photos.public_meta import PublicMeta, embed_public_meta  # noqa: E402
from press.photos.renditions import render  # noqa: E402
from press.storage import FileStorage  # noqa: E402

TARGET_MS = 150
META = PublicMeta(caption="Wali Kota meninjau posyandu", byline="Fotografer Humas", credit="Humas Pemkot")
MAX_PIXELS = DEFAULTS["MAX_IMAGE_PIXELS"]
FOCAL = (0.3, 0.4)


def _ms(run) -> tuple[float, float]:
    """Wall and CPU milliseconds of ``run()`` (the CPU time of this process, less moved by
    what else the machine runs)."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def _renditions(data: bytes) -> None:
    rendered = render(open_image(data, MAX_PIXELS), SIZES)
    for jpeg in rendered.jpegs.values():
        embed_public_meta(jpeg, META)


def _decode(data: bytes, reduction: int) -> None:
    image = open_image(data, MAX_PIXELS)
    image.draft("RGB", (image.width // reduction, image.height // reduction))
    image.load()


class Stored:
    """One bench photo in a scratch store as ``make_crops`` finds it: the original, its
    thumb and web renditions, its print rendition, and its crop sources made as the
    ``media.crops`` job makes them (from the decode of the original its five crops are cut
    from: ``cut_crops(keep_for=…)``)."""

    def __init__(self, storage: FileStorage, data: bytes, crops: dict[str, tuple[int, int]]):
        photo = process_photo(data, storage, sizes=SIZES, max_bytes=200_000_000, max_pixels=MAX_PIXELS)
        make_print(storage, photo.key, META, max_pixels=MAX_PIXELS)
        self.storage, self.key, self.data, self.upright = storage, photo.key, data, (photo.width, photo.height)
        self.renditions = {}
        for variant in storage.rendition_variants(photo.key):
            with Image.open(storage.rendition_path(photo.key, variant)) as image:
                self.renditions[variant] = image.size
        with storage.open_rendition(photo.key, PRINT_VARIANT) as handle:
            self.print_jpeg = handle.read()
        made = self.cut(crops, with_print=False, keep_for=crops)
        for source, jpeg in made.new_sources.items():
            storage.put_private(photo.key, source.name, jpeg)
        self.sources = dict(made.new_sources)

    def cut(self, sizes: dict[str, tuple[int, int]], with_print: bool = True, with_sources: bool = False,
            keep_for: dict[str, tuple[int, int]] | None = None):
        renditions = {v: size for v, size in self.renditions.items() if with_print or v != PRINT_VARIANT}
        kept = list(self.sources) if with_sources else []
        return cut_crops(self.storage, self.key, self.upright, renditions, sizes, FOCAL, META, max_pixels=MAX_PIXELS,
                         kept=kept, keep_for=keep_for)


def _difference(made: dict[str, bytes], reference: dict[str, bytes]) -> float:
    """The mean absolute difference (of 255) of each crop from its reference, averaged."""
    def rgb(jpeg: bytes) -> Image.Image:
        return Image.open(io.BytesIO(jpeg)).convert("RGB")

    return statistics.mean(sum(ImageStat.Stat(ImageChops.difference(rgb(made[n]), rgb(reference[n]))).mean) / 3
                           for n in made)


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


@dataclass
class _Timed:
    """One row: what it runs for photo ``n`` (``per``: how many crops one run makes)."""

    what: str
    run: Callable[[int], object]
    per: int = 1
    target: int | None = None
    source: str = ""
    difference: float | None = None
    vips: Callable[[int], object] | None = None
    times: dict[str, list[float]] = field(default_factory=lambda: {"wall": [], "cpu": [], "vips": []})


def _measure(timed: list[_Timed], photos: int, rounds: int) -> None:
    """Every row once per photo and round, interleaved, so a machine whose load changes
    during the run slows all rows alike."""
    for _ in range(rounds):
        for n in range(photos):
            for row in timed:
                wall, cpu = _ms(lambda: row.run(n))
                row.times["wall"].append(wall / row.per)
                row.times["cpu"].append(cpu / row.per)
                if row.vips is not None:
                    row.times["vips"].append(_ms(lambda: row.vips(n))[0] / row.per)


def _row(row: _Timed) -> dict:
    wall, cpu, vips = row.times["wall"], row.times["cpu"], row.times["vips"]
    return {"what": row.what, "median_ms": statistics.median(wall), "max_ms": max(wall),
            "cpu_ms": statistics.median(cpu), "target_ms": row.target,
            "vips_ms": statistics.median(vips) if vips else None, "source": row.source,
            "difference": row.difference}


def crop_table(photos: int = 3, rounds: int = 2) -> list[dict]:
    """One row per crop cut alone as ``make_crops`` cuts it with the print rendition stored
    (median and worst wall ms per crop over the photos and rounds, median CPU ms, and
    libvips' median for the same crop from the original), the same with no print
    rendition, the five from one decode per crop both ways, and the yardstick rows (the
    renditions, the decodes alone), all measured interleaved in this process."""
    OUT.mkdir(parents=True, exist_ok=True)
    originals = [path.read_bytes() for path in (_generate_one(i) for i in range(photos))]
    crops = parse_crop_sizes(DEFAULTS["CROP_SIZES"])
    vips = _vips_available()
    scratch = tempfile.TemporaryDirectory(prefix="bench-crops-")
    stored = [Stored(FileStorage(os.path.join(scratch.name, str(n))), data, crops) for n, data in enumerate(originals)]
    references = [render_crops(open_image(data, MAX_PIXELS), crops, FOCAL, META)[0] for data in originals]
    _renditions(originals[0])  # warm up the imports and the codecs
    if vips:
        _vips_crops(originals[0], crops)

    def cut(what: str, sizes: dict, with_print: bool, with_sources: bool = False, keep_for=None) -> _Timed:
        made = [photo.cut(sizes, with_print, with_sources, keep_for) for photo in stored]
        return _Timed(what, lambda n: stored[n].cut(sizes, with_print, with_sources, keep_for), len(sizes), TARGET_MS,
                      "+".join(sorted({s.removeprefix("source-") for m in made for s in m.sources.values()})),
                      statistics.mean(_difference(m.jpegs, reference) for m, reference in zip(made, references)),
                      (lambda n: _vips_crops(originals[n], sizes)) if vips and not (with_print or with_sources) else None)

    timed = []
    for with_sources, with_print, suffix in ((True, False, ", crop sources kept"), (False, True, ", from print"),
                                             (False, False, ", no source, no print")):
        for name, size in crops.items():
            timed.append(cut(f"crop {name} {size[0]}x{size[1]}{suffix}", {name: size}, with_print, with_sources))
        timed.append(cut(f"all {len(crops)} crops, per crop{suffix}", crops, with_print, with_sources))
    timed.append(cut(f"job: {len(crops)} crops + crop sources, one decode, per crop", crops, False, keep_for=crops))
    timed.append(_Timed("renditions thumb+web (yardstick)", lambda n: _renditions(originals[n])))
    for reduction in (2, 8):
        timed.append(_Timed(f"decode original alone at 1/{reduction} (floor)",
                            lambda n, reduction=reduction: _decode(originals[n], reduction), source="original"))
    timed.append(_Timed("decode print rendition alone (floor)", lambda n: _decode(stored[n].print_jpeg, 1),
                        source="print"))
    for rank, which in ((0, "largest"), (-1, "smallest")):
        timed.append(_Timed(f"decode {which} crop source alone (floor)",
                            lambda n, rank=rank: _decode(list(stored[n].sources.values())[rank], 1),
                            source="+".join(sorted({list(p.sources)[rank].name.removeprefix("source-") for p in stored}))))
    _measure(timed, len(originals), rounds)
    scratch.cleanup()
    return [_row(row) for row in timed]


def print_table(rows: list[dict]) -> None:
    print(f"{'what':<54} {'median ms':>10} {'max ms':>8} {'libvips ms':>11} {'target':>8} {'source':>19}"
          f" {'vs original':>12} {'CPU ms':>7}")
    for row in rows:
        target = f"< {row['target_ms']}" if row["target_ms"] else ""
        vips = f"{row['vips_ms']:.0f}" if row["vips_ms"] is not None else ""
        difference = f"{row['difference']:.2f}" if row["difference"] is not None else ""
        print(f"{row['what']:<54} {row['median_ms']:>10.0f} {row['max_ms']:>8.0f} {vips:>11} {target:>8}"
              f" {row['source']:>19} {difference:>12} {row['cpu_ms']:>7.0f}")
    print(f"load average {' / '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print_table(crop_table(args.photos, args.rounds))


if __name__ == "__main__":
    main()
