"""Security headers on every response: the Content-Security-Policy and its companions.

The policy allows scripts and styles from the site's own ``/static/`` files only, never
inline ones: the pages carry no ``<script>`` blocks (the JSON-LD data block is not
executed, so CSP does not apply to it), no ``style="…"`` attributes and no ``on…=``
handlers (a confirmation is a ``data-confirm`` attribute read by ``static/confirm.js``).
``tests/web/test_inline_markup.py`` keeps it so, and the browser tests fail on any
violation Chromium reports.

Staff pages (everything behind the login lives under ``/staf``) are not stored by
browsers or proxies (``Cache-Control: no-store``) unless the view chose its own
``private`` caching (staff photo renditions), and send no referrer to other sites. The
public site keeps the caching its views set (ETag, Last-Modified); the page cache
(``page_cache.py``) stores these headers with each page and replays them, 304s included.

HSTS is sent only when ``PRESS_ENV`` is ``production``: a development server on plain
HTTP at 127.0.0.1 must not pin the browser to HTTPS for that host.

Written here rather than with Flask-Talisman, which by default redirects to HTTPS and
marks the session cookie secure (the test and development servers speak plain HTTP),
sets one policy for the whole app where staff and public pages differ (Referrer-Policy,
Cache-Control), and brings nonces that no page needs.
"""
from __future__ import annotations

from flask import Flask, Response, current_app, request

STAFF_PREFIX = "/staf"

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
HSTS = "max-age=31536000"

# Headers every answer carries, whatever its status; the page cache replays them on a 304.
HEADER_NAMES = (
    "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
    "Permissions-Policy", "Strict-Transport-Security",
)


def is_staff_path(path: str) -> bool:
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    staff = is_staff_path(request.path)
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "same-origin" if staff else "strict-origin-when-cross-origin"
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    if current_app.config.get("PRESS_ENV") == "production":
        headers["Strict-Transport-Security"] = HSTS
    if staff and "private" not in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
