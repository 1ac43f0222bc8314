"""Staff login and logout: the session version check, one answer for every refused login.

``press.web.login_limit`` slows an address down before ``press.services.accounts``
locks an account; this module never says whether an e-mail has an account or is locked.
"""
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

from .forms import EndSessionsForm, LanguageForm, LoginForm

bp = Blueprint("auth", __name__, url_prefix="/staf")

REFUSED = 401


def init_login(login_manager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Silakan masuk untuk membuka halaman ini.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        """``"<id>:<session version>"`` from ``User.get_id``; an older version is refused."""
        number, _sep, version = user_id.partition(":")
        user_pk = parse_id(number)
        if user_pk is None or not version.isdigit() or len(version) > 18:
            return None
        user = db.session.get(User, user_pk)
        if user is None or not user.active or user.session_version != int(version):
            return None
        return user


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


def sign_in(user: User) -> None:
    """Start a fresh session for ``user`` holding its current session version."""
    session.clear()
    login_user(user)


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
            sign_in(result.user)
            return redirect(safe_next(request.args.get("next")))
        status = REFUSED
        if result.outcome == "inactive":  # only said to someone who knows the password
            flash(_("Akun ini dinonaktifkan. Hubungi admin."), "error")
        else:
            flash(refused_message(), "error")
    return render_template("auth/login.html", form=form), status


def refused_message() -> str:
    """The one message for an unknown e-mail, a wrong password and a locked account."""
    return _(
        "Email atau kata sandi salah. Setelah terlalu banyak percobaan yang gagal, akun dikunci "
        "sementara (%(minutes)s menit).",
        minutes=current_app.config["LOGIN_LOCK_MINUTES"],
    )


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        accounts.end_sessions(db.session, current_user)
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("Anda sudah keluar."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/keluar-semua", methods=["POST"])
def logout_everywhere():
    """End every session of the signed-in user on every device, this one included."""
    form = EndSessionsForm(prefix="end")
    if not current_user.is_authenticated or not form.validate_on_submit():
        return redirect(url_for("auth.login"))
    accounts.end_sessions(db.session, current_user, actor=current_user, everywhere=True)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("Anda sudah keluar dari semua perangkat."), "info")
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
