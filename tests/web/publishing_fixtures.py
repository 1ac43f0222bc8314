"""Photos on the demo releases for the publishing tests: public ones and private ones to hide.

Photos are stored through the photo stage (real renditions in the test's media store)
and attached to the demo releases; the secrets are the texts and keys that must never
reach a public URL.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from press.extensions import db
from press.models import Media, Release, ReleasePhoto, Rendition
from press.photos.process import process_photo
from press.storage import FileStorage
from tests.conftest import FIXTURES

SIZES = {"thumb": 400, "web": 800}


def add_photo(app, source: Path, *, activity_id=None, caption: str, credit="Dok. Humas Pemkot Bekasi",
              is_public=False) -> Media:
    store_root = app.config["MEDIA_ROOT"]
    done = process_photo(str(source), FileStorage(store_root), sizes=SIZES, max_bytes=60 * 2**20,
                         caption=caption, credit=credit)
    facts = done.exif
    media = Media(
        sha256=done.key, activity_id=activity_id, original_filename=source.name, mime=done.mime,
        bytes=done.bytes, width=done.width, height=done.height, caption=caption, credit=credit,
        is_public=is_public, taken_at=getattr(facts, "taken_at", None),
        gps_lat=getattr(facts, "gps_lat", None), gps_lon=getattr(facts, "gps_lon", None),
    )
    db.session.add(media)
    db.session.flush()
    for variant, relpath in done.renditions.items():
        data = (Path(store_root) / relpath).read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
        db.session.add(Rendition(media_id=media.id, variant=variant, sha256=hashlib.sha256(data).hexdigest(),
                                 path=relpath, width=width, height=height, bytes=len(data)))
    db.session.flush()
    db.session.refresh(media)
    return media


def attach(release: Release, media: Media, caption: str | None = None) -> None:
    db.session.add(ReleasePhoto(release_id=release.id, media_id=media.id, position=len(release.photos), caption=caption))
    db.session.flush()


@dataclass
class Site:
    published: Release
    hidden: dict[str, Release]
    public_photos: list[Media]
    private_photos: list[Media]
    secrets: dict[str, str] = field(default_factory=dict)


def build_site(app) -> Site:
    """Call inside an app context; commits."""
    releases = {r.state: r for r in db.session.scalars(select(Release))}
    published = releases.pop("published")
    lead = add_photo(app, FIXTURES / "images/sample1.jpg", activity_id=published.activity_id,
                     caption="Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang")
    attach(published, lead)
    extra = add_photo(app, FIXTURES / "images/Landscape_0.jpg", activity_id=published.activity_id,
                      caption="Suasana diskusi di ruang rapat Bagian Humas", is_public=True)
    private = []
    for number, (state, release) in enumerate(sorted(releases.items())):
        media = add_photo(app, FIXTURES / f"images/Landscape_{number + 1}.jpg", activity_id=release.activity_id,
                          caption=f"FOTO-RAHASIA-{state.upper()} tidak boleh tampil")
        attach(release, media)
        private.append(media)
    db.session.commit()
    site = Site(published=published, hidden=releases, public_photos=[lead, extra], private_photos=private)
    for state, release in releases.items():
        body_words = release.body.split("(")[-1].rstrip(").")
        site.secrets[f"{state} body"] = body_words
        if state != "retracted":
            site.secrets[f"{state} title"] = release.title
    for media in private:
        site.secrets[f"private caption {media.id}"] = media.caption.split(" ")[0]
        for rendition in media.renditions:
            site.secrets[f"private rendition {media.id} {rendition.variant}"] = rendition.sha256
    for media in [lead, extra, *private]:
        site.secrets[f"original key {media.id}"] = media.sha256
    return site
