"""Admin pages: users, units (OPD) and venues."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import AuditEvent, Unit, User, Venue
from press.services import accounts, directory
from press.services.audit import record

from .auth import sign_in
from .forms import options, UnitForm, UserForm, VenueForm
from .params import page_arg
from .access import permission_required
from .service_calls import committed

bp = Blueprint("admin", __name__, url_prefix="/staf/admin")


def _get(model, object_id: int):
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj


def _unit_choices(form) -> None:
    """Every account belongs to a unit: the units, no empty choice."""
    units = db.session.scalars(select(Unit).order_by(Unit.name)).all()
    form.unit_id.choices = options([(u.id, u.name) for u in units])


def _parent_choices(form, unit: Unit | None = None) -> None:
    units = db.session.scalars(select(Unit).order_by(Unit.name)).all()
    form.parent_id.choices = options([(0, _("— unit teratas —"))] + [(u.id, u.name) for u in units if u is not unit])


@bp.route("/pengguna")
@permission_required("user.manage")
def users():
    rows = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("admin/users.html", users=rows)


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@permission_required("user.manage")
def user_create():
    form = UserForm()
    _unit_choices(form)
    if form.validate_on_submit():
        if not form.password.data:
            flash(_("Pengguna baru perlu kata sandi."), "error")
        else:
            if committed(lambda: accounts.create_user(
                db.session, form.email.data, form.password.data, form.role.data, name=form.name.data,
                unit_id=form.unit_id.data, locale=form.locale.data, default_credit=form.default_credit.data or None,
                actor=current_user,
            )):
                flash(_("Pengguna dibuat."), "success")
                return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/pengguna/<id:user_id>", methods=["GET", "POST"])
@permission_required("user.manage")
def user_edit(user_id: int):
    user = _get(User, user_id)
    form = UserForm(obj=user)
    _unit_choices(form)
    if request.method == "GET":
        form.unit_id.data = user.unit_id
    if form.validate_on_submit():
        if user.id == current_user.id and (form.role.data not in permissions.holders("user.manage") or not form.active.data):
            flash(_("Anda tidak bisa mencabut peran admin atau menonaktifkan akun Anda sendiri."), "error")
            return render_template("admin/user_form.html", form=form, user=user)
        if committed(lambda: _update_user(user, form)):
            flash(_("Pengguna disimpan."), "success")
            if user.id == current_user.id and form.password.data:
                sign_in(user)  # a new password ends the other sessions, not this one
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=user)


def _update_user(user: User, form: UserForm) -> None:
    user.name = accounts.user_name(form.name.data)
    user.role = form.role.data
    user.unit_id = form.unit_id.data or user.unit_id
    user.locale = form.locale.data
    user.default_credit = form.default_credit.data or None
    accounts.set_active(db.session, user, form.active.data)
    if not user.active or form.password.data:
        user.locked_until = None
    if form.password.data:
        accounts.set_password(db.session, user, form.password.data, actor=current_user)
    record(db.session, current_user, "user.updated", user, role=user.role, active=user.active)


@bp.route("/unit", methods=["GET", "POST"])
@permission_required("directory.manage")
def units():
    form = UnitForm()
    _parent_choices(form)
    if form.validate_on_submit() and _save_unit(None, form):
        return redirect(url_for("admin.units"))
    rows = db.session.scalars(select(Unit).order_by(Unit.name)).all()
    return render_template("admin/units.html", units=rows, form=form)


@bp.route("/unit/<id:unit_id>", methods=["GET", "POST"])
@permission_required("directory.manage")
def unit_edit(unit_id: int):
    unit = _get(Unit, unit_id)
    form = UnitForm(obj=unit)
    _parent_choices(form, unit)
    if request.method == "GET":
        form.parent_id.data = unit.parent_id or 0
    if form.validate_on_submit() and _save_unit(unit, form):
        return redirect(url_for("admin.units"))
    return render_template("admin/unit_form.html", form=form, unit=unit)


def _save_unit(unit: Unit | None, form: UnitForm) -> bool:
    """A new unit (``unit`` None) or ``unit`` changed, from the form; True when saved."""
    values = {"parent_id": form.parent_id.data or None, "central": form.central.data,
              "publishes_itself": form.publishes_itself.data, "actor": current_user}
    if unit is None:
        saved = committed(lambda: directory.create_unit(db.session, form.name.data, form.abbreviation.data, **values))
    else:
        saved = committed(lambda: directory.update_unit(db.session, unit, form.name.data, form.abbreviation.data,
                                                        **values))
    if saved:
        flash(_("Unit dibuat.") if unit is None else _("Unit disimpan."), "success")
    return bool(saved)


@bp.route("/tempat", methods=["GET", "POST"])
@permission_required("directory.manage")
def venues():
    form = VenueForm()
    if form.validate_on_submit() and _save_venue(None, form):
        return redirect(url_for("admin.venues"))
    rows = db.session.scalars(select(Venue).order_by(Venue.name)).all()
    return render_template("admin/venues.html", venues=rows, form=form)


@bp.route("/tempat/<id:venue_id>", methods=["GET", "POST"])
@permission_required("directory.manage")
def venue_edit(venue_id: int):
    venue = _get(Venue, venue_id)
    form = VenueForm(obj=venue)
    if form.validate_on_submit() and _save_venue(venue, form):
        return redirect(url_for("admin.venues"))
    return render_template("admin/venue_form.html", form=form, venue=venue)


def _save_venue(venue: Venue | None, form: VenueForm) -> bool:
    saved = committed(lambda: directory.save_venue(
        db.session, venue, name=form.name.data, address=form.address.data, city=form.city.data,
        latitude=form.latitude.data, longitude=form.longitude.data, actor=current_user,
    ))
    if saved:
        flash(_("Tempat disimpan."), "success")
    return bool(saved)


@bp.route("/audit")
@permission_required("user.manage")
def audit():
    query = select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    page = db.paginate(query, page=page_arg(), per_page=50, error_out=False)
    return render_template("admin/audit.html", page=page)
