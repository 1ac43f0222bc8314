"""Failed logins counted per client address (Flask-Limiter), long before an account locks.

The staff login and the journalists' sign-in share one count. Only refused logins count (``deduct_when``), so an office sharing one address can sign
in all day; after ``LOGIN_RATE_LIMIT`` failures in the window the address gets 429 with
``Retry-After`` and the login page saying how long to wait, and the accounts it guessed
at are not touched. The address is ``request.remote_addr``: the proxy's unless
``PRESS_TRUSTED_PROXIES`` names it (``press.web.proxies``). Counts live in
``RATELIMIT_STORAGE_URI`` (``PRESS_RATE_LIMIT_STORAGE_URI``, else the jobs' Redis when
``PRESS_JOBS_URL`` names one, else memory: per process). In Redis every node shares them,
counted atomically by the limits library's Lua scripts; while Redis cannot be reached each
process counts in its own memory, so logins never fail for want of it and the per-account
lock-out still holds.
"""
from __future__ import annotations

import math
import time

from flask import Flask, current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_limiter import Limiter, RateLimitExceeded
from limits import parse

from press.config import ConfigError

from . import auth
from .forms import LoginForm


LOGIN_PAGES = {"auth.login": "auth/login.html", "journalists.sign_in_page": "journalists/sign_in.html"}
"""The staff and the journalists' sign-in pages: their failures count together per address."""


def client_address() -> str:
    return request.remote_addr or "unknown"


def init_app(app: Flask) -> Limiter:
    rule = app.config["LOGIN_RATE_LIMIT"]
    try:
        parse(rule)
    except ValueError as exc:
        raise ConfigError(f"PRESS_LOGIN_RATE_LIMIT: {rule!r} is not a limit; write e.g. '10 per 15 minutes'") from exc
    limiter = Limiter(
        client_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        strategy="moving-window",
        headers_enabled=False,
        in_memory_fallback_enabled=True,
    )
    shared = limiter.shared_limit(
        rule,
        scope="login",
        methods=["POST"],
        deduct_when=lambda response: response.status_code == auth.REFUSED,
    )
    for endpoint in LOGIN_PAGES:
        app.view_functions[endpoint] = shared(app.view_functions[endpoint])
    app.extensions["login_limiter"] = limiter
    app.register_error_handler(RateLimitExceeded, too_many_failures)
    return limiter


def too_many_failures(exc: RateLimitExceeded):
    limit = current_app.extensions["login_limiter"].current_limit
    wait = max(1, int(limit.reset_at - time.time())) if limit is not None else 60
    flash(
        _(
            "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam %(minutes)s menit.",
            minutes=math.ceil(wait / 60),
        ),
        "error",
    )
    template = LOGIN_PAGES.get(request.endpoint, "auth/login.html")
    response = current_app.make_response((render_template(template, form=LoginForm()), 429))
    response.headers["Retry-After"] = str(wait)
    return response
