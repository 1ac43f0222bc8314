"""Photo desk benchmark: a bulk edit of 200 photos, its undo, against Pillow re-saving the same
JPEGs; then the crops of 24 MP photos per ratio, cut alone as ``make_crops`` cuts them:
from the photo's kept crop sources, from the print rendition when there are none, from
the original when there is neither, with the source each used, and the job's own cost of
making the sources, against the renditions' own cost and the decode floors
(``bench/support/crop_bench.py``, whose docstring says its method).

    python bench/photo_desk.py [--photos N] [--size 2400x1600] [--no-crops] [--crop-photos N]

Builds a throw-away instance (migrated SQLite, the demo accounts) under a temporary
folder, ingests N camera-like photos (default 200 of 2400x1600, so each has a 400 px
thumb and a 1600 px web rendition) into one activity, then times, on one core:

- ``apply``: ``bulk_edit.apply`` of a caption prefix, a credit and a licence to every
  photo, as the central editor, and its commit (the job is queued, not run);
- ``rewrite``: the ``photos.bulk-render`` job's work, every public rendition's metadata
  rewritten (``bulk_edit.render_pending`` until nothing is pending), commits included;
- ``undo``: ``bulk_edit.undo`` and the rewrite of the renditions it restores.

The yardstick, in the same process on the same rendition files: Pillow opening each
JPEG and saving it again with the same caption, credit and licence in its EXIF and XMP
(a re-encode, what a tool without segment surgery does). Target: the bulk edit of 200
photos (apply + rewrite) under 20 s on one core.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def photo(seed: int, size: tuple[int, int]) -> bytes:
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(small)
    for _ in range(30):
        x, y, r = rng.randrange(small.width), rng.randrange(small.height), rng.randrange(5, 60)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = small.filter(ImageFilter.GaussianBlur(2)).resize(size, Image.Resampling.BICUBIC)
    image = Image.blend(image, Image.effect_noise(size, 24).convert("RGB"), 0.15)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--size", default="2400x1600")
    parser.add_argument("--crops", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the crops of 24 MP photos per ratio (bench/support/crop_bench.py)")
    parser.add_argument("--crop-photos", type=int, default=3)
    args = parser.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from flask_migrate import upgrade
    from PIL import Image
    from sqlalchemy import select

    from press import create_app
    from press.demo import load_demo
    from press.extensions import db
    from press.models import Activity, Media, User
    from press.services import bulk_edit
    from press.services import media as media_service
    from press.services import media_ingest
    from press.storage import FileStorage

    root = Path(tempfile.mkdtemp(prefix="bench-photo-desk-"))
    app = create_app({"ENV": "testing", "TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{root / 'db.sqlite'}",
                      "MEDIA_ROOT": str(root / "media"), "INDEX_ROOT": str(root / "search"),
                      "JOBS_URL": f"sqlite:///{root / 'jobs.db'}", "GLOSSARY_PATH": str(root / "glossary.json")})
    with app.app_context():
        upgrade()
        load_demo(db.session)
        db.session.commit()
        activity = db.session.scalar(select(Activity).order_by(Activity.id))
        photographer = db.session.scalar(select(User).where(User.role == "photographer"))
        editor = db.session.scalar(select(User).where(User.email == "redaktur@siaran.test"))
        store = FileStorage(app.config["MEDIA_ROOT"])
        config = media_service.IngestConfig.from_mapping(app.config)
        print(f"ingesting {args.photos} photos of {size[0]}x{size[1]} …", file=sys.stderr)
        files = (media_ingest.PhotoFile(f"b{n}.jpg", photo(n, size)) for n in range(args.photos))
        ids = []
        for outcome in media_ingest.ingest_many(db.session, store, files, activity=activity, uploader=photographer,
                                                batch=media_ingest.BatchMeta(credit="Humas"), config=config):
            db.session.commit()
            ids.append(outcome.media.id)
        renditions = sum(len(m.renditions) for m in db.session.scalars(select(Media).where(Media.id.in_(ids))))

        def rewrite(edit) -> None:
            while bulk_edit.render_pending(db.session, store, edit):
                db.session.commit()

        changes = bulk_edit.Changes(caption="HUT Kota ke-28:", caption_mode="prefix", credit="Dok. Humas Pemkot",
                                    licence="cc-by-4.0")
        start = time.perf_counter()
        edit = bulk_edit.apply(db.session, editor, ids, changes, activity_id=activity.id)
        db.session.commit()
        applied = time.perf_counter()
        rewrite(edit)
        rewritten = time.perf_counter()
        bulk_edit.undo(db.session, editor, edit)
        db.session.commit()
        rewrite(edit)
        undone = time.perf_counter()
        assert not edit.pending and len(edit.photos) == len(ids)

        paths = [Path(store.root) / r.path for m in db.session.scalars(select(Media).where(Media.id.in_(ids)))
                 for r in m.renditions]
        exif = Image.Exif()
        exif[0x010E], exif[0x8298] = "HUT Kota ke-28: foto", "Dok. Humas Pemkot"
        xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
               '<rdf:Description xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">'
               '<xmpRights:UsageTerms>CC BY 4.0.</xmpRights:UsageTerms></rdf:Description></rdf:RDF></x:xmpmeta>').encode()
        yard_start = time.perf_counter()
        for path in paths:
            with Image.open(path) as image:
                image.save(io.BytesIO(), "JPEG", quality=85, exif=exif, xmp=xmp)
        yardstick = time.perf_counter() - yard_start

    total = rewritten - start
    rows = [
        ("bulk edit: apply + commit", applied - start, None),
        ("bulk edit: renditions rewritten", rewritten - applied, renditions / (rewritten - applied)),
        ("bulk edit of the photos (apply + rewrite)", total, renditions / total),
        ("undo + its rewrite", undone - rewritten, renditions / (undone - rewritten)),
        ("yardstick: Pillow re-saving the same JPEGs", yardstick, len(paths) / yardstick),
    ]
    print(f"{args.photos} photos, {renditions} renditions; one core; load average {os.getloadavg()[0]:.2f}")
    print(f"{'':45} {'seconds':>8} {'renditions/s':>13}")
    for name, seconds, rate in rows:
        print(f"{name:45} {seconds:8.2f} {('%.0f' % rate) if rate else '':>13}")
    print(f"bulk edit / yardstick: {total / yardstick:.2f}x; target < 20 s for 200 photos: "
          f"{'met' if total < 20 * args.photos / 200 else 'missed'}")
    if args.crops:
        from bench.support.crop_bench import crop_table, print_table

        print()
        print_table(crop_table(args.crop_photos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
