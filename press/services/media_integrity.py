"""Photo integrity: media rows against the store, the store against the rows, and repairs.

The one place that knows what a whole photo is, used by ``flask media verify`` (check
only), ``flask doctor`` (check; with ``--repair`` also repair) and ``flask media
rebuild-renditions``:

- ``media``: every media row has its original in the store, the original still hashes
  to its key, every rendition row has its file with the recorded hash, and a photo that
  has renditions has every configured variant; every crop source the row records
  (``Media.crop_sources``, private files) has its file with the recorded hash;
- ``store``: originals and rendition folders no media row names (orphans), stray files;
- ``temp``: temporary files a crash left in the store's ``tmp/``;
- a photo still ``processing`` (its renditions not made) ``STUCK_SECONDS`` after its
  upload: no worker is running, or its job was lost. ``--repair`` queues the
  ``media.process`` job again (it finishes every such photo).

Repairs: missing or damaged renditions are rebuilt from the original (rows updated);
missing or damaged crop sources are dropped and the photo's crops asked for again (the
``media.crops`` job cuts them from the original and keeps new sources);
orphans and temporary files older than ``grace_seconds`` are deleted (younger ones may
belong to an upload in progress, whose row is not committed yet). A row whose original
is gone or damaged is never deleted: it is marked (``status`` ``missing``/``damaged``
and the problem ``original_missing``/``original_damaged`` in ``Media.problems``) and
stays a finding until the photo is uploaded again or the row removed.

Findings are codes with parameters (:mod:`press.services.findings`). This module
depends on :mod:`press.services.media` (renditions are recorded by its
``sync_renditions``); media never imports it. No Flask; nothing commits.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from press import jobs
from press.codes import MediaStatus
from press.models import ConsentRecord, Media, ProofCheck, ProofFile, utcnow
from press.photos.errors import Rejected
from press.photos.process import rebuild_renditions
from press.problems import problem
from press.storage import StorageError, Store
from press.storage.files import stream_key

from .crops import crop_source_problems, remake_crop_sources
from .findings import Finding, Render, Report
from .indexing import enqueue_index
from .media import PROCESS_JOB, IngestConfig, public_meta, sync_renditions

UNUSABLE = {MediaStatus.MISSING: "original_missing", MediaStatus.DAMAGED: "original_damaged"}  # status -> stored problem code
GRACE_SECONDS = 3600
STUCK_SECONDS = 600


def check_files(session: Session, storage: Store, report: Report, *, sizes: dict[str, int],
                repair: bool = False, grace_seconds: float = GRACE_SECONDS,
                max_pixels: int | None = None) -> None:
    """Media rows against the store and the store against the rows (see module doc)."""
    report.repair = repair
    media_rows = list(session.scalars(select(Media).options(selectinload(Media.renditions)).order_by(Media.id)))
    report.counts["media"] = len(media_rows)
    # The signed consent forms (``ConsentRecord.form_sha256``), the proofs' snapshots and files are blobs
    # of the store too, never orphans.
    known = ({m.sha256 for m in media_rows} | set(session.scalars(select(ConsentRecord.form_sha256)))
             | set(session.scalars(select(ProofCheck.snapshot_key).where(ProofCheck.snapshot_key.is_not(None))))
             | set(session.scalars(select(ProofFile.sha256).where(ProofFile.sha256.is_not(None)))))
    store_problems = list(storage.verify())  # re-hashes every original once
    corrupt = {p.key for p in store_problems if p.kind == "corrupt"}
    config = IngestConfig(sizes=dict(sizes), max_bytes=0, max_pixels=max_pixels or IngestConfig.max_pixels)
    for media in media_rows:
        _check_media(session, storage, media, corrupt, report, config=config, repair=repair)
    _check_store(storage, known, store_problems, report, repair=repair, grace_seconds=grace_seconds)
    _check_temp(storage, report, repair=repair, grace_seconds=grace_seconds)
    session.flush()


def _subject(media: Media) -> str:
    return f"photo {media.id} ({media.original_filename or media.sha256[:12]})"


def mark_unusable(media: Media, status: str) -> bool:
    """Mark a row whose original is gone or damaged; True when it was not marked already."""
    code = UNUSABLE[status]
    problems = list(media.problems or [])
    known = any(p.get("code") == code for p in problems)
    if media.status == status and known:
        return False
    media.status = status
    media.problems = problems if known else problems + [problem(code)]
    return True


def clear_unusable(media: Media) -> None:
    """The original is back and whole (uploaded again, restored from a backup)."""
    media.status = MediaStatus.OK if media.renditions else MediaStatus.METADATA_ONLY
    media.problems = [p for p in (media.problems or []) if p.get("code") not in UNUSABLE.values()]


def _check_media(session, storage, media, corrupt, report: Report, *, config: IngestConfig, repair: bool) -> None:
    subject = _subject(media)
    if media.status == MediaStatus.PROCESSING:
        _check_processing(session, media, report, repair=repair)
    status = None
    if not storage.exists(media.sha256):
        status, kind = MediaStatus.MISSING, "missing_original"
    elif media.sha256 in corrupt:
        status, kind = MediaStatus.DAMAGED, "corrupt_original"
    if status:
        finding = report.add("media", kind, subject, UNUSABLE[status], key=media.sha256)
        if repair:
            finding.act("marked" if mark_unusable(media, status) else "already_marked", status=status)
        return
    if media.status in UNUSABLE:
        finding = report.add("media", "marked_but_whole", subject, "marked_but_whole", status=media.status)
        if repair:
            clear_unusable(media)
            finding.act("status_restored", fixed=True, status=media.status)
    wrong = [report.add("media", "renditions", subject, found.pop("code"), **found)
             for found in rendition_problems(storage, media, config.sizes)]
    if wrong and repair:
        _repair_renditions(session, storage, media, config, wrong)
    sources = [report.add("media", "crop_sources", subject, found.pop("code"), **found)
               for found in crop_source_problems(storage, media)]
    if sources and repair:
        remake_crop_sources(session, storage, media)
        for finding in sources:
            finding.act("crop_sources_requeued", fixed=True)


def _check_processing(session, media, report: Report, *, repair: bool) -> None:
    waited = (utcnow() - media.created_at).total_seconds() if media.created_at else 0
    if waited < STUCK_SECONDS:
        return
    finding = report.add("media", "processing_stuck", _subject(media), "processing_stuck", minutes=int(waited // 60))
    if repair:
        jobs.after_commit(session, PROCESS_JOB)
        finding.act("requeued")


def _repair_renditions(session, storage, media, config: IngestConfig, findings: list[Finding]) -> None:
    try:
        variants = rebuild(session, storage, media, config)
    except (Rejected, StorageError, OSError, ValueError) as exc:
        for finding in findings:
            finding.act("rebuild_failed", error=str(exc))
    else:
        for finding in findings:
            finding.act("renditions_rebuilt", fixed=True, variants=", ".join(variants))


def rendition_problems(storage: Store, media: Media, sizes: dict[str, int]) -> list[dict]:
    """What is wrong with a photo's renditions, as problems (empty when all is well)."""
    wrong = []
    present = set()
    for rendition in media.renditions:
        present.add(rendition.variant)
        try:
            expected = storage.rendition_relpath(media.sha256, rendition.variant)
        except StorageError:
            expected = None
        if rendition.path != expected:  # the row names something else than its rendition
            wrong.append(problem("rendition_unsafe_path", variant=rendition.variant, path=rendition.path))
            continue
        try:
            with storage.open_rendition(media.sha256, rendition.variant) as handle:
                actual = stream_key(handle)
        except StorageError:
            wrong.append(problem("rendition_file_missing", variant=rendition.variant))
            continue
        if actual != rendition.sha256:
            wrong.append(problem("rendition_hash_mismatch", variant=rendition.variant))
    # A photo kept without previews (damaged pixels, metadata only) is expected to have none.
    if media.renditions or media.status == MediaStatus.OK:
        wrong += [problem("rendition_missing", variant=variant) for variant in sorted(set(sizes) - present)]
    return wrong


def rebuild(session: Session, storage: Store, media: Media, config: IngestConfig) -> list[str]:
    """Render every configured variant again from the original (after a size change or
    damage); rows synced, the photo re-indexed. Returns the variants made."""
    paths = rebuild_renditions(storage, media.sha256, config.sizes, public_meta(media), max_pixels=config.max_pixels)
    sync_renditions(storage, media, paths)
    if media.status in UNUSABLE:  # the original was just read whole
        clear_unusable(media)
    media.status = MediaStatus.OK
    enqueue_index(session, "photo", media.id)
    return sorted(paths)


def _check_store(storage: Store, known: set[str], problems, report: Report, *, repair: bool,
                 grace_seconds: float) -> None:
    for found in problems:  # corrupt originals are reported with their row, or as orphans below
        if found.kind == "orphan_renditions":
            if found.key in known:
                continue  # the row's original is missing: reported with the row, renditions kept
            _orphan(storage, found.key, report, "orphan_renditions", repair=repair, grace_seconds=grace_seconds)
        elif found.kind == "stray":
            report.add("store", "stray_file", found.key, "stray_file", path=found.detail)
    count = 0
    for key in storage.iter_keys():
        count += 1
        if key not in known:
            _orphan(storage, key, report, "orphan_original", repair=repair, grace_seconds=grace_seconds)
    report.counts["originals"] = count


def _orphan(storage: Store, key, report: Report, code: str, *, repair, grace_seconds) -> None:
    finding = report.add("store", "orphan", key, code)
    if not repair:
        return
    if storage.age(key) < grace_seconds:
        finding.act("kept_young", grace=f"{grace_seconds:g}")
        return
    try:
        storage.delete(key)
    except StorageError as exc:
        finding.act("delete_failed", error=str(exc))
    else:
        finding.act("deleted", fixed=True)


def _check_temp(storage: Store, report: Report, *, repair: bool, grace_seconds: float) -> None:
    ages = [age for _name, age in storage.temp_files()]
    report.counts["temp_files"] = len(ages)
    if not ages:
        return
    names, old = ages, [age for age in ages if age >= grace_seconds]
    finding = report.add("temp", "temp_files", "tmp/", "temp_files", count=len(names), old=len(old),
                         grace=f"{grace_seconds:g}")
    if repair:
        removed = storage.cleanup_temp(older_than_seconds=grace_seconds)
        left = len(names) - removed
        finding.act("temp_removed", fixed=left == 0, removed=removed, kept=left)


# -- flask media verify ------------------------------------------------------------

@dataclass
class VerifyReport:
    """``problems``: what the database promises and the store does not hold (missing or
    corrupt originals, missing or changed renditions). ``notes``: store content no row
    names (a complete blob from an interrupted import is re-used when the file is
    imported again; ``flask doctor --repair`` removes old ones) and temporary files."""

    checked: int = 0
    originals: int = 0
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self, render: Render) -> dict:
        def entry(finding: Finding) -> dict:
            full = finding.as_dict(render)
            return {key: full[key] for key in ("check", "problem", "subject", "detail", "code", "params")}

        return {"ok": self.ok, "media": self.checked, "originals": self.originals,
                "problems": [entry(f) for f in self.problems], "notes": [entry(f) for f in self.notes]}


def verify(session: Session, storage: Store, sizes: dict) -> VerifyReport:
    """Re-hash every original and rendition against the rows (nothing is changed)."""
    found = Report()
    check_files(session, storage, found, sizes=sizes, repair=False)
    report = VerifyReport(checked=found.counts.get("media", 0), originals=found.counts.get("originals", 0))
    for finding in found.findings:
        (report.problems if finding.check == "media" else report.notes).append(finding)
    return report
