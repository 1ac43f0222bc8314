"""The admin's list of photo licences and each unit's default (``licence.manage``)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from press.extensions import db
from press.models import Licence, Unit
from press.numbers import parse_id
from press.services import licences

from .access import permission_required
from .service_calls import committed

bp = Blueprint("licences", __name__, url_prefix="/staf/admin/lisensi")


def _page(status: int = 200, form=None):
    return render_template("admin/licences.html", licences=licences.all_licences(db.session),
                           units=licences.unit_defaults(db.session), form=form or {}), status


def _saved(message: str):
    flash(message, "success")
    return redirect(url_for("licences.index"))


@bp.route("", methods=["GET", "POST"])
@permission_required("licence.manage")
def index():
    if request.method == "GET":
        return _page()
    form = request.form
    if not committed(lambda: licences.save(db.session, current_user, code=form.get("code", ""),
                                           name=form.get("name", ""), url=form.get("url"),
                                           internal=form.get("internal") == "1")):
        return _page(400, form)
    return _saved(_("Lisensi disimpan."))


@bp.route("/<id:licence_id>", methods=["POST"])
@permission_required("licence.manage")
def edit(licence_id: int):
    licence = db.session.get(Licence, licence_id)
    if licence is None:
        abort(404)
    form = request.form
    if not committed(lambda: licences.save(db.session, current_user, code=licence.code, name=form.get("name", ""),
                                           url=form.get("url"), internal=form.get("internal") == "1",
                                           licence=licence)):
        return _page(400)
    return _saved(_("Lisensi disimpan."))


@bp.route("/unit", methods=["POST"])
@permission_required("licence.manage")
def unit_default():
    unit = db.session.get(Unit, parse_id(request.form.get("unit_id", "")) or 0)
    code = request.form.get("licence", "")
    licence = licences.by_code(db.session, code) if code else None
    if unit is None or (code and licence is None):
        flash(_("Unit atau lisensi tidak dikenal."), "error")
        return _page(400)
    if not committed(lambda: licences.set_unit_default(db.session, current_user, unit, licence)):
        return _page(400)
    return _saved(_("Lisensi bawaan unit disimpan."))
