"""``flask media edit --ids 1,2,3 …`` (a bulk edit, as on the gallery) and ``flask collections list``.

``media edit`` applies one change to many photos through ``press.services.bulk_edit``,
as the account of ``--as`` (its role decides; without it, the system), commits, and
rewrites the public renditions at once (the job's work, done here so the command ends
with every file written). Refused photos are listed with their reason; the exit status
is 0 when at least one photo was changed or nothing was refused. ``--json`` prints
``{"bulk_edit_id", "changed": [ids], "refused": [{"media_id", "code", "reason"}],
"rendered"}``; ``collections list --json`` one object per collection (``id``, ``name``,
``slug``, ``public``, ``cover_id``, ``photos``).
"""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import with_appcontext

from press.errors import ServiceError
from press.extensions import db
from press.services import bulk_edit, collections
from press.services.accounts import find_user
from press.storage import store_from_config

from .language import operator_language, refusal_text, render
from .media import media


@media.command("edit")
@click.option("--ids", required=True, help="The photos, as ids separated by commas.")
@click.option("--caption", default=None, help="Replace each caption with this text.")
@click.option("--caption-prefix", default=None, help="Put this text before each caption.")
@click.option("--credit", default=None)
@click.option("--copyright", "copyright_", default=None)
@click.option("--licence", default=None, help="A licence code (see the admin's list).")
@click.option("--restrictions", default=None, help="Usage restrictions, free text.")
@click.option("--public/--private", "public", default=None, help="Make the photos public or staff-only.")
@click.option("--as", "email", default=None, help="Act as this staff account (its role decides).")
@click.option("--note", default=None, help="Correction note for photos published releases show.")
@click.option("--json", "as_json", is_flag=True)
@with_appcontext
def edit_command(ids, caption, caption_prefix, credit, copyright_, licence, restrictions, public, email, note,
                 as_json) -> None:
    """Apply one change to many photos; the refused ones are listed with the reason."""
    if caption is not None and caption_prefix is not None:
        raise click.UsageError("--caption and --caption-prefix exclude each other.")
    actor = None
    if email:
        actor = find_user(db.session, email)
        if actor is None:
            raise click.ClickException(f"Tidak ada akun {email}.")
    changes = bulk_edit.Changes(
        caption=caption if caption is not None else caption_prefix,
        caption_mode="prefix" if caption_prefix is not None else "replace",
        credit=credit, copyright=copyright_, licence=licence, restrictions=restrictions, public=public, note=note)
    try:
        edit = bulk_edit.apply(db.session, actor, ids, changes)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    storage = store_from_config(current_app.config)
    while bulk_edit.render_pending(db.session, storage, edit):
        db.session.commit()
    with operator_language():
        refused = [{"media_id": r["media_id"], "code": r["code"], "reason": render(r)} for r in edit.refused]
    changed = [p["id"] for p in edit.photos]
    if as_json:
        click.echo(json.dumps({"bulk_edit_id": edit.id, "changed": changed, "refused": refused,
                               "rendered": bulk_edit.progress(edit)["done"]}, ensure_ascii=False))
    else:
        click.echo(f"Bulk edit {edit.id}: {len(changed)} photo(s) changed, {len(refused)} refused.")
        for row in refused:
            click.echo(f"  {row['media_id']}: {row['reason']}", err=True)
    if refused and not changed:
        raise SystemExit(1)


@click.group("collections")
def collections_group() -> None:
    """Collections of photos across activities."""


@collections_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per collection.")
@with_appcontext
def list_command(as_json: bool) -> None:
    """Every collection: name, public or not, number of photos."""
    for collection, count in collections.all_collections(db.session):
        row = collections.as_dict(collection, count)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id']:4}  {'publik' if row['public'] else 'staf  '}  {count:4} foto  "
                       f"{row['name']}  ({row['slug']})")
