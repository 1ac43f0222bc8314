"""PPID classes on the web: the public information list and the editors' class forms.

``site_bp`` (public): ``/ppid/daftar-informasi``, the public information (DIP) by class,
year and unit, and the same list as CSV at ``/ppid/daftar-informasi.csv``; conditional
GETs like the rest of the site. ``bp`` (staff): the POSTs that set a release's or an
activity's class, the class section on the activity page and the class card the staff
release page includes (``ppid/_release_class.html``). What may be set and what the
public then sees are the services' (``press.services.ppid``, ``press.services.public``).
"""
from __future__ import annotations

import csv
import io

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from press.errors import ServiceError
from press.extensions import db
from press.models import Activity, Release
from press.services import ppid
from press.services.public import last_change

from .downloads import as_download
from .labels import PPID_CLASS_LABELS, error_text
from .links import public_url, staff_url
from .access import may_read_release, permission_required, require
from .sections import activity_section
from .site import conditional, modified

site_bp = Blueprint("ppid_site", __name__)
site_bp.after_request(conditional)
bp = Blueprint("ppid", __name__, url_prefix="/staf/ppid")

# A cell a spreadsheet would run as a formula starts with one of these; it gets a leading quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@bp.app_context_processor
def ppid_helpers():
    return {"PPID_CLASS_LABELS": PPID_CLASS_LABELS}


# -- the public information list -------------------------------------------------------


def _filters() -> ppid.Filters:
    return ppid.parse_filters(db.session, ppid_class=request.args.get("kelas"), year=request.args.get("tahun"),
                              unit=request.args.get("unit"))


@site_bp.route("/ppid/daftar-informasi")
def information():
    try:
        filters = _filters()
    except ServiceError as exc:
        listing = ppid.information_list(db.session)
        return render_template("ppid/information.html", listing=listing, entries=[], filters=ppid.Filters(),
                               refusal=error_text(exc), classes=ppid.LISTED_CLASSES), 400
    modified(last_change(db.session))
    listing = ppid.information_list(db.session, filters)
    return render_template("ppid/information.html", listing=listing, entries=listing.entries, filters=filters,
                           classes=ppid.LISTED_CLASSES, csv_args=_csv_args(filters))


def _csv_args(filters: ppid.Filters) -> dict:
    args = {"kelas": filters.ppid_class, "tahun": filters.year, "unit": filters.unit.slug if filters.unit else None}
    return {name: value for name, value in args.items() if value}


@site_bp.route("/ppid/daftar-informasi.csv")
def information_csv():
    try:
        filters = _filters()
    except ServiceError as exc:
        return error_text(exc) + "\n", 400, {"Content-Type": "text/plain; charset=utf-8"}
    modified(last_change(db.session))
    listing = ppid.information_list(db.session, filters)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Klasifikasi"), _("Jenis"), _("Judul"), _("Unit"), _("Tanggal"), _("Tautan")])
    for entry in listing.entries:
        writer.writerow([_cell(value) for value in (
            PPID_CLASS_LABELS[entry.ppid_class], _kind_text(entry), entry.title,
            entry.unit.name if entry.unit else "", entry.day.isoformat(),
            public_url(entry.kind, entry.item, external=True),
        )])
    response = make_response("\ufeff" + out.getvalue())  # the BOM: spreadsheets read the file as UTF-8
    response.mimetype = "text/csv"
    response.charset = "utf-8"
    return as_download(response, "daftar-informasi-publik.csv", "daftar-informasi-publik.csv")


def _kind_text(entry: ppid.Information) -> str:
    if entry.kind == "release":
        return _("Siaran pers")
    return ngettext("Galeri foto kegiatan (%(num)s foto)", "Galeri foto kegiatan (%(num)s foto)", entry.photos)


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


# -- the editors' class forms ------------------------------------------------------------


@activity_section(bp, 40)
def class_section(activity: Activity) -> str:
    return render_template("ppid/_activity_class.html", activity=activity)


@bp.route("/siaran/<id:release_id>", methods=["POST"])
@permission_required("ppid.classify")
def classify_release(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    if not may_read_release(release):
        abort(403)
    try:
        ppid.classify_release(db.session, release, request.form.get("ppid_class", ""), current_user,
                              notice=request.form.get("notice"))
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        release = db.session.get(Release, release_id)
        return render_template("ppid/refused.html", item=release, kind="release", refusal=error_text(exc),
                               notice=request.form.get("notice", "")), 400
    flash(_("Klasifikasi informasi kini: %(label)s.", label=PPID_CLASS_LABELS[release.ppid_class]), "success")
    return redirect(staff_url("release", release))


@bp.route("/kegiatan/<id:activity_id>", methods=["POST"])
@permission_required("ppid.classify")
def classify_activity(activity_id: int):
    activity = db.session.get(Activity, activity_id) or abort(404)
    require("activity.read", activity)
    try:
        ppid.classify_activity(db.session, activity, request.form.get("ppid_class", ""), current_user)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        activity = db.session.get(Activity, activity_id)
        return render_template("ppid/refused.html", item=activity, kind="activity", refusal=error_text(exc)), 400
    flash(_("Klasifikasi informasi kini: %(label)s.", label=PPID_CLASS_LABELS[activity.ppid_class]), "success")
    return redirect(staff_url("activity", activity))
