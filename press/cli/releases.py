"""``flask releases transition|list`` and ``flask publish-due``: the workflow from the shell.

``releases transition ID ACTION --as EMAIL`` applies a workflow action exactly as that
user would through the staff page (same table, same roles, same audit event).
``publish-due`` is the embargo clock for cron: it publishes every scheduled release
whose time has come and prints them; running it twice (or from two machines) at once
publishes each release once.
"""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from press.codes import ReleaseState
from press.errors import ServiceError
from press.extensions import db
from press.models import RELEASE_STATES, Release, User
from press.services import workflow

from .language import label, refusal_text
from .params import DATABASE_ID


def release_row(release: Release) -> dict:
    def iso(moment):
        return moment.isoformat() if moment else None

    return {
        "id": release.id,
        "slug": release.slug,
        "title": release.title,
        "state": release.state,
        "unit": release.unit.name if release.unit else None,
        "activity_id": release.activity_id,
        "embargo_at": iso(release.embargo_at),
        "published_at": iso(release.published_at),
        "corrected_at": iso(release.corrected_at),
        "retracted_at": iso(release.retracted_at),
        "version": release.version,
    }


@click.group("releases", cls=AppGroup)
def releases() -> None:
    """Press releases (siaran pers): their workflow."""


@releases.command("list")
@click.option("--state", type=click.Choice(RELEASE_STATES), default=None, help="Only releases in this state.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per release.")
def list_releases(state: str | None, as_json: bool) -> None:
    """List releases, newest first."""
    query = select(Release).order_by(Release.created_at.desc(), Release.id.desc())
    if state:
        query = query.where(Release.state == state)
    for release in db.session.scalars(query):
        row = release_row(release)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id']:4}  {label(ReleaseState(release.state)):12} {row['title']}")


@releases.command("transition")
@click.argument("release_id", type=DATABASE_ID)
@click.argument("action", type=click.Choice([action.value for action in workflow.ACTIONS]))
@click.option("--as", "email", required=True, help="Act as this staff account (its role decides).")
@click.option("--at", "at_text", default=None, help="Embargo time for schedule, ISO 8601 (no offset: WIB).")
@click.option("--comment", default=None, help="Why the release is sent back.")
@click.option("--notice", default=None, help="Public retraction notice.")
@click.option("--note", default=None, help="Public \"Diperbarui\" note of a correction.")
@click.option("--json", "as_json", is_flag=True, help="Print the release as JSON.")
def transition(release_id: int, action: str, email: str, at_text: str | None, comment: str | None,
               notice: str | None, note: str | None, as_json: bool) -> None:
    """Apply a workflow ACTION to release ID as a user would."""
    release = db.session.get(Release, release_id)
    if release is None:
        raise click.ClickException(f"Siaran {release_id} tidak ada.")
    actor = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if actor is None:
        raise click.ClickException(f"Tidak ada akun {email}.")
    try:
        at = workflow.parse_time(at_text) if at_text else None
        before = release.state
        workflow.apply(db.session, release, action, actor, at=at, comment=comment, notice=notice, note=note)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    if as_json:
        click.echo(json.dumps({**release_row(release), "from": before}, ensure_ascii=False))
    else:
        click.echo(f"Release {release.id}: {label(ReleaseState(before))} -> {label(ReleaseState(release.state))}")


@click.command("publish-due")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per release published.")
@with_appcontext
def publish_due_command(as_json: bool) -> None:
    """Publish scheduled releases whose embargo time has come (run it from cron every minute)."""
    published = workflow.publish_due(db.session)
    db.session.commit()
    for release in published:
        if as_json:
            click.echo(json.dumps(release_row(release), ensure_ascii=False))
        else:
            click.echo(f"Published {release.id}: {release.title}")
    if not published and not as_json:
        click.echo("Nothing due.")
