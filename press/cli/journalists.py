"""``flask journalists list|approve|reject``: the editors' desk for journalists' registrations."""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import AppGroup

from press.codes import JournalistState
from press.errors import ServiceError
from press.extensions import db
from press.models import Journalist
from press.services import accounts, journalist_mail, journalists

from .language import label, refusal_text
from .params import DATABASE_ID

DEVELOPMENT_SITE = "http://localhost:5000"


@click.group("journalists", cls=AppGroup)
def journalists_group() -> None:
    """Journalists' accounts: registrations waiting for an editor, decisions."""


@journalists_group.command("list")
@click.option("--state", type=click.Choice([s.value for s in JournalistState]), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per journalist.")
def list_journalists(state: str | None, as_json: bool) -> None:
    """List journalists (the pending ones with a confirmed e-mail first)."""
    for journalist in journalists.listing(db.session, state):
        if as_json:
            click.echo(json.dumps(journalists.as_dict(journalist), ensure_ascii=False))
        else:
            confirmed = "" if journalist.email_confirmed_at else "  (e-mail not confirmed)"
            click.echo(f"{journalist.id:4}  {label(JournalistState(journalist.state)):20} {journalist.email:30} "
                       f"{journalist.name} — {journalist.outlet.name}{confirmed}")


def _decide(journalist_id: int, email: str, decide) -> None:
    journalist = db.session.get(Journalist, journalist_id)
    if journalist is None:
        raise click.ClickException(f"Wartawan {journalist_id} tidak ada.")
    actor = accounts.find_user(db.session, email)
    if actor is None:
        raise click.ClickException(f"Tidak ada akun {email}.")
    try:
        decide(journalist, actor)
        sender = journalist_mail.Sender(current_app.config["OFFICE_NAME"],
                                        current_app.config.get("SITE_URL") or DEVELOPMENT_SITE)
        journalist_mail.send_decision(db.session, journalist, sender)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    click.echo(f"Journalist {journalist.id} ({journalist.email}): {label(JournalistState(journalist.state))}; "
               "told by e-mail.")


@journalists_group.command("approve")
@click.argument("journalist_id", type=DATABASE_ID)
@click.option("--as", "email", required=True, help="Act as this staff account (its role decides).")
def approve(journalist_id: int, email: str) -> None:
    """Approve journalist ID's registration; the journalist is told by e-mail."""
    _decide(journalist_id, email, lambda journalist, actor: journalists.approve(db.session, journalist, actor))


@journalists_group.command("reject")
@click.argument("journalist_id", type=DATABASE_ID)
@click.option("--as", "email", required=True, help="Act as this staff account (its role decides).")
@click.option("--reason", required=True, help="Why; sent to the journalist.")
def reject(journalist_id: int, email: str, reason: str) -> None:
    """Reject journalist ID's registration with a REASON the journalist receives by e-mail."""
    _decide(journalist_id, email,
            lambda journalist, actor: journalists.reject(db.session, journalist, actor, reason))
