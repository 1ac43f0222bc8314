"""``flask media import|verify|rebuild-renditions``: photos from the command line.

``import`` hands the folder to :func:`press.services.media_ingest.ingest_many` with a pool of
worker processes, one per core (:func:`press.photos.worker.process_pool`: spawned
interpreters that load only the stages and the store), and commits photo by photo, so a
row is committed only after its original and renditions are in the store: the import
processes inline (unlike the upload page, it needs no job worker and every photo is
finished when it ends). ``--json``
prints one object per file; the keys are an interface: ``file``, ``outcome``,
``reason``, ``media_id``, ``exif`` (``taken_at``, ``make``, ``model``, ``orientation``,
``gps_lat``, ``gps_lon``), ``width``, ``height`` (after orientation) and ``renditions``
(variant -> path relative to the store root). ``verify`` and ``rebuild-renditions`` are
:mod:`press.services.media_integrity`'s.
"""
from __future__ import annotations

import collections
import json
import os
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale, gettext
from sqlalchemy import select

from press.codes import MediaStatus
from press.extensions import db
from press.models import Activity, Media, User
from press.photos.worker import process_pool
from press.services import media as service
from press.services import media_ingest
from press.services import media_integrity
from press.storage import StorageError, Store, store_from_config

from .language import operator_language, render
from .params import DATABASE_ID


@click.group("media")
def media() -> None:
    """Import photos, check the media store, rebuild renditions."""


def _storage() -> Store:
    try:
        return store_from_config(current_app.config)
    except StorageError as exc:  # an unreachable bucket, wrong keys: said, not a traceback
        raise click.ClickException(f"cannot open the media store: {exc}") from exc


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


def _message(outcome: media_ingest.IngestOutcome) -> str | None:
    """The reason, for operators (rejections in English, problems in their language)."""
    if outcome.outcome == media_ingest.DUPLICATE:
        return f"The same bytes are already stored as photo {outcome.media.id}."
    if outcome.outcome == media_ingest.REJECTED:
        reason = _english(outcome)
        return f"{reason} ({outcome.detail})" if outcome.detail else reason
    if outcome.media is not None and outcome.media.status == MediaStatus.METADATA_ONLY:
        return " ".join(render(p) for p in outcome.media.problems or []) or None
    return None


def _english(outcome: media_ingest.IngestOutcome) -> str:
    """The outcome's reason as the English catalogue translates it."""
    with force_locale("en"):
        return gettext(outcome.reason, **outcome.params)


def _as_json(name: str, outcome: media_ingest.IngestOutcome, message: str | None) -> dict:
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
@click.option("--activity", "activity_id", type=DATABASE_ID, required=True, help="The activity the photos belong to.")
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
    batch = media_ingest.BatchMeta(credit, copyright_, caption_prefix)
    files = _files(folder)
    workers = min(workers or os.cpu_count() or 1, max(1, len(files)))
    counts = collections.Counter()
    reasons = collections.Counter()
    with process_pool(workers) as executor, operator_language(), \
            click.progressbar(length=len(files), label="Importing", file=sys.stderr) as bar:
        outcomes = media_ingest.ingest_many(
            db.session, storage, (media_ingest.PhotoFile(path.name, str(path)) for path in files), activity=activity,
            uploader=uploader, batch=batch, config=config, executor=executor, ahead=workers * 2)
        for path, outcome in zip(files, outcomes):
            db.session.commit()
            if outcome.code == media_ingest.STORE_FAILED:  # every later file would fail the same way
                raise click.ClickException(
                    f"the media store cannot be written ({outcome.detail}); the {counts[media_ingest.INGESTED]} "
                    "photo(s) imported so far are committed and whole. Free some space and run the same "
                    "command again: what is already in is reported as a duplicate.")
            counts[outcome.outcome] += 1
            if outcome.outcome == media_ingest.REJECTED:
                reasons[_english(outcome)] += 1
            if as_json:
                click.echo(json.dumps(_as_json(str(path.relative_to(folder)), outcome, _message(outcome)),
                                      ensure_ascii=False))
            bar.update(1)
    if not as_json:
        click.echo(f"{len(files)} file(s): {counts[media_ingest.INGESTED]} ingested, "
                   f"{counts[media_ingest.DUPLICATE]} duplicate(s), {counts[media_ingest.REJECTED]} rejected.")
        for reason, count in reasons.most_common():
            click.echo(f"  rejected x{count}: {reason}")


@media.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@with_appcontext
def verify_command(as_json: bool) -> None:
    """Re-hash every original and rendition; exit status 1 when something is missing or corrupt."""
    report = media_integrity.verify(db.session, _storage(), current_app.config["RENDITION_SIZES"])
    db.session.rollback()
    with operator_language():
        if as_json:
            click.echo(json.dumps(report.as_dict(render), ensure_ascii=False))
        else:
            click.echo(f"Checked {report.checked} photo(s) and {report.originals} original(s) in the store.")
            for finding in report.problems:
                click.echo(f"  problem  {finding.subject}: {render(finding.found)}")
            for finding in report.notes:
                click.echo(f"  note     {finding.subject}: {render(finding.found)}")
            click.echo("The store is clean." if report.ok else
                       f"{len(report.problems)} problem(s); `flask doctor --repair` rebuilds missing renditions.")
    if not report.ok:
        raise SystemExit(1)


@media.command("rebuild-renditions")
@click.option("--id", "media_ids", type=DATABASE_ID, multiple=True, help="Only this photo (repeatable).")
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
                variants = media_integrity.rebuild(db.session, storage, media, config)
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
