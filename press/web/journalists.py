"""The journalists' side of the public site: register, confirm the e-mail, sign in, the
account page (``/wartawan/…``).

A journalist's session is not a staff login: it lives under its own key of the session
(``SESSION_KEY``: the journalist's id and session version), never in Flask-Login's, so on
every ``/staf`` page a journalist is anonymous and sent to the staff login. Signing in
on either side clears the session first, so one browser is never both. Like the staff
login, failures count per address (``press.web.login_limit``) and per account
(``accounts.check_credentials``), and every refusal gets the same answer. Every page here
is ``Cache-Control: private, no-store`` and never enters the page cache.
"""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from sqlalchemy.orm import joinedload

from press.codes import JournalistState, SubscriptionCadence, SubscriptionScope, SubscriptionState
from press.errors import N_
from press.extensions import db
from press.models import Journalist
from press.numbers import parse_id
from press.services import journalist_mail, journalists, outlets, subscriptions
from press.errors import ServiceError

from . import links
from . import subscriptions as subscription_pages
from .auth import REFUSED, refused_message, safe_next
from .csrf_exempt import make_token, read_token
from .journalist_forms import AccountForm, JournalistLoginForm, RegisterForm, outlet_choices
from .labels import ACTIVITY_KIND_LABELS, error_text, label
from .service_calls import committed

bp = Blueprint("journalists", __name__, url_prefix="/wartawan")

SESSION_KEY = "journalist"
CONFIRM_PURPOSE = "journalist-confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600
PRIVATE = "private, no-store"


def _identifier() -> str:
    return current_app.login_manager._session_identifier_generator()


def current_journalist() -> Journalist | None:
    """The approved journalist this browser signed in as, or ``None`` (also for a session
    of an older version, one from another browser, or an account no longer approved)."""
    if "journalist" in g:
        return g.journalist
    found = None
    number, _sep, version = str(session.get(SESSION_KEY, "")).partition(":")
    journalist_id = parse_id(number)
    if journalist_id is not None and version.isdigit() and session.get("_id") == _identifier():
        journalist = db.session.get(Journalist, journalist_id, options=[joinedload(Journalist.outlet)])
        if (journalist is not None and journalist.state == JournalistState.APPROVED
                and journalist.session_version == int(version)):
            found = journalist
    g.journalist = found
    return found


def sign_in(journalist: Journalist) -> None:
    """A fresh session holding only the journalist (a staff login in this browser ends)."""
    session.clear()
    session[SESSION_KEY] = journalist.session_id()
    session["_id"] = _identifier()
    g.journalist = journalist


def journalist_required(view):
    """The page is a signed-in, approved journalist's; anyone else is sent to sign in."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        journalist = current_journalist()
        if journalist is None:
            return redirect(url_for("journalists.sign_in_page", next=request.path))
        return view(journalist, *args, **kwargs)
    return wrapper


def sender() -> journalist_mail.Sender:
    return journalist_mail.Sender(current_app.config["OFFICE_NAME"],
                                  current_app.config.get("SITE_URL") or request.host_url)


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = PRIVATE
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _register(form: RegisterForm) -> Journalist:
    journalist = journalists.register(db.session, form.email.data, form.password.data, form.profile())
    token = make_token(CONFIRM_PURPOSE, {"id": journalist.id, "email": journalist.email})
    journalist_mail.send_confirmation(db.session, journalist, links.absolute("journalists.confirm", token=token),
                                      sender())
    return journalist


def _profile_form(form_class, **kwargs):
    form = form_class(**kwargs)
    form.outlet.choices = outlet_choices(outlets.all_outlets(db.session))
    return form


@bp.route("/daftar", methods=["GET", "POST"])
def register():
    form = _profile_form(RegisterForm)
    if form.validate_on_submit():
        journalist = committed(lambda: _register(form))
        if journalist:
            return render_template("journalists/registered.html", email=journalist.email)
    return render_template("journalists/register.html", form=form), 400 if request.method == "POST" else 200


@bp.route("/konfirmasi/<token>")
def confirm(token: str):
    try:
        payload = read_token(CONFIRM_PURPOSE, token, max_age=CONFIRM_MAX_AGE)
        if not isinstance(payload, dict) or not isinstance(payload.get("id"), int):
            raise journalists.JournalistError(N_("Tautan konfirmasi ini tidak lagi berlaku."))
        journalist = journalists.confirm_email(db.session, payload["id"], str(payload.get("email")))
    except ServiceError as exc:
        return render_template("journalists/message.html", title=_("Konfirmasi gagal"), text=error_text(exc)), 400
    db.session.commit()
    text = (_("Alamat surel Anda sudah dikonfirmasi. Redaktur Humas akan memeriksa pendaftaran Anda; "
              "keputusannya dikirim ke %(email)s.", email=journalist.email)
            if journalist.state == JournalistState.PENDING else _("Alamat surel Anda sudah dikonfirmasi."))
    return render_template("journalists/message.html", title=_("Surel dikonfirmasi"), text=text)


@bp.route("/masuk", methods=["GET", "POST"])
def sign_in_page():
    if current_journalist() is not None:
        return redirect(safe_next(request.args.get("next"), "embargo_site.index"))
    form = JournalistLoginForm()
    status = 200
    if form.validate_on_submit():
        result = journalists.authenticate(db.session, form.email.data, form.password.data,
                                          max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                                          lock_minutes=current_app.config["LOGIN_LOCK_MINUTES"])
        db.session.commit()
        if result.outcome == "ok":
            sign_in(result.user)
            return redirect(safe_next(request.args.get("next"), "embargo_site.index"))
        status = REFUSED
        if result.outcome == "inactive":  # only said to someone who knows the password
            flash(_("Pendaftaran Anda belum disetujui redaktur.") if result.user.state == JournalistState.PENDING
                  else _("Pendaftaran Anda ditolak: %(reason)s", reason=result.user.rejection_reason), "error")
        else:
            flash(refused_message(), "error")
    return render_template("journalists/sign_in.html", form=form), status


@bp.route("/keluar", methods=["POST"])
def sign_out():
    journalist = current_journalist()
    if journalist is not None:
        journalists.end_sessions(journalist)
        db.session.commit()
    session.clear()
    flash(_("Anda sudah keluar."), "info")
    return redirect(url_for("journalists.sign_in_page"))


@bp.route("/akun", methods=["GET", "POST"])
@journalist_required
def account(journalist: Journalist):
    if request.method == "GET":
        return _account_page(journalist)
    form = _profile_form(AccountForm)
    if form.validate_on_submit() and committed(lambda: journalists.update_profile(db.session, journalist,
                                                                                 form.profile())):
        flash(_("Perubahan disimpan."), "info")
        return redirect(url_for("journalists.account"))
    return _account_page(journalist, form, 400)


def _account_page(journalist: Journalist, form=None, status: int = 200, subscription_form=None):
    """The account page: the profile ``form`` (the saved profile when None) and the subscriptions."""
    if form is None:
        form = _profile_form(AccountForm, obj=journalist)
        form.outlet.data = str(journalist.outlet_id)
        form.ukw_level.data = journalist.ukw_level or ""
    return render_template("journalists/account.html", form=form, journalist=journalist,
                           subscriptions=subscriptions_of(journalist), subscription_form=subscription_form or {},
                           **subscription_pages.scope_options()), status


@bp.route("/akun/langganan", methods=["POST"])
@journalist_required
def subscribe(journalist: Journalist):
    """A subscription of the journalist's own address, active at once: the address was
    confirmed when the account was."""
    if committed(lambda: subscription_pages.subscribe_from_form(request.form, confirmed=True,
                                                                address=journalist.email)):
        flash(_("Langganan disimpan."), "info")
        return redirect(url_for("journalists.account", _anchor="langganan"))
    return _account_page(journalist, status=400, subscription_form=request.form)


@bp.route("/akun/langganan/<id:subscription_id>/berhenti", methods=["POST"])
@journalist_required
def unsubscribe(journalist: Journalist, subscription_id: int):
    if committed(lambda: subscriptions.unsubscribe(db.session, subscription_id, journalist.email)):
        flash(_("Langganan dihentikan."), "info")
        return redirect(url_for("journalists.account", _anchor="langganan"))
    return _account_page(journalist, status=400)


def subscriptions_of(journalist: Journalist) -> list[tuple[int, str]]:
    """The journalist's running e-mail subscriptions: ``(id, one line of the account page)``,
    the unit or topic by its name."""
    lines = []
    for item in subscriptions.for_address(db.session, journalist.email):
        scope = SubscriptionScope(item.scope)
        value = (ACTIVITY_KIND_LABELS.get(item.scope_value) if scope == SubscriptionScope.KIND
                 else subscriptions.scope_name(db.session, item))
        lines.append((item.id, " · ".join(str(part) for part in filter(None, (
            label(scope), value, label(SubscriptionCadence(item.cadence)), label(SubscriptionState(item.state)))))))
    return lines


def init_app(app) -> None:
    app.add_template_global(current_journalist)
