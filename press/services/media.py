"""Photos as the domain sees them: captions, people, flags, auto-tags, near-duplicates.

How photos enter (:func:`~press.services.media_ingest.ingest_many`) is
:mod:`press.services.media_ingest`; the ``media.process`` job that finishes an upload is
:mod:`press.services.media_processing`. Both build on the helpers here (``set_exif``,
``sync_renditions``, ``describe``, ``IngestConfig``). The integrity of stored photos
(verify, repairs, rebuilding renditions) is :mod:`press.services.media_integrity`, which
builds on this module. No Flask; nothing here commits.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, selectinload

from press import dates
from press.codes import MediaStatus
from press.config import DEFAULTS
from press.errors import N_, ServiceError
from press.numbers import parse_id
from press.models import Activity, Media, Rendition, User, Venue, utcnow
from press.photos.crops import is_crop
from press.photos.exif import ExifFacts
from press.photos.process import rewrite_public_meta
from press.photos.public_meta import PublicMeta
from press.photos.quality import near_duplicate
from press.storage import StorageError, Store
from press.storage.files import content_key

from . import access, licences, photo_corrections
from . import public as public_rule
from .crop_queue import ask_for_crops
from .audit import record as audit
from .indexing import enqueue_index
from .people import named_people
from .tags import attach_tags

PROCESS_JOB = "media.process"  # makes the renditions of photos stored as ``processing``


class MediaError(ServiceError):
    pass


UNKNOWN_PEOPLE = N_("Orang yang dipilih tidak ada di daftar.")


@dataclass(frozen=True)
class IngestConfig:
    sizes: dict
    max_bytes: int
    max_pixels: int = DEFAULTS["MAX_IMAGE_PIXELS"]
    venue_radius_m: float = 300

    @classmethod
    def from_mapping(cls, config) -> "IngestConfig":
        """From the application's configuration (``app.config`` or a dict)."""
        return cls(
            sizes=dict(config["RENDITION_SIZES"]),
            max_bytes=int(config["MAX_UPLOAD_BYTES"]),
            max_pixels=int(config.get("MAX_IMAGE_PIXELS") or DEFAULTS["MAX_IMAGE_PIXELS"]),
            venue_radius_m=float(config.get("VENUE_RADIUS_M") or 0),
        )

    def process_options(self, meta: PublicMeta) -> dict:
        return {
            "sizes": self.sizes, "max_bytes": self.max_bytes, "max_pixels": self.max_pixels,
            **vars(meta),
        }


def public_meta(media: Media) -> PublicMeta:
    """The caption, by-line, credit, copyright and usage terms a photo's public renditions carry."""
    uploader = media.uploaded_by_id and media_uploader(media)
    return PublicMeta(
        caption=media.caption or None,
        byline=uploader.name if uploader else None,
        credit=media.credit or None,
        copyright=media.copyright or None,
        **licences.terms(media.licence, media.restrictions),
    )


def media_uploader(media: Media) -> User | None:
    session = object_session(media)
    return session.get(User, media.uploaded_by_id) if session and media.uploaded_by_id else None


def set_exif(media: Media, facts: ExifFacts, problems) -> None:
    """Write a photo's EXIF facts and the problems met reading them onto its row."""
    media.taken_at, media.taken_at_offset = facts.taken_at, facts.utc_offset_minutes
    media.make, media.model, media.lens = facts.make, facts.model, facts.lens
    media.exposure_time, media.f_number, media.iso = facts.exposure_time, facts.f_number, facts.iso
    media.focal_length, media.orientation = facts.focal_length_mm, facts.orientation
    media.gps_lat, media.gps_lon = facts.gps_lat, facts.gps_lon
    media.exif_problems = list(problems)


def describe(session: Session, media: Media, activity: Activity | None, config: IngestConfig,
             tags: list[tuple[str, str, str]] | None = None) -> None:
    """A photo's automatic tags (``tags`` when worked out beforehand) and its index entry,
    once its pixels have been rendered."""
    if tags is None:
        tags = auto_tags(session, media, activity, config.venue_radius_m)
    attach_tags(session, "media", media.id, tags)
    enqueue_index(session, "photo", media.id)


@dataclass(frozen=True)
class RenditionFacts:
    """What a rendition file is: where, its hash, size and dimensions."""

    path: str
    sha256: str
    bytes: int
    width: int
    height: int


def measure_renditions(storage: Store, sha256: str, paths: dict[str, str]) -> dict[str, RenditionFacts]:
    """Read each rendition file of a photo for its row (no database: the job measures them
    before it takes the write lock)."""
    from PIL import Image

    facts = {}
    for variant, relpath in sorted(paths.items()):
        with storage.open_rendition(sha256, variant) as handle:
            data = handle.read()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
        facts[variant] = RenditionFacts(relpath, content_key(data), len(data), width, height)
    return facts


def sync_renditions(storage: Store, media: Media, paths: dict[str, str],
                    measured: dict[str, RenditionFacts] | None = None) -> None:
    """Make the rendition rows say what the files are (hash, size, dimensions); ``measured``
    when :func:`measure_renditions` already read them."""
    if measured is None:
        measured = measure_renditions(storage, media.sha256, paths)
    rows = {r.variant: r for r in media.renditions}
    for variant, facts in measured.items():
        row = rows.pop(variant, None)
        if row is None:
            row = Rendition(variant=variant)
            media.renditions.append(row)
        row.path, row.sha256, row.bytes, row.width, row.height = (
            facts.path, facts.sha256, facts.bytes, facts.width, facts.height)
    for stale in rows.values():
        if not is_crop(stale.variant):  # the crops are the ``media.crops`` job's (``services.crops``)
            media.renditions.remove(stale)
    media.updated_at = utcnow()


# -- auto-tags ------------------------------------------------------------------------

def kind_name(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def auto_tags(session: Session, media: Media, activity: Activity | None, radius_m: float) -> list[tuple[str, str, str]]:
    """``(kind, name, source)``: date and camera from EXIF, the activity's kind, unit,
    venue and people present, and the registered venue nearest the GPS position."""
    tags = []
    if media.taken_at:
        tags += [("date", str(media.taken_at.year), "exif"),
                 ("date", dates.month_label(media.taken_at.year, media.taken_at.month, "id"), "exif")]
    camera = camera_name(media.make, media.model)
    if camera:
        tags.append(("camera", camera, "exif"))
    if activity is not None:
        tags.append(("kind", kind_name(activity.kind), "activity"))
        if activity.unit is not None:
            tags.append(("unit", activity.unit.name, "activity"))
        if activity.venue is not None:
            tags.append(("venue", activity.venue.name, "activity"))
        tags += [("person", p.name, "activity") for p in activity.participants]
    venue = venue_near(session, media.gps_lat, media.gps_lon, radius_m)
    if venue is not None:
        tags.append(("venue", venue.name, "gps"))
    return tags


def camera_name(make: str | None, model: str | None) -> str | None:
    """``Canon Canon EOS R`` -> ``Canon EOS R``: the make once."""
    make, model = (make or "").strip(), (model or "").strip()
    if model and make and model.lower().startswith(make.split()[0].lower()):
        return model
    return " ".join(x for x in (make, model) if x) or None


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(a)))


def venue_near(session: Session, lat: float | None, lon: float | None, radius_m: float) -> Venue | None:
    """The registered venue closest to ``(lat, lon)`` within ``radius_m``, or None."""
    if lat is None or lon is None or not radius_m:
        return None
    venues = session.scalars(select(Venue).where(Venue.latitude.is_not(None), Venue.longitude.is_not(None)))
    best = None
    for venue in venues:
        metres = distance_m(lat, lon, venue.latitude, venue.longitude)
        if metres <= radius_m and (best is None or metres < best[0]):
            best = (metres, venue)
    return best[1] if best else None


# -- editing --------------------------------------------------------------------------

def update_text(session: Session, storage: Store, media: Media, *, actor: User | None,
                caption: str | None, credit: str | None, copyright: str | None,
                correction_note: str | None = None) -> bool:
    """Change caption/credit/copyright and rewrite the public renditions' metadata.
    Returns False when nothing changed. For a photo published releases show, the
    change is a correction of each, with ``correction_note`` (``photo_corrections``)."""
    values = {"caption": clean_text(caption, multiline=True), "credit": clean_text(credit), "copyright": clean_text(copyright)}
    if len(values["credit"] or "") > 200 or len(values["copyright"] or "") > 200:
        raise MediaError(N_("Kredit dan hak cipta paling panjang 200 karakter."))
    if len(values["caption"] or "") > 5000:
        raise MediaError(N_("Keterangan foto paling panjang 5000 karakter."))
    changed = {k: v for k, v in values.items() if getattr(media, k) != v}
    if not changed:
        return False
    access.require_user(session, actor, "photo.edit", media, error=MediaError)
    photo_corrections.correct_text(session, media, actor, correction_note, sorted(changed))
    for name, value in changed.items():
        setattr(media, name, value)
    if media.renditions:
        try:
            paths = rewrite_public_meta(storage, media.sha256, public_meta(media))
        except (StorageError, OSError) as exc:
            raise MediaError(N_("Metadata foto tidak dapat ditulis ulang: %(error)s"), error=str(exc)) from exc
        sync_renditions(storage, media, paths)
    audit(session, actor, "media.update", media, fields=sorted(changed))
    enqueue_index(session, "photo", media.id)
    return True


def set_people(session: Session, media: Media, person_ids, *, actor: User | None) -> None:
    """The people in the photo, from the register (unknown or malformed ids are refused)."""
    parsed = {parse_id(i) for i in person_ids}
    people = None if None in parsed else named_people(session, parsed)
    if people is None:
        raise MediaError(UNKNOWN_PEOPLE)
    access.require_user(session, actor, "photo.edit", media, error=MediaError)
    media.people = people
    audit(session, actor, "media.people", media, people=[p.id for p in people])
    enqueue_index(session, "photo", media.id)


def set_flags(session: Session, media: Media, *, actor: User | None,
              public: bool | None = None, highlight: bool | None = None) -> None:
    """Mark a photo public (journalists see it) and/or as a highlight."""
    if public is not None and media.status != MediaStatus.OK and public:
        raise MediaError(N_("Foto tanpa pratinjau tidak dapat dipublikasikan."))
    if public:
        public_rule.require_publishable(media)
    if public is False:
        photo_corrections.check_withdrawal(session, media, actor)
    if public is not None:
        access.require_user(session, actor, "photo.publish", media, error=MediaError)
    if public and not media.is_public:
        ask_for_crops(session, media)
    if highlight is not None:
        access.require_user(session, actor, "photo.edit", media, error=MediaError)
    if public is not None:
        media.is_public = bool(public)
    if highlight is not None:
        media.is_highlight = bool(highlight)
    audit(session, actor, "media.flags", media, public=media.is_public, highlight=media.is_highlight)
    enqueue_index(session, "photo", media.id)


# -- reading --------------------------------------------------------------------------

def gallery(session: Session, activity_id: int) -> list[Media]:
    """An activity's photos in taken-at order (photos without a time last, by upload)."""
    rows = session.scalars(
        select(Media).where(Media.activity_id == activity_id)
        .options(selectinload(Media.renditions), selectinload(Media.people))
    )
    return sorted(rows, key=_taken_order)


def _taken_order(media: Media):
    return (media.taken_at is None, media.taken_at or datetime.min, media.created_at or datetime.min, media.id)


def near_duplicate_groups(photos: list[Media]) -> list[list[Media]]:
    """Groups of near-duplicate photos (``press.photos.quality.near_duplicate``), sharpest
    first; photos with no near twin are left out. Groups in order of their best photo."""
    hashed = [m for m in photos if m.dhash]
    parent = list(range(len(hashed)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(hashed)):
        for j in range(i + 1, len(hashed)):
            if near_duplicate(hashed[i].dhash, hashed[j].dhash):
                parent[root(j)] = root(i)
    groups: dict[int, list[Media]] = {}
    for i, media in enumerate(hashed):
        groups.setdefault(root(i), []).append(media)
    result = [sorted(g, key=lambda m: (-(m.sharpness or 0), m.id)) for g in groups.values() if len(g) > 1]
    return sorted(result, key=lambda g: g[0].id)


def clean_text(value: str | None, multiline: bool = False) -> str | None:
    """Whitespace runs as one space (``multiline``: per line), and empty as None."""
    if value is None:
        return None
    if multiline:
        text = "\n".join(" ".join(line.split()) for line in str(value).replace("\r\n", "\n").split("\n")).strip()
    else:
        text = " ".join(str(value).split())
    return text or None
