"""Bulk edit on the gallery: the form's POST, the rewrite's progress, undo, and the history section.

The gallery (``photos/_gallery.html``) carries a checkbox per photo and the bulk form
(``photos/_bulk_form.html``, with ``static/bulk_edit.js`` for shift-click ranges, "select
all in this group" and the progress bar). The POST applies the change through
``press.services.bulk_edit`` as the signed-in user, who needs ``photo.edit`` on the
activity (each photo is checked again there, ``photo.publish`` for public/private);
refused photos are listed in the activity's history of bulk edits, where an edit is
undone within a day.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user

from press.errors import N_, ServiceError
from press.extensions import db
from press.models import Activity, BulkEdit, Media, User
from press.numbers import parse_id
from press.services import bulk_edit, licences
from press.services.bulk_edit import Changes
from press.services.media import UNKNOWN_PEOPLE

from .access import may, permission_required
from .labels import error_text
from .photos import _activity  # the activity, 404 or 403: the gallery's own gate
from .sections import activity_section, render_activity_sections

bp = Blueprint("bulk_edit", __name__, url_prefix="/staf/kegiatan")

CHOICES = {"": None, "1": True, "0": False}


@bp.app_template_global("photo_licences")
def photo_licences():
    return licences.all_licences(db.session)


def _edit(activity: Activity, bulk_id: int) -> BulkEdit:
    edit = db.session.get(BulkEdit, bulk_id)
    if edit is None or edit.activity_id != activity.id:
        abort(404)
    return edit


def _activity_page(activity: Activity) -> str:
    """The activity page, where the refusal is shown (flashed) above the gallery."""
    return render_template("activities/view.html", activity=activity, sections=render_activity_sections(activity))


def _back(activity: Activity) -> str:
    return url_for("activities.view", activity_id=activity.id) + "#riwayat-massal"


def changes_from(form) -> Changes:
    """The bulk form's fields as ``Changes`` (empty fields leave a value as it is)."""
    choice = {name: CHOICES.get(form.get(name, ""), "bad") for name in ("public", "highlight")}
    if "bad" in choice.values():
        raise ServiceError(N_("Pilihan tidak dikenal."))
    tags = tuple(t.strip() for t in form.get("tags", "").split(",") if t.strip())
    people = []
    for value in form.getlist("person_id"):
        person_id = parse_id(value)
        if person_id is None:
            raise ServiceError(UNKNOWN_PEOPLE)
        people.append(person_id)
    return Changes(caption=form.get("caption") or None, caption_mode=form.get("caption_mode", "replace"),
                   credit=form.get("credit") or None, copyright=form.get("copyright") or None,
                   people=tuple(people), tags=tags, licence=form.get("licence") or None,
                   restrictions=form.get("restrictions") or None, note=form.get("note") or None, **choice)


@bp.route("/<id:activity_id>/foto/massal", methods=["POST"])
@permission_required("photo.edit")
def apply(activity_id: int):
    activity = _activity(activity_id, "photo.edit")
    try:
        ids = bulk_edit.parse_ids(request.form.getlist("media_id"))
        outside = db.session.scalars(db.select(Media.id).where(Media.id.in_(ids), Media.activity_id != activity.id)).first()
        if outside is not None:
            raise ServiceError(N_("Foto %(id)s bukan foto kegiatan ini."), id=outside)
        edit = bulk_edit.apply(db.session, current_user, ids, changes_from(request.form), activity_id=activity.id)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _activity_page(activity), 400
    db.session.commit()
    message = ngettext("%(num)s foto diubah.", "%(num)s foto diubah.", len(edit.photos))
    if edit.refused:
        message += " " + ngettext("%(num)s foto ditolak (lihat riwayat).", "%(num)s foto ditolak (lihat riwayat).",
                                  len(edit.refused))
    flash(message, "success" if edit.photos else "error")
    return redirect(_back(activity))


@bp.route("/<id:activity_id>/foto/massal/<id:bulk_id>")
@permission_required("activity.read")
def status(activity_id: int, bulk_id: int):
    """The rewrite's progress, polled by ``bulk_edit.js``."""
    edit = _edit(_activity(activity_id, "activity.read"), bulk_id)
    return jsonify(id=edit.id, state=edit.state, **bulk_edit.progress(edit))


@bp.route("/<id:activity_id>/foto/massal/<id:bulk_id>/batal", methods=["POST"])
@permission_required("photo.edit")
def undo(activity_id: int, bulk_id: int):
    activity = _activity(activity_id, "photo.edit")
    edit = _edit(activity, bulk_id)
    try:
        bulk_edit.undo(db.session, current_user, edit)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _activity_page(activity), 409
    db.session.commit()
    flash(_("Suntingan massal dibatalkan.") + (" " + ngettext(
        "%(num)s foto diubah lagi sejak itu dan dibiarkan.", "%(num)s foto diubah lagi sejak itu dan dibiarkan.",
        len(edit.kept)) if edit.kept else ""), "success")
    return redirect(_back(activity))


@activity_section(bp, 12)
def history_section(activity: Activity) -> str:
    edits = bulk_edit.history(db.session, activity.id)
    if not edits:
        return ""
    actors = {u.id: u for u in db.session.scalars(db.select(User).where(
        User.id.in_({e.actor_id for e in edits if e.actor_id})))}
    return render_template("photos/_bulk_history.html", activity=activity, edits=edits, actors=actors,
                           may_undo=bulk_edit.may_undo, progress=bulk_edit.progress,
                           can_edit=may("photo.edit", activity))
