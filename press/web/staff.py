"""The signed-in user's own pages: the dashboard and the profile (language, credit,
password, and the button of ``auth.logout_everywhere``)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.security import check_password_hash

from press.errors import ServiceError
from press.extensions import db
from press.services import accounts

from .auth import sign_in
from .forms import EndSessionsForm, PasswordForm, ProfileForm
from .labels import error_text
from .access import permission_required
from .service_calls import committed

bp = Blueprint("staff", __name__, url_prefix="/staf")


@bp.route("/")
@permission_required("staff.enter")
def dashboard():
    return redirect(url_for("activities.index"))


@bp.route("/profil", methods=["GET", "POST"])
@permission_required("staff.enter")
def profile():
    form = ProfileForm(obj=current_user)
    password_form = PasswordForm(prefix="pw")
    if form.submit.data and form.validate_on_submit():
        try:
            current_user.name = accounts.user_name(form.name.data)
        except ServiceError as exc:
            flash(error_text(exc), "error")
        else:
            current_user.locale = form.locale.data
            current_user.default_credit = (form.default_credit.data or "").strip() or None
            db.session.commit()
            flash(_("Profil disimpan."), "success")
            return redirect(url_for("staff.profile"))
    if password_form.submit.data and password_form.validate_on_submit():
        if not check_password_hash(current_user.password_hash, password_form.current.data):
            flash(_("Kata sandi sekarang salah."), "error")
        else:
            if committed(lambda: accounts.set_password(db.session, current_user, password_form.new.data,
                                                       actor=current_user)):
                sign_in(current_user._get_current_object())
                flash(_("Kata sandi diganti. Sesi di perangkat lain sudah diakhiri."), "success")
                return redirect(url_for("staff.profile"))
    return render_template(
        "staff/profile.html", form=form, password_form=password_form, end_form=EndSessionsForm(prefix="end")
    )

