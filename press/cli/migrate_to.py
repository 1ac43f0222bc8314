"""``flask migrate-to --database URL [--media URL] [--search URL] [--batch N] [--json]``.

Moves this instance (its database, blobs and search index) to the shared backends of a
deployment of several nodes: :mod:`press.services.instance_move` does the work, resumably
(run the same command again after an interruption). ``--media`` is a store URL as
``PRESS_MEDIA_URL`` takes it (``s3://bucket/prefix`` with the endpoint and keys of the
``PRESS_S3_*`` settings, or ``file:///folder``); left out, the blobs are not copied.
``--search`` is a search URL as ``PRESS_SEARCH_URL`` takes it; left out, the target
database when it is PostgreSQL. ``--json`` prints one object per line as it goes
(``{"step": "tables"|"blobs"|"search"|"compare", …}``) and the summary last
(``{"done": true, "rows", "rows_per_second", "blobs": {…, "blobs_per_second"}, …}``).
"""
from __future__ import annotations

import json
import time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from press.errors import ServiceError
from press.extensions import db
from press.search.backends import SearchUrlError
from press.services import instance_move
from press.storage import StorageError, open_store, store_from_config, store_spec
from press.web.labels import error_text

from .language import operator_language


@click.command("migrate-to")
@with_appcontext
@click.option("--database", "database_url", required=True, metavar="URL",
              help="The new, empty database (postgresql+psycopg://user:password@host/name).")
@click.option("--media", "media_url", metavar="URL", help="The new blob store (s3://bucket/prefix); left out: not copied.")
@click.option("--search", "search_url", metavar="URL",
              help="The new search backend; left out: the new database when it is PostgreSQL.")
@click.option("--batch", type=click.IntRange(1, 100_000), default=instance_move.BATCH, show_default=True,
              help="Rows per committed batch.")
@click.option("--json", "as_json", is_flag=True, help="Progress and summary as JSON, one object per line.")
def migrate_to_command(database_url: str, media_url: str | None, search_url: str | None, batch: int,
                       as_json: bool) -> None:
    """Copy this instance's database, blobs and search index to new backends (resumable)."""
    try:
        make_url(database_url)
    except ArgumentError as exc:
        raise click.BadParameter(f"{database_url!r} is not a database URL", param_hint="--database") from exc
    if search_url is None:
        if make_url(database_url).get_backend_name() != "postgresql":
            raise click.UsageError("give --search: the new database is not PostgreSQL")
        search_url = database_url
    try:
        source_store = store_from_config(current_app.config)
        target_store = open_store(store_spec({**current_app.config, "MEDIA_URL": media_url})) if media_url else None
    except StorageError as exc:
        raise click.ClickException(f"cannot open the media store: {exc}") from exc

    said = [0.0]

    def progress(event: dict) -> None:
        if as_json:
            click.echo(json.dumps(event))
            return
        if time.monotonic() - said[0] < 5 and event["step"] != "compare":
            return  # a line every 5 seconds at most on a terminal
        said[0] = time.monotonic()
        if event["step"] == "tables":
            click.echo(f"tables: {event['total_rows']} rows copied (now {event['table']})", err=True)
        elif event["step"] == "blobs":
            click.echo(f"blobs: {event['originals']} originals and {event['renditions']} renditions copied, "
                       f"{event['skipped']} already there", err=True)
        elif event["step"] == "search":
            click.echo(f"search: {event['documents']} documents indexed", err=True)

    try:
        report = instance_move.move_instance(db.engine, source_store, database_url, target_store, search_url,
                                             batch=batch, progress=progress)
    except ServiceError as exc:
        with operator_language():
            raise click.ClickException(error_text(exc)) from exc
    except (StorageError, SearchUrlError) as exc:
        raise click.ClickException(str(exc)) from exc
    except OperationalError as exc:
        raise click.ClickException(f"cannot reach a database: {exc.orig}") from exc
    except ArgumentError as exc:  # a URL naming no database driver SQLAlchemy has
        raise click.BadParameter(str(exc), param_hint="--database") from exc
    if as_json:
        click.echo(json.dumps(report.as_dict()))
        return
    summary = report.as_dict()
    click.echo(f"Moved: {summary['rows']} rows copied in this run ({summary['rows_per_second']} rows/s"
               f"{', resumed' if report.resumed else ''}), {summary['tables_skipped']} tables done earlier; "
               f"{report.checked_tables} tables checked against the source.")
    if report.blobs:
        click.echo(f"Blobs: {report.blobs['originals']} originals and {report.blobs['renditions']} renditions "
                   f"copied ({report.blobs['blobs_per_second']} blobs/s), {report.blobs['skipped']} already there.")
    if report.documents is not None:
        click.echo(f"Search: {report.documents} documents indexed on the new backend.")
