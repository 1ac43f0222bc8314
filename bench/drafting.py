"""Benchmark of drafting: drafts per second from activities (template, context, photo
choice, database writes), the editorial checks, DOCX exports with four photos attached,
and media kits — one process, on a throw-away instance (SQLite, demo data, twelve
activities of the twelve kinds with a reviewed note and six photos each).

Run: python bench/drafting.py [--rounds N]
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, time as clock
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flask_migrate import upgrade  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from sqlalchemy import select  # noqa: E402

from press import create_app  # noqa: E402
from press.demo import load_demo  # noqa: E402
from press.extensions import db  # noqa: E402
from press.models import ACTIVITY_KINDS, Note, Unit, User, Venue  # noqa: E402
from press.services import media as media_service  # noqa: E402
from press.services import media_ingest  # noqa: E402
from press.services import release_exports, release_photos, releases  # noqa: E402
from press.services.activities import ActivityData, ParticipantData, create_activity  # noqa: E402
from press.storage import FileStorage  # noqa: E402

QUOTES = [
    {"speaker": "Lukita Harjana", "verb": "ujar", "text": "Kunjungan kali ini bermaksud untuk belajar tentang pelayanan informasi publik."},
    {"speaker": "Sajekti Rubiyah", "verb": "tambah", "text": "Humas selalu bersinergi dengan dinas-dinas terkait."},
]


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.new("RGB", (2400, 1600), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(2400), rng.randrange(1600)
        draw.rectangle((x, y, x + rng.randrange(50, 600), y + rng.randrange(50, 400)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def setup(app) -> list:
    upgrade()
    load_demo(db.session)
    unit = db.session.scalar(select(Unit).order_by(Unit.id))
    venue = db.session.scalar(select(Venue).order_by(Venue.id))
    photographer = db.session.scalar(select(User).where(User.role == "photographer"))
    storage = FileStorage(app.config["MEDIA_ROOT"])
    config = media_service.IngestConfig.from_mapping(app.config)
    activities = []
    for number, kind in enumerate(ACTIVITY_KINDS):
        activity = create_activity(db.session, ActivityData(
            title=f"Kegiatan {kind}", kind=kind, starts_on=date(2021, 9, 30), starts_at_time=clock(9),
            unit_id=unit.id, venue_id=venue.id, guest_body="PPID Utama Kabupaten Subang", topic="Keterbukaan Informasi",
            participants=[ParticipantData("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", "host"),
                          ParticipantData("Lukita Harjana", "Sekretaris Diskominfo", "Kabupaten Subang", "guest"),
                          ParticipantData("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", None, "attendee")],
        ), actor=None)
        db.session.add(Note(activity_id=activity.id, source="typed", text="-", cleaning={}, extraction={},
                            accepted={"people": [], "quotes": QUOTES}))
        for seed in range(6):
            outcome = media_ingest.ingest(db.session, storage, photo(number * 10 + seed), f"{seed}.jpg",
                                           activity=activity, uploader=photographer, config=config)
            outcome.media.credit = "Dok. Humas Pemkot Bekasi"
        activities.append(activity)
    db.session.commit()
    return activities


def measure(label: str, work, items) -> tuple[str, int, float, float]:
    seconds = []
    for item in items:
        started = time.perf_counter()
        work(item)
        seconds.append(time.perf_counter() - started)
    return label, len(seconds), statistics.median(seconds) * 1000, len(seconds) / sum(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="drafts per activity (12 activities)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{root}/b.db",
                          "MEDIA_ROOT": f"{root}/media", "INDEX_ROOT": f"{root}/search", "TESTING": True})
        with app.app_context():
            activities = setup(app)
            writer = db.session.scalar(select(User).where(User.role == "writer"))
            storage = FileStorage(app.config["MEDIA_ROOT"])
            made = []

            def draft(activity):
                release, _missing = releases.create_draft(db.session, activity, writer, signature="(Adv Humas)")
                db.session.commit()
                made.append(release)

            rows = [measure("draft from activity (template, photos, commit)", draft, activities * args.rounds)]
            for release in made[:len(activities)]:
                while len(release.photos) > 4:
                    release_photos.detach_photo(db.session, release, release.photos[-1].id, writer)
            db.session.commit()
            sample = made[:len(activities)] * args.rounds
            assert all(len(r.photos) == 4 for r in made[:len(activities)])
            rows.append(measure("editorial checks (one release)", releases.check, sample))
            rows.append(measure("DOCX export, 4 photos", lambda r: release_exports.export_docx(r, storage, office="Humas"), sample))
            rows.append(measure("media kit ZIP, 4 photos", lambda r: release_exports.export_kit(r, storage, office="Humas"), sample))
            docx_size = len(release_exports.export_docx(made[0], storage, office="Humas"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{'operation':<50} {'n':>4} {'median ms':>10} {'per s':>8}")
    for label, count, median_ms, per_second in rows:
        print(f"{label:<50} {count:>4} {median_ms:>10.1f} {per_second:>8.1f}")
    print(f"DOCX size with 4 photos (web renditions): {docx_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
