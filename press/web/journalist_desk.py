"""The editors' desk for journalists (``/staf/wartawan``: registrations to approve or reject
with a reason) and for the outlets register (``/staf/media``: name, kind, site, Dewan Pers
verification)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from press.codes import JournalistState
from press.extensions import db
from press.models import Journalist, Outlet
from press.services import journalist_mail, journalists, outlets

from . import links
from .access import may, permission_required
from .journalist_forms import DecisionForm, OutletForm
from .journalists import sender
from .service_calls import committed

bp = Blueprint("journalist_desk", __name__, url_prefix="/staf")


@bp.route("/wartawan/")
@permission_required("journalist.approve")
def index():
    state = request.args.get("status") or None
    if state not in (None, *JournalistState):
        state = None
    return render_template("journalist_desk/index.html", journalists=journalists.listing(db.session, state),
                           state=state, states=list(JournalistState))


@bp.route("/wartawan/<id:journalist_id>", methods=["GET", "POST"])
@permission_required("journalist.approve")
def view(journalist_id: int):
    journalist = db.session.get(Journalist, journalist_id) or abort(404)
    form = DecisionForm()
    if form.validate_on_submit() and committed(lambda: _decide(journalist, form)):
        flash(_("Keputusan disimpan dan dikirim ke %(email)s.", email=journalist.email), "info")
        return redirect(links.staff_url("journalist", journalist))
    return render_template("journalist_desk/view.html", journalist=journalist,
                           form=form), 400 if request.method == "POST" else 200


def _decide(journalist: Journalist, form: DecisionForm) -> None:
    if form.reject.data:
        journalists.reject(db.session, journalist, current_user, form.reason.data or "")
    else:
        journalists.approve(db.session, journalist, current_user)
    journalist_mail.send_decision(db.session, journalist, sender())


@bp.route("/media/")
@permission_required("outlet.edit")
def outlets_index():
    return render_template("journalist_desk/outlets.html", outlets=outlets.all_outlets(db.session),
                           form=OutletForm(formdata=None))


@bp.route("/media/baru", methods=["POST"])
@permission_required("outlet.edit")
def outlet_new():
    return _save_outlet(None)


@bp.route("/media/<id:outlet_id>", methods=["GET", "POST"])
@permission_required("outlet.edit")
def outlet_edit(outlet_id: int):
    outlet = db.session.get(Outlet, outlet_id) or abort(404)
    if request.method == "GET":
        return render_template("journalist_desk/outlet.html", outlet=outlet, form=OutletForm(obj=outlet))
    return _save_outlet(outlet)


def _save_outlet(outlet: Outlet | None):
    form = OutletForm()
    if form.validate_on_submit():
        saved = committed(lambda: _save(form, outlet))
        if saved:
            flash(_("Media %(name)s disimpan.", name=saved.name), "info")
            return redirect(links.staff_url("outlet", saved))
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
    if outlet is None:
        return render_template("journalist_desk/outlets.html", outlets=outlets.all_outlets(db.session),
                               form=form), 400
    return render_template("journalist_desk/outlet.html", outlet=outlet, form=form), 400


def _save(form: OutletForm, outlet: Outlet | None) -> Outlet:
    saved = outlets.save(db.session, current_user, name=form.name.data, kind=form.kind.data,
                         site_url=form.site_url.data, outlet=outlet)
    if may("outlet.verify") and (form.verified.data != saved.verified
                                 or (saved.verified and form.verified_on.data != saved.verified_on)):
        outlets.set_verification(db.session, current_user, saved, form.verified.data, form.verified_on.data)
    return saved


links.register("journalist", Journalist, staff=("journalist_desk.view", "journalist_id"))
links.register("outlet", Outlet, staff=("journalist_desk.outlet_edit", "outlet_id"))
