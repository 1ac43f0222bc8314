"""The ``media.process`` job: the EXIF facts, renditions, tags and index entry of uploaded photos.

The upload page stores each original and its row as ``processing``
(``media_ingest.ingest_many(..., defer_renditions=True)``) and asks for this job. The job takes
the work from the database, not from its arguments: every photo still ``processing``,
oldest first, each finished in a transaction of its own. It also runs every
``CHECK_SECONDS`` (and when a worker starts), so a photo whose job was lost
with a killed worker is finished by the next run.

Safe to run twice, even at once in two workers: the pixels are rendered outside any
transaction (each rendition file replaced atomically, the same bytes each time), then
the transaction first moves the row out of ``processing`` with a compare-and-set
``UPDATE … WHERE status = 'processing'``. Only the run that wins writes the rendition
rows, tags and index entry; the other finds the photo done and rolls back. Within one
worker process the runs share the pending photos instead of rendering the same one.

The outcome: ``ok``; ``metadata_only`` when the pixels are damaged but the photo says
when, with what or where it was taken (as inline ingest keeps such a file); otherwise
``rejected`` with the problem (``corrupt_image``, ``decompression_bomb``) in
``Media.problems``, which the upload page and the gallery show. No Flask; the job's
runner commits.
"""
from __future__ import annotations

import logging
import threading

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from press import jobs
from press.codes import MediaStatus
from press.models import Activity, Media, utcnow
from press.photos.errors import Rejected
from press.photos.exif import ExifResult
from press.photos.process import (FinishedPhoto, TruncatedImage, finish_photo, has_facts, rewrite_public_meta,
                                  stored_exif)
from press.problems import problem
from press.storage import StorageError, Store, store_from_config

from .media import (PROCESS_JOB, IngestConfig, auto_tags, describe, measure_renditions, public_meta, set_exif,
                    sync_renditions)

log = logging.getLogger(__name__)

CHECK_SECONDS = 30
_in_hand: set[int] = set()  # photos a run of this process is rendering now
_in_hand_lock = threading.Lock()


@jobs.periodic(PROCESS_JOB, every=CHECK_SECONDS)
def process_job(ctx: jobs.JobContext) -> None:
    """Finish every photo still ``processing`` (see the module doc)."""
    storage = store_from_config(ctx.config)
    config = IngestConfig.from_mapping(ctx.config)
    while (media_id := _take_next(ctx.session)) is not None:
        try:
            finish(ctx.session, storage, media_id, config)
            ctx.session.commit()
        except BaseException:
            ctx.session.rollback()
            raise
        finally:
            with _in_hand_lock:
                _in_hand.discard(media_id)


def pending(session: Session) -> list[int]:
    """The photos waiting for their renditions, oldest first."""
    return list(session.scalars(select(Media.id).where(Media.status == MediaStatus.PROCESSING).order_by(Media.id)))


def _take_next(session: Session) -> int | None:
    ids = pending(session)
    session.rollback()  # no read transaction held while the pixels are rendered
    with _in_hand_lock:
        for media_id in ids:
            if media_id not in _in_hand:
                _in_hand.add(media_id)
                return media_id
    return None


def finish(session: Session, storage: Store, media_id: int, config: IngestConfig) -> str | None:
    """Render one ``processing`` photo and record the result; the status it ends in, or
    None when it was no longer ``processing`` (another run finished it)."""
    media = session.get(Media, media_id)
    if media is None or media.status != MediaStatus.PROCESSING:
        return None
    meta = public_meta(media)
    exif: ExifResult | None = None
    try:
        exif = stored_exif(storage, media.sha256, max_pixels=config.max_pixels)
        done: FinishedPhoto | None = finish_photo(storage, media.sha256, sizes=config.sizes,
                                                  max_pixels=config.max_pixels, meta=meta)
        status, problems = MediaStatus.OK, list(done.problems)
    except TruncatedImage as exc:
        done, kept = None, has_facts(exif.facts)
        status = MediaStatus.METADATA_ONLY if kept else MediaStatus.REJECTED
        problems = [problem("pixels_damaged" if kept else "corrupt_image", error=str(exc))]
    except Rejected as rejection:
        done, status, problems = None, MediaStatus.REJECTED, [problem(rejection.code, error=rejection.detail)]
    except (StorageError, OSError, ValueError, MemoryError) as exc:
        log.warning("photo %s could not be rendered: %s", media_id, exc)
        done, status, problems = None, MediaStatus.REJECTED, [problem("corrupt_image", error=str(exc))]
    # Everything that reads files or the database is done before the compare-and-set
    # UPDATE takes SQLite's write lock: uploads and other jobs wait only for the writes.
    measured = measure_renditions(storage, media.sha256, done.renditions) if done is not None else None
    activity = session.get(Activity, media.activity_id) if media.activity_id else None
    tags = None
    if status != MediaStatus.REJECTED:
        with session.no_autoflush:
            if exif is not None:
                set_exif(media, exif.facts, exif.problems)
            tags = auto_tags(session, media, activity, config.venue_radius_m)
        session.expire(media)  # written again below, after the compare-and-set
    claimed = session.execute(update(Media).where(Media.id == media_id, Media.status == MediaStatus.PROCESSING)
                              .values(status=status, updated_at=utcnow()).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        session.rollback()
        return None
    session.refresh(media)
    if done is not None and public_meta(media) != meta:  # the caption or credit changed meanwhile
        done.renditions = rewrite_public_meta(storage, media.sha256, public_meta(media))
        measured = None
    media.status = status
    media.problems = list(media.problems or []) + problems
    if exif is not None:
        set_exif(media, exif.facts, exif.problems)
    if done is not None:
        media.dhash, media.sharpness = done.dhash, done.sharpness
        sync_renditions(storage, media, done.renditions, measured)
    if status != MediaStatus.REJECTED:
        describe(session, media, activity, config, tags)
    session.flush()
    return status
