"""``flask doctor [--repair] [--json] [--grace SECONDS]``: check the whole instance.

Database schema, media rows against the store, the store against the rows, temporary
files, the index queue and the search indexes (see :mod:`press.services.doctor` and
:mod:`press.services.media_integrity`). With ``--repair`` it fixes what can be fixed and
says what it did. Exit status 0 when nothing is wrong (after the repair), 1 when problems
remain. Findings are written in the operator's language (:mod:`press.cli.language`);
``--json`` adds each finding's ``code`` and ``params`` beside its ``detail``.
"""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import with_appcontext

from press.extensions import db
from press.services import doctor as doctor_service
from press.services import media_integrity
from press.services.findings import Report
from press.storage import StorageError, store_from_config

from .language import operator_language, render
from .search import _index


SECRET_KEY_LINES = {
    "configured": "PRESS_SECRET_KEY set (every node must have the same one).",
    "generated": "generated in this node's instance/dev-secret-key: fine on one machine; "
                 "set PRESS_SECRET_KEY, the same on every node, before adding another.",
    "short": "PRESS_SECRET_KEY is shorter than 32 characters: set a longer one.",
    "missing": "none set: set PRESS_SECRET_KEY.",
}


@click.command("doctor")
@with_appcontext
@click.option("--repair", is_flag=True, help="Fix what can be fixed and say what was done.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--grace", "grace", type=float, default=media_integrity.GRACE_SECONDS, show_default=True,
              help="Orphans and temporary files younger than this many seconds are kept "
                   "(they may belong to an upload in progress).")
def doctor_command(repair: bool, as_json: bool, grace: float) -> None:
    """Check the secret key, database, media store and search index against each other."""
    migrations_dir = current_app.extensions["migrate"].directory
    report = Report(repair=repair)
    config = current_app.config
    doctor_service.check_secret_key(config.get("SECRET_KEY"), generated=config.get("SECRET_KEY_GENERATED", False),
                                    production=config.get("PRESS_ENV") == "production", report=report)
    if doctor_service.check_database(db.session, str(migrations_dir), report):
        try:
            storage = store_from_config(current_app.config)
        except StorageError as exc:
            report.stop("store_unopenable", error=str(exc))
        else:
            media_integrity.check_files(
                db.session, storage, report, sizes=current_app.config["RENDITION_SIZES"], repair=repair,
                grace_seconds=grace, max_pixels=current_app.config.get("MAX_IMAGE_PIXELS"),
            )
            db.session.commit()  # the index drain below reads committed rows
            doctor_service.check_index(db.session, _index(), report, repair=repair)
            db.session.commit()
    with operator_language():
        if as_json:
            click.echo(json.dumps(report.as_dict(render), ensure_ascii=False))
        else:
            _print(report)
    if not report.ok:
        raise SystemExit(1)


def _print(report: Report) -> None:
    counts = report.counts
    click.echo(
        f"Checked: schema revision {counts.get('revision', '?')}, {counts.get('media', 0)} media rows, "
        f"{counts.get('originals', 0)} originals in the store, {counts.get('temp_files', 0)} temporary files, "
        f"{counts.get('queued', 0)} queued index changes."
    )
    click.echo(f"Secret key: {SECRET_KEY_LINES.get(counts.get('secret_key'), '?')}")
    for finding in report.findings:
        mark = "fixed" if finding.fixed else ("NOT FIXED" if report.repair else "problem")
        click.echo(f"  {mark:9} {finding.line(render)}")
    if report.stopped:
        click.echo(f"Stopped: {render(report.stopped)}")
    remaining = len(report.remaining)
    if report.ok:
        fixed = sum(f.fixed for f in report.findings)
        click.echo(f"All well ({fixed} problem(s) repaired)." if fixed else "All well: nothing to repair.")
    elif report.repair:
        click.echo(f"{remaining} problem(s) remain that need a person (see above).")
    else:
        click.echo(f"{remaining} problem(s) found; run `flask doctor --repair` to fix what can be fixed.")
