"""Photos as the domain sees them: ingest, captions, people, flags, near-duplicates.

:func:`ingest_many` is the one way photos enter Siaran: the upload page, ``flask media
import`` and the demo loader call it (:func:`ingest` is the same for one file). The
bytes are hashed first: a photo already stored is a duplicate before any pixel is
decoded. Otherwise the photo stages (:func:`press.photos.worker.process_file`, run by the
caller's executor: in this process, or worker processes) store the original and its
renditions, and only then is the row added here, so a row never names a blob that is not
there. Two uploads of the same bytes at once (two gunicorn workers) meet at the unique
``media.sha256``: the loser's flush fails, its session is rolled back and it reports a
duplicate of the winner.

With ``defer_renditions`` (the upload page) only the quick half runs before the row is
added (:func:`press.photos.worker.check_file`: size, type, the header's pixel count, the
original stored; an upload received into the store as it arrived, ``Incoming``, is kept
where it is and not hashed again): the row says ``processing`` and the ``media.process``
job (:mod:`press.services.media_processing`) reads its EXIF and makes the renditions,
tags and index entry, so the upload is answered in the time it takes to store the file. ``flask media import`` and
the demo loader process inline (a batch on all cores, every photo finished when it ends).

The integrity of stored photos (verify, repairs, rebuilding renditions) is
:mod:`press.services.media_integrity`, which builds on this module. No Flask; nothing
here commits.
"""
from __future__ import annotations

import collections
import io
import math
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session, selectinload

from press import dates, jobs
from press.codes import MediaStatus
from press.config import DEFAULTS
from press.errors import N_, ServiceError
from press.numbers import parse_id
from press.models import Activity, Media, Person, Rendition, User, Venue, utcnow
from press.photos.errors import MESSAGES as REJECTIONS, Rejected
from press.photos.exif import ExifFacts
from press.photos.process import CheckedPhoto, ProcessedPhoto, rewrite_public_meta
from press.photos.worker import InProcess, check_file, process_file
from press.photos.public_meta import PublicMeta
from press.photos.quality import near_duplicate
from press.storage import FileStorage, Incoming, StorageError, content_key, file_key

from . import access, photo_corrections
from .audit import record as audit
from .indexing import enqueue_index
from .tags import attach_tags

INGESTED, DUPLICATE, REJECTED = "ingested", "duplicate", "rejected"
PROCESS_JOB = "media.process"  # makes the renditions of photos stored as ``processing``
STORE_FAILED = "store_failed"  # the code of a rejection by a store that cannot be written

DUPLICATE_MESSAGE = N_("Foto ini sudah ada (foto #%(id)s).")
STORE_FAILED_MESSAGE = N_("Foto tidak dapat disimpan: ruang penyimpanan penuh atau tidak dapat ditulis. "
                          "Foto yang sudah tersimpan aman; coba lagi nanti atau hubungi admin.")
METADATA_ONLY_MESSAGE = N_("Data gambar rusak, pratinjau tidak dapat dibuat; berkas asli dan datanya disimpan.")


class MediaError(ServiceError):
    pass


@dataclass(frozen=True)
class BatchMeta:
    """Set once on the upload form for every photo of a batch."""

    credit: str | None = None
    copyright: str | None = None
    caption_prefix: str | None = None


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
            "caption": meta.caption, "byline": meta.byline, "credit": meta.credit, "copyright": meta.copyright,
        }


@dataclass
class IngestOutcome:
    """``outcome`` is ingested, duplicate or rejected; ``reason`` a msgid with ``params``
    (translate with ``gettext(reason, **params)``), ``detail`` what exactly was found."""

    file: str
    outcome: str
    media: Media | None = None
    reason: str | None = None
    params: dict = field(default_factory=dict)
    code: str | None = None
    detail: str | None = None
    processed: ProcessedPhoto | None = None

    def reason_text(self) -> str | None:
        """The reason in Indonesian, untranslated context (CLI, logs)."""
        if not self.reason:
            return None
        text = self.reason % self.params if self.params else self.reason
        return f"{text} ({self.detail})" if self.detail else text


def batch_public_meta(batch: BatchMeta, uploader: User | None) -> PublicMeta:
    """What the batch writes into each photo's public renditions."""
    credit = _clean(batch.credit) or (uploader.default_credit if uploader else None)
    return PublicMeta(
        caption=_clean(batch.caption_prefix),
        byline=uploader.name if uploader else None,
        credit=credit,
        copyright=_clean(batch.copyright),
    )


def public_meta(media: Media) -> PublicMeta:
    """The caption, by-line, credit and copyright a photo's public renditions carry."""
    uploader = media.uploaded_by_id and media_uploader(media)
    return PublicMeta(
        caption=media.caption or None,
        byline=uploader.name if uploader else None,
        credit=media.credit or None,
        copyright=media.copyright or None,
    )


def media_uploader(media: Media) -> User | None:
    session = object_session(media)
    return session.get(User, media.uploaded_by_id) if session and media.uploaded_by_id else None


def rejection_outcome(filename: str, rejection: Rejected) -> IngestOutcome:
    return IngestOutcome(
        file=filename, outcome=REJECTED, reason=rejection.message_id, params=rejection.params,
        code=rejection.code, detail=rejection.detail or None,
    )


def duplicate_outcome(filename: str, media: Media) -> IngestOutcome:
    """The same bytes as ``media``; when that photo was rejected, this file is refused alike."""
    if media.status == MediaStatus.REJECTED:
        code = next((p["code"] for p in media.problems or [] if p.get("code") in REJECTIONS), "corrupt_image")
        return IngestOutcome(file=filename, outcome=REJECTED, media=media, reason=REJECTIONS[code], code=code)
    return IngestOutcome(file=filename, outcome=DUPLICATE, media=media, reason=DUPLICATE_MESSAGE,
                         params={"id": media.id}, code="duplicate")


def find_by_sha256(session: Session, sha256: str) -> Media | None:
    return session.scalar(select(Media).where(Media.sha256 == sha256))


@dataclass(frozen=True)
class PhotoFile:
    """One photo to ingest: ``name`` is the file name recorded on the row, ``source`` a
    path or the file's bytes."""

    name: str
    source: str | os.PathLike | bytes


def ingest_many(
    session: Session,
    storage: FileStorage,
    files: Iterable[PhotoFile],
    *,
    activity: Activity | None,
    uploader: User | None,
    batch: BatchMeta = BatchMeta(),
    config: IngestConfig,
    executor: Executor | None = None,
    ahead: int = 0,
    defer_renditions: bool = False,
) -> Iterator[IngestOutcome]:
    """Ingest ``files``, yielding one outcome per file in their order; never raises for
    a bad file.

    ``executor`` runs the photo stages (``process_file``): None runs them here, one file
    at a time; a process pool (:func:`press.photos.worker.process_pool`) runs up to
    ``ahead`` files beyond the one being recorded. ``files`` is read lazily. The caller
    commits after each outcome (the web layer and the CLI do; the next row is written only
    when the next outcome is asked for), because a lost race for the same bytes rolls the
    session back. The same bytes twice in one batch: the second is a duplicate of the first.
    ``defer_renditions``: store each original and its row as ``processing`` and leave the
    rest to the ``media.process`` job (see the module doc)."""
    access.require_user(session, uploader, "photo.upload", activity, error=MediaError)
    executor = executor or InProcess()
    stage = check_file if defer_renditions else process_file
    meta = batch_public_meta(batch, uploader)
    options = config.process_options(meta)
    pending: collections.deque = collections.deque()  # (file, key, future or finished outcome)
    processing: set[str] = set()

    def settle(photo: PhotoFile, key: str | None, job) -> IngestOutcome:
        if isinstance(job, IngestOutcome):
            return job
        processing.discard(key)
        try:
            result = job.result()
        except StorageError as exc:  # a full or read-only disk: nothing of this file was kept
            return IngestOutcome(file=photo.name, outcome=REJECTED, reason=STORE_FAILED_MESSAGE,
                                 code=STORE_FAILED, detail=str(exc))
        if isinstance(result, Rejected):
            return rejection_outcome(photo.name, result)
        return record(session, storage, result, photo.name, activity=activity, uploader=uploader,
                      meta=meta, config=config)

    for photo in files:
        key = _sha256(photo.source, config.max_bytes)
        if key in processing:  # the same bytes earlier in this batch: record those first
            while pending:
                yield settle(*pending.popleft())
        existing = find_by_sha256(session, key) if key else None
        if existing is not None:
            pending.append((photo, key, duplicate_outcome(photo.name, existing)))
        else:
            if key:
                processing.add(key)
            pending.append((photo, key, executor.submit(stage, photo.source, storage.root, options)))
        while len(pending) > ahead:
            yield settle(*pending.popleft())
    while pending:
        yield settle(*pending.popleft())


def ingest(
    session: Session,
    storage: FileStorage,
    source,
    filename: str,
    *,
    activity: Activity | None,
    uploader: User | None,
    batch: BatchMeta = BatchMeta(),
    config: IngestConfig,
) -> IngestOutcome:
    """Ingest one photo (a path or bytes) in this process: :func:`ingest_many` of one."""
    (outcome,) = ingest_many(session, storage, [PhotoFile(filename, source)], activity=activity,
                             uploader=uploader, batch=batch, config=config)
    return outcome


def _sha256(source, max_bytes: int) -> str | None:
    """The key of a file the size limit allows (None: the stages will say what is wrong)."""
    try:
        if isinstance(source, Incoming):  # hashed as it was received
            return source.key if 0 < source.size <= max_bytes else None
        if isinstance(source, (bytes, bytearray, memoryview)):
            return content_key(source) if 0 < len(source) <= max_bytes else None
        return file_key(source) if 0 < os.path.getsize(source) <= max_bytes else None
    except OSError:
        return None


def record(
    session: Session,
    storage: FileStorage,
    processed: ProcessedPhoto | CheckedPhoto,
    filename: str,
    *,
    activity: Activity | None,
    uploader: User | None,
    meta: PublicMeta,
    config: IngestConfig,
) -> IngestOutcome:
    """Add the row of a photo the stages have stored (blob and renditions exist; for a
    ``CheckedPhoto`` only the blob, and the row waits for the ``media.process`` job).

    The row, its renditions, tags, audit event and index entry go in one transaction.
    When another process wins the race for the same bytes the session is rolled back,
    so call it with nothing else pending (the upload view and the CLI commit per photo)."""
    existing = find_by_sha256(session, processed.key)
    if existing is not None:
        return duplicate_outcome(filename, existing)
    finished = isinstance(processed, ProcessedPhoto)
    media = Media(
        sha256=processed.key, activity_id=activity.id if activity else None,
        uploaded_by_id=uploader.id if uploader else None, original_filename=(filename or "")[-255:] or None,
        mime=processed.mime, bytes=processed.bytes, width=processed.width or 0, height=processed.height or 0,
        status=processed.status if finished else MediaStatus.PROCESSING,
        problems=list(processed.problems) if finished else [], caption=meta.caption, credit=meta.credit,
        copyright=meta.copyright, dhash=processed.dhash if finished else None,
        sharpness=processed.sharpness if finished else None,
    )
    if finished:
        set_exif(media, processed.exif, processed.exif_problems)
    session.add(media)
    try:
        session.flush()
    except IntegrityError:
        # Another process recorded the same bytes between our check and our insert. No
        # savepoint: SQLite's driver would commit the row when releasing it, before its
        # renditions; the whole session is rolled back instead (see ``record``).
        session.rollback()
        winner = find_by_sha256(session, processed.key)
        if winner is None:
            raise
        return duplicate_outcome(filename, winner)
    audit(session, uploader, "media.ingest", media, file=filename, activity_id=media.activity_id,
          status=media.status)
    if not finished:
        jobs.after_commit(session, PROCESS_JOB)
        return IngestOutcome(file=filename, outcome=INGESTED, media=media)
    sync_renditions(storage, media, processed.renditions)
    describe(session, media, activity, config)
    outcome = IngestOutcome(file=filename, outcome=INGESTED, media=media, processed=processed)
    if media.status == MediaStatus.METADATA_ONLY:
        outcome.reason = METADATA_ONLY_MESSAGE
    return outcome


def set_exif(media: Media, facts: ExifFacts, problems) -> None:
    """Write a photo's EXIF facts and the problems met reading them onto its row."""
    media.taken_at, media.taken_at_offset = facts.taken_at, facts.utc_offset_minutes
    media.make, media.model, media.lens = facts.make, facts.model, facts.lens
    media.exposure_time, media.f_number, media.iso = facts.exposure_time, facts.f_number, facts.iso
    media.focal_length, media.orientation = facts.focal_length_mm, facts.orientation
    media.gps_lat, media.gps_lon = facts.gps_lat, facts.gps_lon
    media.exif_problems = list(problems)


def describe(session: Session, media: Media, activity: Activity | None, config: IngestConfig) -> None:
    """A photo's automatic tags and its index entry, once its pixels have been rendered."""
    attach_tags(session, "media", media.id, auto_tags(session, media, activity, config.venue_radius_m))
    enqueue_index(session, "photo", media.id)


def sync_renditions(storage: FileStorage, media: Media, paths: dict[str, str]) -> None:
    """Make the rendition rows say what the files are (hash, size, dimensions)."""
    from PIL import Image

    rows = {r.variant: r for r in media.renditions}
    for variant, relpath in sorted(paths.items()):
        with storage.open_rendition(media.sha256, variant) as handle:
            data = handle.read()
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
        row = rows.pop(variant, None)
        if row is None:
            row = Rendition(variant=variant)
            media.renditions.append(row)
        row.path, row.sha256, row.bytes, row.width, row.height = (
            relpath, content_key(data), len(data), width, height)
    for stale in rows.values():
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

def update_text(session: Session, storage: FileStorage, media: Media, *, actor: User | None,
                caption: str | None, credit: str | None, copyright: str | None,
                correction_note: str | None = None) -> bool:
    """Change caption/credit/copyright and rewrite the public renditions' metadata.
    Returns False when nothing changed. For a photo published releases show, the
    change is a correction of each, with ``correction_note`` (``photo_corrections``)."""
    values = {"caption": _clean(caption, multiline=True), "credit": _clean(credit), "copyright": _clean(copyright)}
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
    ids = sorted(i for i in parsed if i is not None)
    people = list(session.scalars(select(Person).where(Person.id.in_(ids)))) if ids else []
    if None in parsed or len(people) != len(ids):
        raise MediaError(N_("Orang yang dipilih tidak ada di daftar."))
    access.require_user(session, actor, "photo.edit", media, error=MediaError)
    media.people = people
    audit(session, actor, "media.people", media, people=ids)
    enqueue_index(session, "photo", media.id)


def set_flags(session: Session, media: Media, *, actor: User | None,
              public: bool | None = None, highlight: bool | None = None) -> None:
    """Mark a photo public (journalists see it) and/or as a highlight."""
    if public is not None and media.status != MediaStatus.OK and public:
        raise MediaError(N_("Foto tanpa pratinjau tidak dapat dipublikasikan."))
    if public is False:
        photo_corrections.check_withdrawal(session, media, actor)
    if public is not None:
        access.require_user(session, actor, "photo.publish", media, error=MediaError)
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


def _clean(value: str | None, multiline: bool = False) -> str | None:
    if value is None:
        return None
    if multiline:
        text = "\n".join(" ".join(line.split()) for line in str(value).replace("\r\n", "\n").split("\n")).strip()
    else:
        text = " ".join(str(value).split())
    return text or None
