"""Staff pages for activities (kegiatan): list with filters, create, edit, view."""
from __future__ import annotations

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from press.extensions import db
from press.numbers import parse_id
from press.models import ACTIVITY_KINDS, Activity, Unit, Venue
from press.services import access
from press.services import activities as service

from .forms import options, ActivityFilterForm, ActivityForm
from .labels import ACTIVITY_KIND_LABELS, error_text
from .params import page_arg
from .access import may, permission_required, require
from .sections import render_activity_sections

bp = Blueprint("activities", __name__, url_prefix="/staf/kegiatan")

# Participant rows (named or blank) a form may post: twice the participants allowed keeps
# WTForms' work under a second; a form past it was not typed by a person.
MAX_PARTICIPANT_ROWS = 2 * service.MAX_PARTICIPANTS
PARTICIPANT_ROW = re.compile(r"participants-(\d+)-")


def _too_many_rows():
    """A refusal page if the form posts more participant rows than any person types, else None."""
    rows = {match.group(1) for key in request.form if (match := PARTICIPANT_ROW.match(key))}
    if len(rows) <= MAX_PARTICIPANT_ROWS:
        return None
    message = _("Satu kegiatan paling banyak punya %(limit)s peserta; formulir ini berisi %(count)s baris. "
                "Tidak ada yang disimpan.", limit=service.MAX_PARTICIPANTS, count=len(rows))
    return render_template("errors/error.html", status=400, title=_("Terlalu banyak peserta"), message=message), 400


def _choices(form: ActivityForm) -> None:
    """The units offered are those the user may create activities for."""
    units = [u for u in db.session.scalars(select(Unit).order_by(Unit.name)) if may("activity.edit", u)]
    venues = db.session.scalars(select(Venue).order_by(Venue.name)).all()
    form.unit_id.choices = options([(u.id, u.name) for u in units])
    form.venue_id.choices = options([(0, _("— belum ditentukan —"))] + [(v.id, v.name) for v in venues])


def _data(form: ActivityForm) -> service.ActivityData:
    participants = [
        service.ParticipantData(
            name=entry.form.name.data.strip(),
            title=entry.form.title.data,
            organisation=entry.form.organisation.data,
            role=entry.form.role.data,
        )
        for entry in form.participants
        if (entry.form.name.data or "").strip()
    ]
    return service.ActivityData(
        title=form.title.data,
        kind=form.kind.data,
        starts_on=form.starts_on.data,
        starts_at_time=form.starts_at_time.data,
        ends_at_time=form.ends_at_time.data,
        unit_id=form.unit_id.data,
        venue_id=form.venue_id.data or None,
        guest_body=form.guest_body.data,
        topic=form.topic.data,
        summary=form.summary.data,
        participants=participants,
        dress_code=form.dress_code.data,
        contact=form.contact.data,
        on_agenda=form.on_agenda.data if may("activity.agenda") else None,
    )


def _get(activity_id: int) -> Activity:
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        abort(404)
    return activity


@bp.route("/")
@permission_required("activity.read")
def index():
    filters = ActivityFilterForm(request.args)
    units = [u for u in db.session.scalars(select(Unit).order_by(Unit.name)) if may("activity.read", u)]
    filters.unit.choices = options([("", _("Semua unit"))] + [(str(u.id), u.name) for u in units])
    filters.kind.choices = options([("", _("Semua jenis"))] + [(k, ACTIVITY_KIND_LABELS[k]) for k in ACTIVITY_KINDS])
    unit_id = parse_id(filters.unit.data)
    kind = filters.kind.data if filters.kind.data in ACTIVITY_KINDS else None
    month = (filters.month.data or "").strip() or None
    try:
        query = service.activities_query(unit_id=unit_id, kind=kind, month=month)
    except service.ActivityError:
        flash(_("Bulan ditulis sebagai TTTT-BB, misalnya 2021-09."), "error")
        query = service.activities_query(unit_id=unit_id, kind=kind)
    query = query.where(access.unit_filter(db.session, current_user, "activity.read", Activity.unit_id, Activity.id))
    page = db.paginate(query, page=page_arg(), per_page=25, error_out=False)
    return render_template("activities/index.html", page=page, filters=filters)


@bp.route("/baru", methods=["GET", "POST"])
@permission_required("activity.edit")
def create():
    if request.method == "POST" and (refusal := _too_many_rows()):
        return refusal
    form = ActivityForm()
    _choices(form)
    if request.method == "GET":
        if current_user.unit_id:
            form.unit_id.data = current_user.unit_id
        while len(form.participants) < 3:
            form.participants.append_entry()
    if form.validate_on_submit():
        try:
            activity = service.create_activity(db.session, _data(form), actor=current_user)
        except service.ActivityError as exc:
            db.session.rollback()
            flash(error_text(exc), "error")
        else:
            db.session.commit()
            flash(_("Kegiatan dibuat."), "success")
            return redirect(url_for("activities.view", activity_id=activity.id))
    return render_template("activities/form.html", form=form, activity=None,
                           max_participants=service.MAX_PARTICIPANTS)


@bp.route("/<id:activity_id>")
@permission_required("activity.read")
def view(activity_id: int):
    activity = _get(activity_id)
    require("activity.read", activity)
    return render_template(
        "activities/view.html", activity=activity, sections=render_activity_sections(activity)
    )


@bp.route("/<id:activity_id>/ubah", methods=["GET", "POST"])
@permission_required("activity.edit")
def edit(activity_id: int):
    activity = _get(activity_id)
    require("activity.edit", activity)
    if request.method == "POST" and (refusal := _too_many_rows()):
        return refusal
    form = ActivityForm(obj=activity)
    _choices(form)
    if request.method == "GET":
        form.venue_id.data = activity.venue_id or 0
        for _entry in range(len(form.participants)):
            form.participants.pop_entry()
        for p in activity.participants:
            form.participants.append_entry(
                {"role": p.role, "title": p.title, "name": p.name, "organisation": p.organisation}
            )
        form.participants.append_entry()
    if form.validate_on_submit():
        try:
            service.update_activity(db.session, activity, _data(form), actor=current_user)
        except service.ActivityError as exc:
            db.session.rollback()
            flash(error_text(exc), "error")
        else:
            db.session.commit()
            flash(_("Kegiatan disimpan."), "success")
            return redirect(url_for("activities.view", activity_id=activity.id))
    return render_template("activities/form.html", form=form, activity=activity,
                           max_participants=service.MAX_PARTICIPANTS)
