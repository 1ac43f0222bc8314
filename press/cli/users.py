"""``flask users create|list``."""
from __future__ import annotations

import json
import secrets
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from press.codes import Role
from press.errors import ServiceError
from press.extensions import db
from press.models import ROLES, User
from press.services import accounts

from .language import label, refusal_text
from .params import DATABASE_ID


@click.group("users", cls=AppGroup)
def users() -> None:
    """Staff accounts."""


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", default=None, help="Display name (default: the part before @).")
@click.option("--password", default=None, help="Default: prompt on a terminal, else generate and print one.")
@click.option("--locale", type=click.Choice(["id", "en"]), default="id")
@click.option("--unit", "unit_id", type=DATABASE_ID, default=None,
              help="The unit's id (flask units tree); default: the top unit.")
def create(email: str, role: str, name: str | None, password: str | None, locale: str, unit_id: int | None) -> None:
    """Create a staff account with ROLE for EMAIL in a unit."""
    generated = False
    if password is None:
        if sys.stdin.isatty():
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        else:
            password, generated = secrets.token_urlsafe(12), True
    try:
        user = accounts.create_user(db.session, email, password, role, name=name, locale=locale, unit_id=unit_id)
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    db.session.commit()
    click.echo(f"Created {user.email} ({label(Role(user.role))}) in {user.unit.name}.")
    if generated:
        click.echo(f"Password: {password}")


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per user.")
def list_users(as_json: bool) -> None:
    """List staff accounts."""
    for user in db.session.scalars(select(User).order_by(User.email)):
        row = {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "active": user.active,
            "locale": user.locale,
            "unit": user.unit.name if user.unit else None,
        }
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            state = "" if user.active else "  (inactive)"
            click.echo(f"{user.id:4}  {user.email:30} {label(Role(user.role)):13} {user.name}{state}")
