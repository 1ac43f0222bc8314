"""How photos enter Siaran: :func:`ingest_many`, :func:`ingest` and :func:`record`.

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

The row's EXIF, renditions, tags and index entry are written with
:mod:`press.services.media`'s helpers; media never imports this module. No Flask;
nothing here commits.
"""
from __future__ import annotations

import collections
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from press import jobs
from press.codes import MediaStatus
from press.errors import N_
from press.models import Activity, Media, User
from press.photos.errors import MESSAGES as REJECTIONS, Rejected
from press.photos.process import CheckedPhoto, ProcessedPhoto
from press.photos.worker import InProcess, check_file, process_file
from press.photos.public_meta import PublicMeta
from press.storage import StorageError, Store
from press.storage.files import content_key, file_key
from press.storage.incoming import Incoming

from . import access, licences
from .audit import record as audit
from .media import PROCESS_JOB, IngestConfig, MediaError, clean_text, describe, set_exif, sync_renditions

INGESTED, DUPLICATE, REJECTED = "ingested", "duplicate", "rejected"
STORE_FAILED = "store_failed"  # the code of a rejection by a store that cannot be written

DUPLICATE_MESSAGE = N_("Foto ini sudah ada (foto #%(id)s).")
STORE_FAILED_MESSAGE = N_("Foto tidak dapat disimpan: ruang penyimpanan penuh atau tidak dapat ditulis. "
                          "Foto yang sudah tersimpan aman; coba lagi nanti atau hubungi admin.")
METADATA_ONLY_MESSAGE = N_("Data gambar rusak, pratinjau tidak dapat dibuat; berkas asli dan datanya disimpan.")


@dataclass(frozen=True)
class BatchMeta:
    """Set once on the upload form for every photo of a batch."""

    credit: str | None = None
    copyright: str | None = None
    caption_prefix: str | None = None


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
    credit = clean_text(batch.credit) or (uploader.default_credit if uploader else None)
    return PublicMeta(
        caption=clean_text(batch.caption_prefix),
        byline=uploader.name if uploader else None,
        credit=credit,
        copyright=clean_text(batch.copyright),
    )


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
    storage: Store,
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
    meta = replace(batch_public_meta(batch, uploader), **licences.terms(licences.default_for(session, activity), None))
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
            pending.append((photo, key, executor.submit(stage, photo.source, storage.spec, options)))
        while len(pending) > ahead:
            yield settle(*pending.popleft())
    while pending:
        yield settle(*pending.popleft())


def ingest(
    session: Session,
    storage: Store,
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
    storage: Store,
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
    :func:`ingest_many` looked the bytes up before the stages ran; a photo of the same
    bytes recorded since (another process) meets the unique key: the session is rolled
    back, so call it with nothing else pending (the upload view and the CLI commit per photo)."""
    finished = isinstance(processed, ProcessedPhoto)
    media = Media(
        sha256=processed.key, activity_id=activity.id if activity else None,
        uploaded_by_id=uploader.id if uploader else None, original_filename=(filename or "")[-255:] or None,
        mime=processed.mime, bytes=processed.bytes, width=processed.width or 0, height=processed.height or 0,
        status=processed.status if finished else MediaStatus.PROCESSING,
        problems=list(processed.problems) if finished else [], caption=meta.caption, credit=meta.credit,
        copyright=meta.copyright, dhash=processed.dhash if finished else None,
        sharpness=processed.sharpness if finished else None,
        licence=licences.default_for(session, activity),
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

