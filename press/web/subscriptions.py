"""Subscriptions by e-mail on the public site, no login: the subscribe page (``/langganan``),
the confirmation link of the double opt-in (``/langganan/konfirmasi/<token>``: a page
whose button confirms, so a mail scanner following links confirms nothing), and the
unsubscribe link of every subscriber message (``/langganan/berhenti/<token>``: a page
with a button, and RFC 8058's one-click POST from the mail client, exempt from the form
token in ``csrf_exempt`` and checked by its own signed token instead).
"""
from __future__ import annotations

from flask import Blueprint, make_response, render_template, request
from flask_babel import gettext

from press.codes import ActivityKind, SubscriptionCadence, SubscriptionScope
from press.extensions import db
from press.errors import N_
from press.services import subscriptions
from press.services.outbox import OutboxError

from . import csrf_exempt
from .labels import ACTIVITY_KIND_LABELS, error_text
from .mail import CONFIRM_MAX_AGE, CONFIRM_PURPOSE

bp = Blueprint("subscriptions", __name__, url_prefix="/langganan")

FORGED = N_("Tautan ini tidak sah. Gunakan tautan dari surel aslinya.")
SCOPE_FIELDS = {SubscriptionScope.UNIT: "unit", SubscriptionScope.TAG: "tag", SubscriptionScope.KIND: "kind"}


def _private(response):
    """Token pages are one reader's: never cached, never shared."""
    response = make_response(response)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def scope_options() -> dict:
    """The lists ``subscriptions/_scope_fields.html`` offers: ``units``, ``topics``, ``kinds``."""
    units, topics = subscriptions.scope_choices(db.session)
    return {"units": units, "topics": topics,
            "kinds": [(kind.value, ACTIVITY_KIND_LABELS[kind]) for kind in ActivityKind]}


def subscribe_from_form(form, *, confirmed: bool = False, address: str | None = None):
    """Subscribe as the fields of ``_scope_fields.html`` say (``address``: the form's
    ``email`` unless given); raises the service's refusals."""
    scope = form.get("scope", "")
    field = SCOPE_FIELDS.get(scope)
    return subscriptions.subscribe(
        db.session, address=address if address is not None else form.get("email", ""), scope=scope,
        scope_value=form.get(field) if field else None,
        cadence=form.get("cadence", SubscriptionCadence.IMMEDIATE), confirmed=confirmed)


def _form_page(status: int = 200, refusal: str | None = None, done=None):
    return render_template("subscriptions/subscribe.html", **scope_options(),
                           refusal=refusal, done=done, form=request.form), status


@bp.route("", methods=["GET", "POST"])
def subscribe():
    if request.method == "GET":
        return _form_page()
    try:
        row = subscribe_from_form(request.form)
    except (subscriptions.SubscriptionError, OutboxError) as exc:
        db.session.rollback()
        return _form_page(400, error_text(exc))
    db.session.commit()
    return _form_page(done=row)


def _token_refused(exc: csrf_exempt.LinkTokenError):
    return _private((render_template("subscriptions/result.html", refusal=error_text(exc)), 400))


@bp.route("/konfirmasi/<token>", methods=["GET", "POST"])
def confirm(token: str):
    try:
        payload = csrf_exempt.read_token(CONFIRM_PURPOSE, token, max_age=CONFIRM_MAX_AGE)
    except csrf_exempt.LinkTokenError as exc:
        return _token_refused(exc)
    if request.method == "GET":
        return _private(render_template("subscriptions/confirm.html", token=token))
    try:
        subscriptions.confirm(db.session, int(payload.get("s", 0)))
    except (subscriptions.SubscriptionError, ValueError, TypeError, AttributeError) as exc:
        db.session.rollback()
        message = error_text(exc) if isinstance(exc, subscriptions.SubscriptionError) else None
        return _private((render_template("subscriptions/result.html", refusal=message or gettext(FORGED)), 400))
    db.session.commit()
    return _private(render_template("subscriptions/result.html", confirmed=True))


@bp.route("/berhenti/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """GET: a page with the button; POST (the button, or a mail client's one-click): done."""
    try:
        payload = csrf_exempt.read_token(csrf_exempt.UNSUBSCRIBE.purpose, token, max_age=csrf_exempt.UNSUBSCRIBE.max_age)
        address = str(payload["a"])
    except csrf_exempt.LinkTokenError as exc:
        return _token_refused(exc)
    except (KeyError, TypeError):
        return _token_refused(csrf_exempt.LinkTokenError("forged", FORGED))
    if request.method == "GET":
        return _private(render_template("subscriptions/unsubscribe.html", token=token, address=address))
    try:
        subscriptions.unsubscribe_address(db.session, address)
    except OutboxError as exc:
        db.session.rollback()
        return _private((render_template("subscriptions/result.html", refusal=error_text(exc)), 400))
    db.session.commit()
    return _private(render_template("subscriptions/result.html", unsubscribed=address))
