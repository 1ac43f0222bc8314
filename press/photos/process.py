"""The CPU side of ingest for one photo, callable from a worker process.

``process_photo`` runs sniff -> open -> EXIF -> decode + renditions -> store and
returns a picklable ``ProcessedPhoto`` or raises ``Rejected``; nothing is written to
the store for a rejected file. Database rows, dedupe and tags belong to the caller.
The same work in two halves, for an upload that is answered before its renditions
exist: ``check_photo`` (size -> sniff -> header and pixel limit -> the original stored)
and later ``stored_exif`` and ``finish_photo`` (EXIF, decode + renditions from the
stored original).

A photo whose pixel data is cut short or damaged but whose metadata says something
(when, which camera, where) is kept as ``MediaStatus.METADATA_ONLY``: the original and its
facts are stored, no renditions are made, and ``problems`` says why (``pixels_damaged``), so the
photographer still sees the file and when it was taken and can upload it again. With
damaged pixels and no facts at all there is nothing worth keeping: ``corrupt_image``.
"""
from __future__ import annotations

import io
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from press.codes import MediaStatus
from press.problems import problem
from press.storage import Store
from press.storage.incoming import Incoming

from .crops import is_crop
from .errors import Rejected
from .exif import ExifFacts, ExifResult, read_exif
from .opening import open_image
from .public_meta import PublicMeta, embed_public_meta
from .quality import dhash, sharpness
from .renditions import TruncatedImage, decode, display_size, make_renditions, orientation_of, render
from .sniff import HEAD_BYTES, check_size, sniff


@dataclass
class ProcessedPhoto:
    """What ingest learnt about one stored photo.

    ``width``/``height`` are as displayed (after orientation); ``renditions`` maps
    variant to a path relative to the store root; ``status`` is ``ok`` or
    ``metadata_only``; ``timings_ms`` has ``hash`` (SHA-256 and the durable write of
    the original), ``exif``, ``decode`` and ``renditions`` (resize, encode, metadata,
    dHash, sharpness, durable writes).
    """

    key: str
    mime: str
    bytes: int
    width: int | None
    height: int | None
    exif: ExifFacts
    exif_problems: tuple[dict, ...]
    dhash: str | None
    sharpness: float | None
    renditions: dict[str, str]
    timings_ms: dict[str, float]
    status: str = MediaStatus.OK
    problems: tuple[dict, ...] = field(default=())


class _Timer:
    def __init__(self):
        self.ms: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.ms[name] = round(self.ms.get(name, 0.0) + (time.perf_counter() - start) * 1000, 2)


def read_source(source, max_bytes: int) -> bytes:
    """Bytes of a path or bytes-like, refusing empty and oversized input before reading."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        check_size(len(source), max_bytes)
        return bytes(source)
    check_size(os.path.getsize(source), max_bytes)
    with open(source, "rb") as handle:
        data = handle.read()
    check_size(len(data), max_bytes)
    return data


def process_photo(
    source,
    storage: Store,
    *,
    sizes: dict[str, int],
    max_bytes: int,
    max_pixels: int,
    caption: str | None = None,
    byline: str | None = None,
    credit: str | None = None,
    copyright: str | None = None,
    usage_terms: str | None = None,
    web_statement: str | None = None,
) -> ProcessedPhoto:
    """Validate, describe and store one photo; raise ``Rejected`` if it cannot be.

    ``sizes``, ``max_bytes`` and ``max_pixels`` are the operator's settings
    (``RENDITION_SIZES``, ``MAX_UPLOAD_MB``, ``MAX_IMAGE_PIXELS`` in ``press.config``)."""
    if not sizes:
        raise ValueError("sizes must name at least one rendition, e.g. {'thumb': 400}")
    timer = _Timer()
    data = read_source(source, max_bytes)
    mime, image, exif = _inspect(data, max_pixels, timer)
    meta = PublicMeta(caption, byline, credit, copyright, usage_terms, web_statement)
    try:
        finished = _finish(image, sizes, meta, timer)
    except TruncatedImage as exc:
        if not has_facts(exif.facts):
            raise Rejected("corrupt_image", f"pixel data is cut short or damaged: {exc}") from exc
        return _metadata_only(data, mime, display_size(image, orientation_of(image)), exif, storage, timer, exc)
    with timer.stage("hash"):
        key = storage.put(io.BytesIO(data))
    with timer.stage("renditions"):
        paths = {v: storage.put_rendition(key, v, jpeg) for v, jpeg in finished.jpegs.items()}
    width, height = finished.display_size
    return ProcessedPhoto(
        key=key, mime=mime, bytes=len(data), width=width, height=height,
        exif=exif.facts, exif_problems=exif.problems, dhash=finished.dhash, sharpness=finished.sharpness,
        renditions=paths, timings_ms=timer.ms, problems=finished.problems,
    )


@dataclass
class CheckedPhoto:
    """An original that passed the checks (type, size, pixel limit) and is stored:
    what its row needs before the renditions exist (``width``/``height`` upright). Its
    EXIF is read with the renditions (:func:`stored_exif`)."""

    key: str
    mime: str
    bytes: int
    width: int
    height: int
    timings_ms: dict[str, float]


@dataclass
class FinishedPhoto:
    """The second half of ingest for a stored original: its renditions (variant -> path,
    or the encoded JPEGs before they are stored), quality measures and problems."""

    jpegs: dict[str, bytes]
    display_size: tuple[int, int]
    dhash: str | None
    sharpness: float | None
    problems: tuple[dict, ...]
    renditions: dict[str, str] = field(default_factory=dict)


def check_photo(source, storage: Store, *, max_bytes: int, max_pixels: int) -> CheckedPhoto:
    """The quick half of ingest: refuse what is not a photo within the limits (``Rejected``)
    from its size, first bytes and header, without decoding the pixels or reading EXIF,
    and store the original durably. ``source`` is a path, bytes, or the ``Incoming`` file
    an upload was received into (kept where it is, not copied). :func:`finish_photo` and
    :func:`stored_exif` do the rest."""
    timer = _Timer()
    if isinstance(source, Incoming):
        incoming = source
    else:
        incoming = storage.receive()
        incoming.write(read_source(source, max_bytes))
    try:
        check_size(incoming.size, max_bytes)
        incoming.check_written()
        with timer.stage("check"):
            incoming.seek(0)
            mime = sniff(incoming.read(HEAD_BYTES))
            incoming.seek(0)
            image = open_image(incoming, max_pixels)
            width, height = display_size(image, orientation_of(image))
        with timer.stage("hash"):
            key = storage.keep(incoming)
    finally:
        incoming.close()
    return CheckedPhoto(key=key, mime=mime, bytes=incoming.size, width=width, height=height, timings_ms=timer.ms)


def stored_exif(storage: Store, key: str, *, max_pixels: int) -> ExifResult:
    """The EXIF facts and problems of a stored original (``Rejected`` if it cannot be opened)."""
    with storage.open(key) as handle:
        data = handle.read()
    return read_exif(data, open_image(data, max_pixels))


def finish_photo(storage: Store, key: str, *, sizes: dict[str, int], max_pixels: int,
                 meta: PublicMeta = PublicMeta()) -> FinishedPhoto:
    """Decode a stored original and write its renditions (each replaced atomically, so
    running it twice is harmless). Raises ``TruncatedImage`` for damaged pixel data (the
    caller decides whether the photo's facts are worth keeping) and ``Rejected``."""
    with storage.open(key) as handle:
        data = handle.read()
    finished = _finish(open_image(data, max_pixels), sizes, meta, _Timer())
    finished.renditions = {v: storage.put_rendition(key, v, jpeg) for v, jpeg in finished.jpegs.items()}
    return finished


def _inspect(data: bytes, max_pixels: int, timer: _Timer):
    """Type, pixel limit and EXIF of a file's bytes: ``(mime, opened image, exif)``."""
    mime = sniff(data[:HEAD_BYTES])
    image = open_image(data, max_pixels)
    with timer.stage("exif"):
        exif = read_exif(data, image)
    return mime, image, exif


def _finish(image, sizes: dict[str, int], meta: PublicMeta, timer: _Timer) -> FinishedPhoto:
    """Decode once, make every rendition with the public metadata, measure the preview."""
    orientation = orientation_of(image)
    upright = display_size(image, orientation)
    with timer.stage("decode"):
        decoded = decode(image, max(sizes.values()))
    with timer.stage("renditions"):
        try:
            rendered = make_renditions(decoded, orientation, upright, sizes)
        except (OSError, ValueError) as exc:
            raise Rejected("corrupt_image", f"the pixels cannot be converted: {exc}") from exc
        jpegs = {v: embed_public_meta(jpeg, meta) for v, jpeg in rendered.jpegs.items()}
        photo_hash, score = dhash(rendered.preview), sharpness(rendered.preview)
    return FinishedPhoto(jpegs=jpegs, display_size=rendered.display_size, dhash=photo_hash, sharpness=score,
                         problems=tuple(rendered.problems))


def _metadata_only(data, mime, upright, exif, storage, timer, exc) -> ProcessedPhoto:
    """Keep a file whose pixels are damaged but whose facts were read (see module doc)."""
    with timer.stage("hash"):
        key = storage.put(io.BytesIO(data))
    width, height = upright
    return ProcessedPhoto(
        key=key, mime=mime, bytes=len(data), width=width, height=height,
        exif=exif.facts, exif_problems=exif.problems, dhash=None, sharpness=None,
        renditions={}, timings_ms=timer.ms, status=MediaStatus.METADATA_ONLY,
        problems=(problem("pixels_damaged", error=str(exc)),),
    )


def has_facts(facts) -> bool:
    """Whether ``facts`` (``ExifFacts`` or a media row) say when, with which camera or where
    the photo was taken: worth keeping without pixels."""
    return any((facts.taken_at, facts.make, facts.model, facts.gps_lat is not None))


def rebuild_renditions(
    storage: Store,
    key: str,
    sizes: dict[str, int],
    meta: PublicMeta = PublicMeta(),
    *,
    max_pixels: int,
) -> dict[str, str]:
    """Re-render every variant from the stored original (new sizes, new encoder);
    variants no longer configured are removed (the crops are kept). Returns variant -> relative path."""
    with storage.open(key) as handle:
        data = handle.read()
    rendered = render(open_image(data, max_pixels), sizes)
    paths = {
        variant: storage.put_rendition(key, variant, embed_public_meta(jpeg, meta))
        for variant, jpeg in rendered.jpegs.items()
    }
    for stale in set(storage.rendition_variants(key)) - set(paths):
        if is_crop(stale):  # made from the same original, around the focal point: still right
            continue
        storage.delete_rendition(key, stale)
    return paths


def rewrite_public_meta(storage: Store, key: str, meta: PublicMeta) -> dict[str, str]:
    """Swap the caption/by-line/credit/copyright of the stored renditions in place,
    without re-encoding the pixels (a caption edit costs milliseconds)."""
    paths = {}
    for variant in storage.rendition_variants(key):
        with storage.open_rendition(key, variant) as handle:
            jpeg = handle.read()
        paths[variant] = storage.put_rendition(key, variant, embed_public_meta(jpeg, meta))
    return paths


def process_many(sources, storage: Store, **options) -> list[tuple[object, ProcessedPhoto | Rejected]]:
    """Process each source independently: one bad file never costs the others.
    Returns (source, ProcessedPhoto or Rejected) in input order."""
    outcomes = []
    for source in sources:
        try:
            outcomes.append((source, process_photo(source, storage, **options)))
        except Rejected as rejection:
            outcomes.append((source, rejection))
    return outcomes
