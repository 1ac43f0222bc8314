"""The named crops of a photo (``CROP_SIZES``: square, portrait, landscape, story, link
preview) around its focal point, made by the ``media.crops`` job and kept as renditions
``crop-<name>`` (``press.photos.crops``).

Staff ask for them (``request_crops``), making a photo public asks for them
(``media.set_flags``) and so does publishing a release with photos (``workflow``), both
through ``crop_queue.ask_for_crops``;, and moving the focal point
(``set_focal``) remakes them; never an anonymous request. The job finds its work in the
database (``Media.crops_pending``), so a lost job is picked up by the next periodic run.
A cut from the original also keeps the photo's crop sources (private files recorded in
``Media.crop_sources``, ``keep_crop_sources``), so that every later crop, alone or not,
is cut from them; ``media_integrity`` checks them (``crop_source_problems``) and has
them made again (``remake_crop_sources``). No Flask; nothing here commits but the job's runner.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import MediaStatus
from press.config import DEFAULTS, parse_crop_sizes
from press.errors import N_, ServiceError
from press.models import Media, Rendition, User, utcnow
from press.photos.crop_sources import CropSource, kept_sources
from press.photos.crops import clamp_focal, cut_crops, is_crop, refusals, variant_of
from press.photos.errors import Rejected
from press.photos.renditions import TruncatedImage
from press.problems import problem
from press.storage import StorageError, Store, store_from_config
from press.storage.files import content_key

from . import access
from .audit import record
from .crop_queue import CROPS_JOB, ask_for_crops
from .media import public_meta

CHECK_SECONDS = 300
"""How often the job looks for crops asked for whose job was lost."""


class CropError(ServiceError):
    """Crops cannot be made or the focal point set as asked; the message says why."""


@dataclass
class CropOutcome:
    """What making one photo's crops gave: variant -> rendition, the refused crops' problems,
    and variant -> what each was cut from (a rendition's variant, or ``"original"``)."""

    made: dict[str, Rendition] = field(default_factory=dict)
    refused: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def crop_sizes(config) -> dict[str, tuple[int, int]]:
    """The configured crops (``app.config["CROP_SIZES"]``, or the defaults)."""
    sizes = config.get("CROP_SIZES") if config is not None else None
    return dict(sizes) if sizes else parse_crop_sizes(DEFAULTS["CROP_SIZES"])


def ratio_of(size: tuple[int, int]) -> float:
    return size[0] / size[1]


def parse_ratio(text: str) -> float:
    """``"4:5"`` or ``"1.91:1"`` -> 0.8 or 1.91; ``CropError`` for anything else."""
    left, _, right = (text or "").partition(":")
    try:
        value = float(left) / float(right)
    except (ValueError, ZeroDivisionError):
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise CropError(N_("Rasio %(ratio)s tidak dikenal: tulis lebar:tinggi, misalnya 4:5."), ratio=text)
    return value


def sizes_with_ratio(sizes: dict[str, tuple[int, int]], ratio: float) -> dict[str, tuple[int, int]]:
    """The crops whose aspect ratio is ``ratio`` (within 1 %)."""
    return {name: size for name, size in sizes.items() if abs(ratio_of(size) / ratio - 1) <= 0.01}


def refused_crops(media: Media, sizes: dict[str, tuple[int, int]]) -> dict[str, dict]:
    """The crops this photo is too small for, with the problem of each (no file is read)."""
    return refusals((media.width, media.height), sizes)


def request_crops(session: Session, media: Media, *, actor: User | None) -> None:
    """Staff ask for the photo's crops: the job makes them."""
    access.require_user(session, actor, "photo.edit", media, error=CropError)
    if media.status != MediaStatus.OK:
        raise CropError(N_("Foto tanpa pratinjau tidak dapat dipotong."))
    ask_for_crops(session, media)
    record(session, actor, "media.crops_requested", media)


def set_focal(session: Session, media: Media, x, y, *, actor: User | None) -> bool:
    """Move the focal point (fractions 0 … 1 of the upright width and height); crops
    already made or asked for are remade around it. False when it did not move."""
    access.require_user(session, actor, "photo.edit", media, error=CropError)
    try:
        fx, fy = float(x), float(y)
    except (TypeError, ValueError):
        fx = fy = math.nan
    if not (0 <= fx <= 1 and 0 <= fy <= 1):
        raise CropError(N_("Titik fokus harus berada di dalam foto."))
    fx, fy = round(fx, 4), round(fy, 4)
    if (media.focal_x, media.focal_y) == (fx, fy):
        return False
    media.focal_x, media.focal_y = fx, fy
    if media.crops_pending or any(is_crop(r.variant) for r in media.renditions) or media.is_public:
        ask_for_crops(session, media)
    record(session, actor, "media.focal", media, x=fx, y=fy)
    return True


def make_crops(storage: Store, media: Media, sizes: dict[str, tuple[int, int]], *,
               max_pixels: int, keep_others: bool = False,
               configured: dict[str, tuple[int, int]] | None = None) -> CropOutcome:
    """Make ``sizes`` around the focal point, each from the photo's crop sources, a stored
    rendition that covers it or else the original (``press.photos.crops.cut_crops``), and
    record them as renditions; crops no longer configured are removed unless
    ``keep_others`` (a subset asked for). The photo's crop sources are made for the
    ``configured`` crops (default: ``sizes``) when they are missing or do not fit them,
    and recorded (``keep_crop_sources``). ``CropError`` when the original is needed and
    cannot be read."""
    renditions = {r.variant: (r.width, r.height) for r in media.renditions if not is_crop(r.variant)}
    try:
        made = cut_crops(storage, media.sha256, (media.width, media.height), renditions, sizes,
                         clamp_focal(media.focal_x, media.focal_y), public_meta(media), max_pixels=max_pixels,
                         kept=kept_sources(media.crop_sources), keep_for=sizes if configured is None else configured)
        jpegs = made.jpegs
        paths = {variant_of(name): storage.put_rendition(media.sha256, variant_of(name), jpeg)
                 for name, jpeg in jpegs.items()}
        if made.new_sources:
            keep_crop_sources(storage, media, made.new_sources)
    except (Rejected, TruncatedImage, StorageError, OSError) as exc:
        raise CropError(N_("Potongan foto tidak dapat dibuat: %(error)s"), error=str(exc)) from exc
    outcome = CropOutcome(refused=made.refused, sources={variant_of(name): made.sources[name] for name in jpegs})
    rows = {r.variant: r for r in media.renditions if is_crop(r.variant)}
    for name, size in sizes.items():
        variant = variant_of(name)
        if variant not in paths:
            continue
        row = rows.pop(variant, None) or Rendition(variant=variant)
        if row.id is None:
            media.renditions.append(row)
        row.path, row.sha256, row.bytes, (row.width, row.height) = (
            paths[variant], content_key(jpegs[name]), len(jpegs[name]), size)
        outcome.made[variant] = row
    asked = {variant_of(name) for name in sizes}
    for variant, row in rows.items():
        if not keep_others or variant in asked:
            media.renditions.remove(row)
            _remove_file(storage, media.sha256, variant)
    if not keep_others:
        media.crops_pending = False
    media.updated_at = utcnow()
    return outcome


def keep_crop_sources(storage: Store, media: Media, made: dict[CropSource, bytes]) -> None:
    """Store the crop sources ``made`` as the photo's private files and record them; the
    files of those they replace are removed once the new ones are written."""
    for source, jpeg in made.items():
        storage.put_private(media.sha256, source.name, jpeg)
    old = {source.name for source in kept_sources(media.crop_sources)} - {source.name for source in made}
    media.crop_sources = [source.record() for source in made]
    for name in sorted(old):
        _remove_private(storage, media.sha256, name)


def crop_source_problems(storage: Store, media: Media) -> list[dict]:
    """What is wrong with the photo's recorded crop sources: a file gone or not the hash
    recorded (a malformed record counts as a file gone)."""
    wrong = []
    for record in media.crop_sources or ():
        source = CropSource.from_record(record)
        if source is None:
            wrong.append(problem("crop_source_missing", name=str(record)[:80]))
            continue
        try:
            with storage.open_private(media.sha256, source.name) as handle:
                data = handle.read()
        except StorageError:
            wrong.append(problem("crop_source_missing", name=source.name))
            continue
        if content_key(data) != source.sha256:
            wrong.append(problem("crop_source_hash_mismatch", name=source.name))
    return wrong


def remake_crop_sources(session: Session, storage: Store, media: Media) -> None:
    """Drop the photo's crop sources (record and files) and have the ``media.crops`` job make
    its crops again from the original, which makes new sources."""
    for source in kept_sources(media.crop_sources):
        _remove_private(storage, media.sha256, source.name)
    media.crop_sources = []
    ask_for_crops(session, media)


def _remove_private(storage: Store, key: str, name: str) -> None:
    try:
        storage.delete_private(key, name)
    except StorageError:
        pass  # a file left behind goes with the photo (``Store.delete``)


def _remove_file(storage: Store, key: str, variant: str) -> None:
    try:
        storage.delete_rendition(key, variant)
    except StorageError:
        pass


@jobs.periodic(CROPS_JOB, every=CHECK_SECONDS)
def crops_job(ctx: jobs.JobContext) -> None:
    """Make the crops of every photo that asks for them (each committed on its own)."""
    storage = store_from_config(ctx.config)
    sizes = crop_sizes(ctx.config)
    max_pixels = int(ctx.config.get("MAX_IMAGE_PIXELS") or DEFAULTS["MAX_IMAGE_PIXELS"])
    for media_id in list(ctx.session.scalars(select(Media.id).where(Media.crops_pending.is_(True)))):
        media = ctx.session.get(Media, media_id)
        media.crops_pending = False
        if media.status == MediaStatus.OK:
            try:
                make_crops(storage, media, sizes, max_pixels=max_pixels)
            except CropError:
                pass  # the original is unreadable: ``flask doctor`` reports it; asking again retries
        ctx.session.commit()

