"""Copy a few screenshots of the browser journey into ``docs/tour/`` for the README.

Run ``make test`` (or ``pytest tests/browser/test_journey.py``) first; then
``python tools/make_tour.py``. Each picture keeps the top of the page, scaled to
960 px wide, so the README stays light.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "test-output" / "browser"
SOURCE = OUTPUT / "test_journey_from_upload_to_a_journalists_download"
TARGET = REPO / "docs" / "tour"
WIDTH, MAX_HEIGHT = 960, 1100
STEPS = {
    "fotografer-hasil-unggah": "1-unggah.png",
    "penulis-tinjau-catatan": "2-catatan.png",
    "penulis-draf-dengan-temuan": "3-draf.png",
    "redaktur-terbit": "4-terbit.png",
    "pengunjung-hasil-cari": "5-cari.png",
    "pengunjung-siaran": "6-siaran.png",
}
OTHER_STEPS = {
    ("test_an_editor_reads_the_months_report_and_downloads_the_workbook", "redaktur-laporan-bulanan"): "7-laporan.png",
}
"""Screenshots of other browser tests: (test folder, label) -> picture."""


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    wanted = {(SOURCE, label): name for label, name in STEPS.items()}
    wanted.update({(OUTPUT / folder, label): name for (folder, label), name in OTHER_STEPS.items()})
    for (source, label), name in wanted.items():
        found = sorted(source.glob(f"*-{label}.png"))
        if not found:
            print(f"no screenshot {label!r} in {source}: run its browser test first", file=sys.stderr)
            return 1
        with Image.open(found[0]) as shot:
            scale = WIDTH / shot.width
            height = min(shot.height, int(MAX_HEIGHT / scale))
            picture = shot.convert("RGB").crop((0, 0, shot.width, height)).resize(
                (WIDTH, int(height * scale)), Image.LANCZOS)
        picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(TARGET / name, optimize=True)
        print(f"{TARGET / name}: {(TARGET / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
