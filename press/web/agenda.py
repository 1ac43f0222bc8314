"""The public agenda (no login): ``/agenda`` (today, this week, what comes after; by unit),
one activity's page, and the same as iCalendar (``/agenda.ics``, ``/agenda/<unit>.ics``).

What the agenda shows is decided by ``press.services.public.agenda_condition``; the days
by ``press.services.agenda``. Pages carry the site's ETag and Last-Modified; the
Last-Modified is never earlier than the office's midnight, since "today" moves then.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template
from flask_babel import gettext as _

from press.dates import office_today
from press.extensions import db
from press.models import Activity
from press.services import agenda, agenda_calendar, public, public_archives

from .downloads import as_public_download
from .labels import ACTIVITY_KIND_LABELS
from .links import public_url, register
from .site import conditional, modified

bp = Blueprint("agenda", __name__)
bp.after_request(conditional)


def _fresh(today) -> None:
    modified(public.last_change(db.session))
    modified(agenda.start_of_day(today))


def _unit(slug: str):
    unit = public_archives.unit_by_slug(db.session, slug)
    if unit is None:
        abort(404)
    return unit


def _page(unit=None):
    today = office_today()
    _fresh(today)
    page = agenda.agenda_page(db.session, today, unit_id=unit.id if unit else None)
    units = agenda.units_on_agenda(db.session, today, page.upcoming_end)
    return render_template("site/agenda.html", page=page, unit=unit, units=units)


@bp.route("/agenda")
def index():
    return _page()


@bp.route("/agenda/<slug>")
def unit(slug: str):
    return _page(_unit(slug))


@bp.route("/agenda/kegiatan/<id:activity_id>")
def entry(activity_id: int):
    activity = agenda.agenda_entry(db.session, activity_id)
    if activity is None:
        abort(404)
    _fresh(office_today())
    return render_template("site/agenda_entry.html", activity=activity,
                           cancelled=agenda_calendar.is_cancelled(activity))


def _calendar(name: str, filename: str, unit=None) -> Response:
    today = office_today()
    _fresh(today)
    body = agenda_calendar.calendar(
        agenda.calendar_entries(db.session, today, unit_id=unit.id if unit else None),
        name=name, domain=agenda_calendar.uid_domain(current_app.config.get("SITE_URL")), gettext=_,
        kind_label=lambda kind: str(ACTIVITY_KIND_LABELS.get(kind, kind)),
        url_of=lambda activity: public_url("agenda", activity, external=True),
    )
    return as_public_download(Response(body, mimetype=agenda_calendar.MEDIA_TYPE), filename, "agenda.ics")


@bp.route("/agenda.ics")
def calendar():
    return _calendar(_("Agenda %(office)s", office=current_app.config["OFFICE_NAME"]), "agenda.ics")


@bp.route("/agenda/<slug>.ics")
def unit_calendar(slug: str):
    item = _unit(slug)
    return _calendar(_("Agenda %(office)s", office=item.name), f"agenda-{item.slug}.ics", item)


register("agenda", Activity, staff=("activities.view", "activity_id"),
         public=("agenda.entry", "activity_id"))
