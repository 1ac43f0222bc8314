"""``flask agenda [--from DATE] [--to DATE] [--unit ID] [--ics FILE] [--json]``: the public agenda.

The activities marked for the agenda in a period (default: today and the six days after,
the office's days), as text, one JSON object per activity, or an iCalendar file like
``/agenda.ics`` (same UIDs; no links, as the command knows no site address).
"""
from __future__ import annotations

import json
from datetime import date, datetime

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import gettext

from press.codes import ActivityState
from press.errors import ServiceError
from press.dates import office_today
from press.extensions import db
from press.services import agenda as service
from press.services import agenda_calendar
from press.web.labels import ACTIVITY_KIND_LABELS

from .language import label, operator_language, refusal_text
from .params import DATABASE_ID

DAY = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None, default: date) -> date:
    return value.date() if value is not None else default


@click.command("agenda")
@with_appcontext
@click.option("--from", "start", type=DAY, default=None, help="First day (YYYY-MM-DD); default today.")
@click.option("--to", "end", type=DAY, default=None, help="Last day (YYYY-MM-DD); default six days after --from.")
@click.option("--unit", "unit_id", type=DATABASE_ID, default=None, help="Only this unit's activities.")
@click.option("--ics", "ics", type=click.File("wb"), default=None, help="Write the period as iCalendar to FILE (- for stdout).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per activity.")
def agenda_command(start: datetime | None, end: datetime | None, unit_id: int | None, ics, as_json: bool) -> None:
    """List the public agenda of a period, or write it as an iCalendar file."""
    first = _day(start, office_today())
    last = _day(end, service.week_from(first))
    try:
        service.check_period(first, last)
    except ServiceError as exc:
        raise click.UsageError(refusal_text(exc)) from exc
    found = service.entries(db.session, first, last, unit_id=unit_id)
    if ics is not None:
        with operator_language():
            ics.write(agenda_calendar.calendar(
                found, name=gettext("Agenda %(office)s", office=current_app.config["OFFICE_NAME"]),
                domain=agenda_calendar.uid_domain(current_app.config.get("SITE_URL")), gettext=gettext,
                kind_label=lambda kind: str(ACTIVITY_KIND_LABELS.get(kind, kind)),
            ))
        return
    for activity in found:
        row = service.entry_as_dict(activity)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        hours = "–".join(t.replace(":", ".") for t in (row["time"], row["end_time"]) if t) or "-"
        cancelled = f"[{label(ActivityState.CANCELLED)}] " if activity.state == ActivityState.CANCELLED else ""
        place = f" — {row['venue']}" if row["venue"] else ""
        click.echo(f"{row['date']}  {hours:11}  {cancelled}{row['title']}{place}  [{activity.unit.label}]")
