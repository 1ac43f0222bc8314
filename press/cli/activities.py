"""``flask activities list [--json]``."""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from press.codes import ActivityKind
from press.errors import ServiceError
from press.extensions import db
from press.models import ACTIVITY_KINDS
from press.services.activities import activities_query, activity_as_dict

from .language import label, refusal_text
from .params import DATABASE_ID


@click.group("activities", cls=AppGroup)
def activities() -> None:
    """Activities (kegiatan)."""


@activities.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per activity.")
@click.option("--unit", "unit_id", type=DATABASE_ID, default=None, help="Only this unit's activities.")
@click.option("--kind", type=click.Choice(ACTIVITY_KINDS), default=None)
@click.option("--month", default=None, help="YYYY-MM")
def list_activities(as_json: bool, unit_id: int | None, kind: str | None, month: str | None) -> None:
    """List activities, newest first."""
    try:
        query = activities_query(unit_id=unit_id, kind=kind, month=month)
    except ServiceError as exc:
        raise click.ClickException(refusal_text(exc)) from exc
    for activity in db.session.scalars(query):
        row = activity_as_dict(activity)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id']:4}  {row['date']}  {label(ActivityKind(activity.kind)):24} {row['title']}  [{row['unit']}]")
