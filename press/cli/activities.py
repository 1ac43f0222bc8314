"""``flask activities list [--state S] [--assigned EMAIL] [--json]`` and ``flask activities
assign ID --user EMAIL --as EMAIL``: the planning from the shell, refused and allowed as on
the staff pages (the service checks the acting user)."""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from press.codes import ActivityKind, ActivityState, AssignmentRole
from press.errors import ServiceError
from press.extensions import db
from press.models import ACTIVITY_KINDS, ACTIVITY_STATES, ASSIGNMENT_ROLES, Activity, User
from press.services import planning
from press.services.accounts import find_user
from press.services.activities import activities_query, activity_as_dict

from .language import label, refusal_text
from .params import DATABASE_ID


@click.group("activities", cls=AppGroup)
def activities() -> None:
    """Activities (kegiatan)."""


def _account(email: str) -> User:
    user = find_user(db.session, email)
    if user is None:
        raise click.ClickException(f"Tidak ada akun {email}.")
    return user


@activities.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per activity.")
@click.option("--unit", "unit_id", type=DATABASE_ID, default=None, help="Only this unit's activities.")
@click.option("--kind", type=click.Choice(ACTIVITY_KINDS), default=None)
@click.option("--month", default=None, help="YYYY-MM")
@click.option("--state", type=click.Choice(ACTIVITY_STATES), default=None, help="Only activities in this state.")
@click.option("--assigned", "assigned_email", default=None, help="Only activities this account is assigned to.")
def list_activities(as_json: bool, unit_id: int | None, kind: str | None, month: str | None,
                    state: str | None, assigned_email: str | None) -> None:
    """List activities, newest first."""
    assigned = _account(assigned_email) if assigned_email else None
    try:
        query = activities_query(unit_id=unit_id, kind=kind, month=month, state=state,
                                 assigned_user_id=assigned.id if assigned else None)
    except ServiceError as exc:
        raise click.ClickException(refusal_text(exc)) from exc
    for activity in db.session.scalars(query):
        row = activity_as_dict(activity)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['id']:4}  {row['date']}  {label(ActivityKind(activity.kind)):24} "
                       f"{label(ActivityState(activity.state)):13} {row['title']}  [{row['unit']}]")


@activities.command("assign")
@click.argument("activity_id", type=DATABASE_ID)
@click.option("--user", "user_email", required=True, help="The account to assign.")
@click.option("--as", "actor_email", required=True, help="Act as this staff account (its role decides).")
@click.option("--role", type=click.Choice(ASSIGNMENT_ROLES), default=None,
              help="What they do there; by default photographer for a photographer, else writer.")
@click.option("--note", default=None, help="A note for the person assigned.")
@click.option("--json", "as_json", is_flag=True, help="Print the assignment as JSON.")
def assign(activity_id: int, user_email: str, actor_email: str, role: str | None, note: str | None,
           as_json: bool) -> None:
    """Assign an account to cover activity ID; they are notified in the app."""
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        raise click.ClickException(f"Kegiatan {activity_id} tidak ada.")
    user, actor = _account(user_email), _account(actor_email)
    try:
        assignment = planning.assign(db.session, activity, user, role or planning.default_role(user),
                                     note=note, actor=actor)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    if as_json:
        click.echo(json.dumps({"activity_id": activity.id, "user": user.email, "role": assignment.role,
                               "note": assignment.note}, ensure_ascii=False))
    else:
        click.echo(f"{user.email} -> {activity.id} {activity.title} ({label(AssignmentRole(assignment.role))})")
