"""``flask subscribers list [--json]``, ``flask outbox list [--state S] [--json]`` and
``flask outbox send [--json]`` (drain the outbox now, as the ``outbox.send`` job does).

``--json`` prints one object per line with the codes (state, purpose, scope, cadence).
"""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import with_appcontext

from press.codes import OutboxState
from press.extensions import db
from press.services import outbox, outbox_sender, subscriptions
from press.services.mail_transport import ConfigurationError


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


@click.group("subscribers")
def subscribers() -> None:
    """E-mail subscribers."""


@subscribers.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per subscription.")
@with_appcontext
def list_subscribers(as_json: bool) -> None:
    """Every subscription: address, what it follows, when it is sent, its state."""
    for row in subscriptions.all_subscriptions(db.session):
        item = {"id": row.id, "address": row.address, "kind": row.scope, "scope": row.scope_value or None,
                "scope_name": subscriptions.scope_name(db.session, row), "cadence": row.cadence,
                "state": row.state, "confirmed_at": _when(row.confirmed_at)}
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            scope = f"{row.scope}:{item['scope_name']}" if item["scope_name"] else row.scope
            click.echo(f"{row.id:>5}  {row.address:<40} {scope:<40} {row.cadence:<9} {row.state:<12} "
                       f"{item['confirmed_at'] or '-'}")


@click.group("outbox")
def outbox_group() -> None:
    """The e-mail outbox."""


@outbox_group.command("list")
@click.option("--state", type=click.Choice([state.value for state in OutboxState]), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=200, show_default=True)
@with_appcontext
def list_messages(state: str | None, as_json: bool, limit: int) -> None:
    """The outbox's messages, newest first."""
    for row in outbox.messages(db.session, state=state, limit=limit):
        item = {"id": row.id, "purpose": row.purpose, "object": row.object_key, "address": row.address,
                "state": row.state, "attempts": row.attempts, "message_id": row.message_id,
                "sent_at": _when(row.sent_at), "next_attempt_at": _when(row.next_attempt_at), "error": row.last_error}
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            click.echo(f"{row.id:>6}  {row.state:<8} {row.purpose:<20} {row.object_key:<24} {row.address:<36} "
                       f"{row.last_error or ''}")


@outbox_group.command("send")
@click.option("--json", "as_json", is_flag=True, help="What was done, as one JSON object.")
@with_appcontext
def send(as_json: bool) -> None:
    """Send what is due now (SMTP from PRESS_SMTP_URL, else .eml files in the outbox folder)."""
    try:
        report = outbox_sender.drain(db.session, current_app.config, current_app.extensions.get("outbox_composers"))
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    else:
        click.echo(f"sent {report.sent}, retried later {report.retried}, failed {report.failed}, "
                   f"dropped {report.dropped}, left {report.left}")
