"""Every view exempt from CSRF protection, listed here, each with its own signed token.

Flask-WTF's ``CSRFProtect`` checks every POST of the application against the session's
form token. A view that must accept a POST without one — a one-click unsubscribe link
in an e-mail (RFC 8058), which arrives from a mail client with no session — is listed
in ``EXEMPT`` with the purpose its token is signed for and how long the token lives,
and verifies that token with :func:`read_token` before it changes anything. Nothing
else calls ``csrf.exempt``: ``tests/unit/test_csrf_exempt.py`` compares the
application's exemptions with this list. Today it holds two views: the unsubscribe link
of every subscriber e-mail (``press/web/subscriptions.py``) and a media partner's proof
link (``press/web/proof_link.py``).

Tokens are itsdangerous signatures with the secret key, salted by purpose (a token
made for one purpose is forged for every other) and timestamped (refused after
``max_age`` seconds).
"""
from __future__ import annotations

import functools
import time
from dataclasses import dataclass

from flask import Flask, current_app
from flask_wtf.csrf import CSRFProtect
from itsdangerous import BadData, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from press.errors import N_, ServiceError


@dataclass(frozen=True)
class Exemption:
    """A view (``blueprint.endpoint``) that takes POSTs without the CSRF form token."""

    endpoint: str
    purpose: str
    max_age: int  # seconds a token for it stays valid


UNSUBSCRIBE = Exemption("subscriptions.unsubscribe", purpose="unsubscribe", max_age=3 * 366 * 24 * 3600)
"""RFC 8058 one-click unsubscribe: the mail client POSTs ``List-Unsubscribe=One-Click`` to
the link of the ``List-Unsubscribe`` header; the link's token names the address. A link
in a kept e-mail must keep working for years."""

PROOF_LINK = Exemption("proof_link.submit", purpose="proof-link", max_age=366 * 24 * 3600)
"""A media partner sends the address of a published piece through its placement's link
(``press/web/proof_link.py``), with no account and no session; the link's token names
the placement. A placement's proof may come months later (a contract year)."""

EXEMPT: tuple[Exemption, ...] = (UNSUBSCRIBE, PROOF_LINK)


class LinkTokenError(ServiceError):
    """A signed token was missing, forged or expired; ``reason`` says which."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def init_app(app: Flask, csrf: CSRFProtect, exemptions: tuple[Exemption, ...] = EXEMPT) -> None:
    """Exempt the listed views (after every blueprint is registered)."""
    purposes = [item.purpose for item in exemptions]
    if len(set(purposes)) != len(purposes):
        raise RuntimeError("two CSRF exemptions share a token purpose")
    for item in exemptions:
        view = app.view_functions.get(item.endpoint)
        if view is None:
            raise RuntimeError(f"CSRF exemption for unknown endpoint {item.endpoint!r}")
        csrf.exempt(view)


class _ClockSigner(TimestampSigner):
    """A timestamp signer whose clock can be set (tests of expiry without sleeping)."""

    def __init__(self, *args, now: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now

    def get_timestamp(self) -> int:
        return int(time.time() if self.now is None else self.now)


def _serializer(purpose: str, secret_key: str | None, now: float | None) -> URLSafeTimedSerializer:
    if not purpose:
        raise ValueError("a signed token needs a purpose")
    return _made_serializer(purpose, secret_key or current_app.config["SECRET_KEY"], now)


@functools.lru_cache(maxsize=32)
def _made_serializer(purpose: str, secret_key: str, now: float | None) -> URLSafeTimedSerializer:
    """One serializer per (purpose, key, clock): a mail's 5,000 subscribers' links are signed with one."""
    return URLSafeTimedSerializer(secret_key, salt=f"siaran.link.{purpose}", signer=_ClockSigner,
                                  signer_kwargs={"now": now})


def make_token(purpose: str, payload, *, secret_key: str | None = None, now: float | None = None) -> str:
    """A URL-safe token carrying ``payload`` (JSON-able), signed for ``purpose``."""
    return _serializer(purpose, secret_key, now).dumps(payload)


def read_token(purpose: str, token: str | None, *, max_age: int, secret_key: str | None = None,
               now: float | None = None):
    """The payload of ``token`` if it was signed for ``purpose`` less than ``max_age``
    seconds ago; :class:`LinkTokenError` (missing, forged or expired) otherwise."""
    if not token:
        raise LinkTokenError("missing", N_("Tautan ini tidak lengkap: tanda pengamannya tidak ada."))
    try:
        return _serializer(purpose, secret_key, now).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise LinkTokenError("expired", N_("Tautan ini sudah kedaluwarsa. Minta tautan yang baru.")) from exc
    except BadData as exc:
        raise LinkTokenError("forged", N_("Tautan ini tidak sah. Gunakan tautan dari surel aslinya.")) from exc
