"""``flask media import|verify|rebuild-renditions``: photos from the command line.

``import`` hashes each file in this process (a file already stored is a duplicate
before any decoding), runs the photo stages in worker processes, one per core
(:mod:`press.photos.worker`: spawned interpreters that load only the stages and the
store), and writes each row here, committing photo by photo, so a row is committed only
after its original and renditions are in the store. ``--json`` prints one object per
file; the keys are an interface: ``file``, ``outcome``, ``reason``, ``media_id``,
``exif`` (``taken_at``, ``make``, ``model``, ``orientation``, ``gps_lat``, ``gps_lon``),
``width``, ``height`` (after orientation) and ``renditions`` (variant -> path relative
to the store root).
"""
from __future__ import annotations

import collections
import json
import multiprocessing
import os
import sys
import types
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale, gettext
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Media, User
from press.photos.errors import Rejected
from press.photos.worker import process_file
from press.services import media as service
from press.storage import FileStorage, StorageError, file_key


@click.group("media")
def media() -> None:
    """Import photos, check the media store, rebuild renditions."""


def _storage() -> FileStorage:
    return FileStorage(current_app.config["MEDIA_ROOT"])


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


def _sha256(path: Path, max_bytes: int) -> str | None:
    """Hash of a file the size limit allows (None: let the stages say what is wrong)."""
    try:
        size = path.stat().st_size
        if not 0 < size <= max_bytes:
            return None
        return file_key(path)
    except OSError:
        return None


def _message(outcome: service.IngestOutcome, result) -> str | None:
    """The reason in English, for operators."""
    if outcome.outcome == service.DUPLICATE:
        return f"The same bytes are already stored as photo {outcome.media.id}."
    if outcome.outcome == service.REJECTED:
        reason = _english(outcome)
        return f"{reason} ({outcome.detail})" if outcome.detail else reason
    if outcome.media is not None and outcome.media.status == "metadata_only":
        return " ".join(outcome.media.problems or []) or None
    return None


def _english(outcome: service.IngestOutcome) -> str:
    """The outcome's reason as the English catalogue translates it."""
    with force_locale("en"):
        return gettext(outcome.reason, **outcome.params)


def _as_json(name: str, outcome: service.IngestOutcome, message: str | None) -> dict:
    media = outcome.media
    entry = {"file": name, "outcome": outcome.outcome, "reason": message,
             "media_id": media.id if media else None, "exif": None, "width": None, "height": None,
             "renditions": {}}
    if media is not None:
        taken = media.taken_at.isoformat() if media.taken_at else None
        if taken and media.taken_at_offset is not None:
            sign = "+" if media.taken_at_offset >= 0 else "-"
            hours, minutes = divmod(abs(media.taken_at_offset), 60)
            taken += f"{sign}{hours:02d}:{minutes:02d}"
        entry.update(
            exif={"taken_at": taken, "make": media.make, "model": media.model,
                  "orientation": media.orientation, "gps_lat": media.gps_lat, "gps_lon": media.gps_lon},
            width=media.width, height=media.height,
            renditions={r.variant: r.path for r in sorted(media.renditions, key=lambda r: r.variant)},
        )
    return entry


@media.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--activity", "activity_id", type=int, required=True, help="The activity the photos belong to.")
@click.option("--as", "as_email", help="Email of the photographer the photos are recorded for.")
@click.option("--credit", help="Credit for every photo (default: the photographer's default credit).")
@click.option("--copyright", "copyright_", help="Copyright line for every photo.")
@click.option("--caption-prefix", help="Caption every photo starts with.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file instead of the summary.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: all cores).")
@with_appcontext
def import_command(folder: Path, activity_id: int, as_email: str | None, credit, copyright_, caption_prefix,
                   as_json: bool, workers: int | None) -> None:
    """Ingest every file of FOLDER into an activity, using all cores."""
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        raise click.ClickException(f"there is no activity {activity_id} (see `flask activities list`)")
    uploader = None
    if as_email:
        uploader = db.session.scalar(select(User).where(User.email == as_email.strip().lower()))
        if uploader is None:
            raise click.ClickException(f"there is no user {as_email!r}")
    config = service.IngestConfig.from_mapping(current_app.config)
    storage = _storage()
    meta = service.batch_public_meta(service.BatchMeta(credit, copyright_, caption_prefix), uploader)
    options = config.process_options(meta)
    files = _files(folder)
    workers = workers or os.cpu_count() or 1
    counts = collections.Counter()
    reasons = collections.Counter()

    def finish(path: Path, outcome: service.IngestOutcome, message: str | None) -> None:
        name = str(path.relative_to(folder))
        counts[outcome.outcome] += 1
        if outcome.outcome == service.REJECTED:
            reasons[_english(outcome)] += 1
        if as_json:
            click.echo(json.dumps(_as_json(name, outcome, message), ensure_ascii=False))

    def handle(path: Path, result) -> tuple[service.IngestOutcome, str | None]:
        if isinstance(result, Rejected):
            outcome = service.rejection_outcome(path.name, result)
        else:
            outcome = service.record(db.session, storage, result, path.name, activity=activity,
                                     uploader=uploader, meta=meta, config=config)
            db.session.commit()
        return outcome, _message(outcome, result)

    pending: collections.deque = collections.deque()
    seen: dict[str, Path] = {}
    pool = None
    main_module = sys.modules["__main__"]
    if workers > 1 and len(files) > 1:
        # Spawned workers import the parent's main script again (here the `flask` script,
        # and with it Flask); with a bare stand-in they import only what they unpickle:
        # press.photos.worker, the stages and the store.
        sys.modules["__main__"] = types.ModuleType("__main__")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        with click.progressbar(length=len(files), label="Importing", file=sys.stderr) as bar:
            def drain(limit: int) -> None:
                while len(pending) > limit:
                    path, future, key = pending.popleft()
                    outcome, message = handle(path, future.result() if pool else future)
                    finish(path, outcome, message)
                    bar.update(1)

            for path in files:
                key = _sha256(path, config.max_bytes)
                existing = service.find_by_sha256(db.session, key) if key else None
                if existing is None and key in seen:
                    drain(0)  # the same bytes earlier in this folder: record those first
                    existing = service.find_by_sha256(db.session, key)
                if existing is not None:
                    outcome = service.duplicate_outcome(path.name, existing)
                    finish(path, outcome, _message(outcome, None))
                    bar.update(1)
                    continue
                if key:
                    seen[key] = path
                if pool:
                    pending.append((path, pool.submit(process_file, str(path), storage.root, options), key))
                    drain(workers * 2)
                else:
                    pending.append((path, process_file(str(path), storage.root, options), key))
                    drain(0)
            drain(0)
    except StorageError as exc:  # a full or read-only disk: every later file would fail the same way
        raise click.ClickException(
            f"the media store cannot be written ({exc}); the {counts[service.INGESTED]} photo(s) imported "
            "so far are committed and whole. Free some space and run the same command again: "
            "what is already in is reported as a duplicate.") from exc
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
        sys.modules["__main__"] = main_module
    if not as_json:
        click.echo(f"{len(files)} file(s): {counts[service.INGESTED]} ingested, "
                   f"{counts[service.DUPLICATE]} duplicate(s), {counts[service.REJECTED]} rejected.")
        for reason, count in reasons.most_common():
            click.echo(f"  rejected x{count}: {reason}")


@media.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@with_appcontext
def verify_command(as_json: bool) -> None:
    """Re-hash every original and rendition; exit status 1 when something is missing or corrupt."""
    report = service.verify(db.session, _storage(), current_app.config["RENDITION_SIZES"])
    db.session.rollback()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        click.echo(f"Checked {report.checked} photo(s) and {report.originals} original(s) in the store.")
        for entry in report.problems:
            click.echo(f"  problem  {entry['subject']}: {entry['detail']}")
        for entry in report.notes:
            click.echo(f"  note     {entry['subject']}: {entry['detail']}")
        click.echo("The store is clean." if report.ok else
                   f"{len(report.problems)} problem(s); `flask doctor --repair` rebuilds missing renditions.")
    if not report.ok:
        raise SystemExit(1)


@media.command("rebuild-renditions")
@click.option("--id", "media_ids", type=int, multiple=True, help="Only this photo (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per photo.")
@with_appcontext
def rebuild_command(media_ids: tuple[int, ...], as_json: bool) -> None:
    """Render every photo's renditions again from its original (after a size change)."""
    config = service.IngestConfig.from_mapping(current_app.config)
    storage = _storage()
    query = select(Media.id).order_by(Media.id)
    if media_ids:
        query = query.where(Media.id.in_(media_ids))
    ids = list(db.session.scalars(query))
    failed = 0
    with click.progressbar(ids, label="Rebuilding", file=sys.stderr) as bar:
        for media_id in bar:
            media = db.session.get(Media, media_id)
            try:
                variants = service.rebuild(db.session, storage, media, config)
            except Exception as exc:  # noqa: BLE001 - one photo never stops the others
                db.session.rollback()
                failed += 1
                entry = {"media_id": media_id, "ok": False, "error": f"{type(exc).__name__}: {exc}"}
            else:
                db.session.commit()
                entry = {"media_id": media_id, "ok": True, "renditions": variants}
            if as_json:
                click.echo(json.dumps(entry, ensure_ascii=False))
            elif not entry["ok"]:
                click.echo(f"  photo {media_id}: {entry['error']}")
    if not as_json:
        click.echo(f"Rebuilt {len(ids) - failed} of {len(ids)} photo(s).")
    if failed:
        raise SystemExit(1)
