"""``flask doctor``: the whole instance checked — database against store against index.

Checks, in this order:

1. ``database``: the schema is migrated to the head revision (nothing else runs otherwise);
2. ``media``: every media row has its original in the store, the original still hashes to
   its key, every rendition row has its file with the recorded hash, and a photo that has
   renditions has every configured variant;
3. ``store``: originals and rendition folders no media row names (orphans), stray files;
4. ``temp``: temporary files a crash left in the store's ``tmp/``;
5. ``queue``: changes waiting in the index queue;
6. ``index``: the search indexes against the database (``indexing.check``).

With ``repair``: missing or damaged renditions are rebuilt from the original (rows updated),
orphans and temporary files older than ``grace_seconds`` are deleted (younger ones may belong
to an upload in progress, whose row is not committed yet), the queue is drained and drifting
documents rewritten (the indexes rebuilt when they cannot be read). A row whose original is
gone or damaged is never deleted: it is marked (``status = "missing"``/``"damaged"`` and a
sentence in ``problems``) and stays a finding until someone uploads the photo again or
removes the row; the schema is never migrated here (``flask db upgrade`` does that).

Two phases because the index drain reads committed data in its own session: the caller
commits after :func:`check_files` and before :func:`check_index`. No Flask; nothing commits.
"""
from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload

from press.config import DEFAULTS
from press.models import Media
from press.photos.errors import Rejected
from press.search import SearchIndex
from press.services import indexing
from press.storage import FileStorage, StorageError, file_key, safe_join

MISSING = "missing"
DAMAGED = "damaged"
GRACE_SECONDS = 3600


@dataclass
class Finding:
    """One thing wrong: which check, a short code, what it is about, and what was done."""

    check: str
    problem: str
    subject: str
    detail: str
    action: str | None = None   # what the repair did (None: nothing was done)
    fixed: bool = False         # the problem is gone after the action

    def line(self) -> str:
        text = f"[{self.check}] {self.subject}: {self.detail}"
        if self.action:
            text += f" -> {self.action}"
        return text


@dataclass
class Report:
    repair: bool = False
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)   # what was looked at
    stopped: str | None = None                             # why later checks did not run

    def add(self, *args, **kwargs) -> Finding:
        finding = Finding(*args, **kwargs)
        self.findings.append(finding)
        return finding

    @property
    def remaining(self) -> list[Finding]:
        return [f for f in self.findings if not f.fixed]

    @property
    def ok(self) -> bool:
        return not self.remaining and self.stopped is None

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "repair": self.repair, "counts": self.counts, "stopped": self.stopped,
            "findings": [asdict(f) for f in self.findings], "remaining": len(self.remaining),
        }


# -- 1. database -------------------------------------------------------------------

def check_database(session: Session, migrations_dir: str, report: Report) -> bool:
    """Is the schema at the head revision of ``migrations_dir``? False stops the doctor."""
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    heads = set(ScriptDirectory.from_config(config).get_heads())
    current = set(MigrationContext.configure(session.connection()).get_current_heads())
    report.counts["revision"] = ",".join(sorted(current)) or "none"
    if current != heads:
        report.add("database", "not_at_head", "schema",
                   f"the database is at revision {', '.join(sorted(current)) or 'none'}, "
                   f"the code expects {', '.join(sorted(heads))}; run `flask db upgrade` (or `flask setup`)")
        report.stopped = "the database schema is not at the head revision"
        return False
    if not inspect(session.connection()).has_table(Media.__tablename__):
        report.stopped = "the media table is missing"
        return False
    return True


# -- 2-4. media rows, store, temporary files ---------------------------------------

def check_files(session: Session, storage: FileStorage, report: Report, *, sizes: dict[str, int],
                repair: bool = False, grace_seconds: float = GRACE_SECONDS,
                max_pixels: int | None = None) -> None:
    """Media rows against the store and the store against the rows (see module doc)."""
    report.repair = repair
    media_rows = list(session.scalars(select(Media).options(selectinload(Media.renditions)).order_by(Media.id)))
    report.counts["media"] = len(media_rows)
    known = {m.sha256 for m in media_rows}
    store_problems = list(storage.verify())  # re-hashes every original once
    corrupt = {p.key for p in store_problems if p.kind == "corrupt"}
    for media in media_rows:
        _check_media(session, storage, media, corrupt, report, sizes=sizes, repair=repair, max_pixels=max_pixels)
    _check_store(storage, known, store_problems, report, repair=repair, grace_seconds=grace_seconds)
    _check_temp(storage, report, repair=repair, grace_seconds=grace_seconds)
    session.flush()


def _subject(media: Media) -> str:
    return f"photo {media.id} ({media.original_filename or media.sha256[:12]})"


def _mark(media: Media, status: str, sentence: str) -> bool:
    """Mark a row whose original is unusable; True when it was not marked already."""
    problems = list(media.problems or [])
    if media.status == status and sentence in problems:
        return False
    media.status = status
    if sentence not in problems:
        problems.append(sentence)
    media.problems = problems
    return True


def _check_media(session, storage, media, corrupt, report, *, sizes, repair, max_pixels) -> None:
    subject = _subject(media)
    unusable = None
    if not storage.exists(media.sha256):
        unusable = ("missing_original", MISSING, f"the original {media.sha256} is not in the store",
                    "The original file is missing from the store; upload the photo again.")
    elif media.sha256 in corrupt:
        unusable = ("corrupt_original", DAMAGED, f"the original no longer hashes to its key {media.sha256}",
                    "The original file is damaged in the store; upload the photo again.")
    if unusable:
        problem, status, detail, sentence = unusable
        finding = report.add("media", problem, subject, f"{detail}; upload the photo again or remove it")
        if repair:
            done = "marked" if _mark(media, status, sentence) else "already marked"
            finding.action = f"{done} the row status '{status}' (the row is kept)"
        return
    if media.status in (MISSING, DAMAGED):
        # The original is back and whole (uploaded again, restored from a backup).
        finding = report.add("media", "marked_but_whole", subject,
                             f"marked '{media.status}' but the original is in the store and whole")
        if repair:
            media.status = "ok" if media.renditions else "metadata_only"
            media.problems = [p for p in (media.problems or []) if "original file" not in p]
            finding.action, finding.fixed = f"status set back to '{media.status}'", True
    wrong = _rendition_problems(storage, media, sizes)
    if not wrong:
        return
    finding = report.add("media", "renditions", subject, "; ".join(wrong))
    if repair:
        try:
            variants = _rebuild(session, storage, media, sizes, max_pixels)
        except (Rejected, StorageError, OSError, ValueError) as exc:
            finding.action = f"could not rebuild the renditions: {exc}"
        else:
            finding.action, finding.fixed = f"rebuilt {', '.join(variants)} from the original", True


def _rendition_problems(storage: FileStorage, media: Media, sizes: dict[str, int]) -> list[str]:
    """What is wrong with a photo's renditions, in words (empty when all is well)."""
    wrong = []
    present = set()
    for rendition in media.renditions:
        present.add(rendition.variant)
        try:
            path = safe_join(storage.root, *rendition.path.split("/"))
        except StorageError:
            wrong.append(f"rendition {rendition.variant!r} has an unsafe path {rendition.path!r}")
            continue
        if not os.path.isfile(path):
            wrong.append(f"rendition {rendition.variant!r} file is missing")
        elif file_key(path) != rendition.sha256:
            wrong.append(f"rendition {rendition.variant!r} file does not match its recorded hash")
    # A photo kept without previews (damaged pixels, metadata only) is expected to have none.
    if media.renditions or media.status == "ok":
        for variant in sorted(set(sizes) - present):
            wrong.append(f"rendition {variant!r} is missing")
    return wrong


def _rebuild(session: Session, storage: FileStorage, media: Media, sizes: dict[str, int], max_pixels) -> list[str]:
    """The media service's rebuild (renditions from the original, rows synced, re-indexed)."""
    from press.services import media as media_service  # media imports this module for its verify

    config = media_service.IngestConfig(sizes=dict(sizes), max_bytes=0, max_pixels=max_pixels or DEFAULTS["MAX_IMAGE_PIXELS"])
    media.status = "ok" if media.status in (MISSING, DAMAGED) else media.status
    return media_service.rebuild(session, storage, media, config)


def _check_store(storage: FileStorage, known: set[str], problems, report: Report, *, repair: bool,
                 grace_seconds: float) -> None:
    count = 0
    for problem in problems:  # corrupt originals are reported with their row, or as orphans below
        if problem.kind == "stray" and problem.detail.startswith("renditions without"):
            if problem.key in known:
                continue  # the row's original is missing: reported with the row, renditions kept
            folder = os.path.dirname(storage.rendition_path(problem.key, "x"))
            _orphan(storage, problem.key, report, "renditions whose original is gone", folder,
                    repair=repair, grace_seconds=grace_seconds)
        elif problem.kind == "stray":
            report.add("store", "stray_file", problem.key, f"{problem.detail} (not a blob; left for you to look at)")
    for key in storage.iter_keys():
        count += 1
        if key not in known:
            _orphan(storage, key, report, "original that no media row names", storage.path(key),
                    repair=repair, grace_seconds=grace_seconds)
    report.counts["originals"] = count


def _orphan(storage, key, report, what, path, *, repair, grace_seconds) -> None:
    finding = report.add("store", "orphan", key, what)
    if not repair:
        return
    if _age(path) < grace_seconds:
        finding.action = f"kept: younger than {grace_seconds:g} s (an upload may be finishing)"
        return
    try:
        storage.delete(key)
    except StorageError as exc:
        finding.action = f"could not delete: {exc}"
    else:
        finding.action, finding.fixed = "deleted", True


def _check_temp(storage: FileStorage, report: Report, *, repair: bool, grace_seconds: float) -> None:
    folder = safe_join(storage.root, "tmp")
    names = sorted(e.name for e in os.scandir(folder) if e.is_file()) if os.path.isdir(folder) else []
    report.counts["temp_files"] = len(names)
    if not names:
        return
    old = [n for n in names if _age(os.path.join(folder, n)) >= grace_seconds]
    finding = report.add("temp", "temp_files", "tmp/",
                         f"{len(names)} temporary file(s) left in the store ({len(old)} older than {grace_seconds:g} s)")
    if repair:
        removed = storage.cleanup_temp(older_than_seconds=grace_seconds)
        left = len(names) - removed
        finding.action = f"removed {removed}" + (f", kept {left} younger ones (uploads in progress)" if left else "")
        finding.fixed = left == 0


def _age(path: str) -> float:
    try:
        return time.time() - os.path.getmtime(path)
    except OSError:
        return float("inf")


# -- 5-6. queue and index ----------------------------------------------------------

def check_index(session: Session, index: SearchIndex, report: Report, *, repair: bool = False) -> None:
    """The index queue and the indexes against the database; the caller has committed."""
    queued = indexing.queue_length(session)
    report.counts["queued"] = queued
    if queued:
        finding = report.add("queue", "queued", "index queue", f"{queued} change(s) wait to be indexed")
        if repair:
            drained = indexing.drain(session, index)
            finding.fixed = drained.remaining == 0 and not drained.busy
            finding.action = (f"drained {drained.rows} row(s)" if finding.fixed
                              else f"drained {drained.rows}, {drained.remaining} left (index busy)")
    try:
        drift = indexing.check(session, index)
    except Exception as exc:  # an unreadable or deleted index folder
        finding = report.add("index", "unreadable", "search index", f"cannot be read ({type(exc).__name__}: {exc})")
        if repair:
            _rebuild_index(session, index, finding)
        return
    keys = _drift_keys(drift)
    if not keys:
        return
    finding = report.add("index", "drift", "search index", _describe_drift(drift))
    if not repair:
        return
    try:
        rewritten = indexing.repair(session, index)
        if indexing.check(session, index).ok:
            finding.action, finding.fixed = f"rewrote {rewritten} document(s) from the database", True
            return
    except Exception:  # noqa: BLE001 - fall through to a full rebuild
        pass
    _rebuild_index(session, index, finding)


def _rebuild_index(session: Session, index: SearchIndex, finding: Finding) -> None:
    try:
        count = indexing.rebuild_all(session, index)
        indexing.drain(session, index)
        ok = indexing.check(session, index).ok
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        finding.action = f"rebuild failed: {type(exc).__name__}: {exc}"
        return
    finding.action, finding.fixed = f"rebuilt both indexes from the database ({count} documents)", ok


def _drift_keys(drift) -> set:
    return drift.missing_staff | drift.extra_staff | drift.missing_public | drift.extra_public


def _describe_drift(drift) -> str:
    parts = []
    for name in ("missing_staff", "extra_staff", "missing_public", "extra_public"):
        keys = sorted(getattr(drift, name))
        if keys:
            shown = ", ".join(keys[:5]) + (f" … (+{len(keys) - 5})" if len(keys) > 5 else "")
            parts.append(f"{len(keys)} {name.replace('_', ' ')} ({shown})")
    return "; ".join(parts)
