"""Staff login and logout, with the per-account lock-out of ``press.services.accounts``."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from press.extensions import db
from press.models import User
from press.numbers import parse_id
from press.services import accounts

from .forms import LanguageForm, LoginForm

bp = Blueprint("auth", __name__, url_prefix="/staf")


def init_login(login_manager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Silakan masuk untuk membuka halaman ini.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        user_id = parse_id(user_id)
        if user_id is None:
            return None
        user = db.session.get(User, user_id)
        return user if user is not None and user.active else None


_UNSAFE_IN_NEXT = re.compile(r"[\x00-\x1f\x7f\\]")


def safe_next(target: str | None, fallback: str = "activities.index") -> str:
    """Only same-site paths are followed after login; otherwise the ``fallback`` endpoint.

    Control characters cannot go into a ``Location`` header (and browsers drop tabs
    and newlines, so a slash, a newline and a slash read as ``//``, another site); a
    backslash reads as a slash. A ``next`` holding any of them is not followed."""
    if target and not _UNSAFE_IN_NEXT.search(target):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return url_for(fallback)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        result = accounts.authenticate(
            db.session,
            form.email.data,
            form.password.data,
            max_failures=current_app.config["LOGIN_MAX_FAILURES"],
            lock_minutes=current_app.config["LOGIN_LOCK_MINUTES"],
        )
        db.session.commit()
        if result.outcome == "ok":
            session.clear()
            login_user(result.user)
            return redirect(safe_next(request.args.get("next")))
        status = 401
        if result.outcome == "locked":
            status = 429
            flash(
                _(
                    "Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. "
                    "Coba lagi setelah %(minutes)s menit.",
                    minutes=current_app.config["LOGIN_LOCK_MINUTES"],
                ),
                "error",
            )
        elif result.outcome == "inactive":
            flash(_("Akun ini dinonaktifkan. Hubungi admin."), "error")
        else:
            flash(_("Email atau kata sandi salah."), "error")
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    flash(_("Anda sudah keluar."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/bahasa", methods=["POST"])
def language():
    """Visitors without an account choose their language for this browser session."""
    form = LanguageForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            current_user.locale = form.locale.data
            db.session.commit()
        session["locale"] = form.locale.data
    return redirect(safe_next(request.form.get("next")))
