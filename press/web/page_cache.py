"""An in-memory cache in front of the public site for visitors without a cookie.

Public pages are the same for every anonymous visitor of a language, so each process
keeps the last rendering of each one (only responses the site marks cacheable: 200,
ETag, no cookie) and answers the next anonymous GET from memory, with a 304 when the
visitor's ``If-None-Match`` still matches, without entering Flask.

Freshness: every ``PAGE_CACHE_CHECK_SECONDS`` (default 1 s; 0 checks on every
request) the process reads a fingerprint of what the public can see (releases: count,
latest change, next embargo; audit trail; photos: count, public count, latest; rendition
rows; the office's date (consent lapses at its midnight); the site's last change,
``public.last_change``, which moves with every photo,
activity, unit or person edit, a caption rewritten in place or a photo withdrawn
included). Any change drops the whole cache, and no page is kept longer than
``PAGE_CACHE_MAX_AGE`` seconds (default 60), for edits no timestamp records. While a
scheduled release is due and the job worker's embargo clock has not yet published it,
requests go through Flask, so the release appears on every page the moment the worker
publishes it. Renditions are never cached here (they are files with their own
caching), and visitors carrying a cookie the application reads (the session: staff, a
chosen language; the remember-me cookie) always go through Flask. Any other cookie (a
visit counter, an analytics or consent cookie of the host's) is never read by Siaran and
cannot change a page: such a visitor is answered from the cache like one without.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import case, func, select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header, parse_cookie, parse_date

from press.codes import ReleaseState
from press.dates import office_today
from press.extensions import db
from press.models import LOCALES, AuditEvent, Media, Release, Rendition, utcnow
from press.services import public

from .security_headers import HEADER_NAMES

CACHEABLE = "siaran.page_cache.cacheable"
MAX_ENTRIES = 5000
# What a 304 from the cache repeats of the stored page: its validators and caching, and
# the security headers Flask's own 304 would carry.
NOT_MODIFIED_HEADERS = {"etag", "cache-control", "last-modified", "vary", "expires", *(h.lower() for h in HEADER_NAMES)}


@dataclass(frozen=True)
class Entry:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    last_modified: str | None
    stored_at: float


class PageCache:
    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.entries: dict[tuple, Entry] = {}
        self.app_cookies = app_cookies(app)
        self.fingerprint = None
        self.due = False
        self.checked = 0.0
        self.lock = threading.Lock()

    # -- freshness ---------------------------------------------------------------------

    def _read_fingerprint(self):
        with self.app.app_context():
            try:
                releases = db.session.execute(select(
                    func.count(Release.id), func.max(Release.updated_at),
                    func.min(case((Release.state == ReleaseState.SCHEDULED, Release.embargo_at))),
                )).one()
                media = db.session.execute(select(
                    func.count(Media.id), func.max(Media.id),
                    func.sum(case((Media.is_public.is_(True), 1), else_=0)),
                )).one()
                renditions = db.session.execute(select(func.count(Rendition.id), func.max(Rendition.id))).one()
                audit = db.session.scalar(select(func.max(AuditEvent.id)))
                changed = public.last_change(db.session)
            finally:
                db.session.remove()
        next_embargo = releases[2]
        if next_embargo is not None and next_embargo.tzinfo is None:
            next_embargo = next_embargo.replace(tzinfo=utcnow().tzinfo)
        due = next_embargo is not None and next_embargo <= utcnow()
        # The office's date: consent for a photo lapses at its midnight (``consent_cover``).
        return (tuple(releases), tuple(media), tuple(renditions), audit, changed, office_today()), due

    def _fresh(self) -> bool:
        """Bring the fingerprint up to date if it is time; False while an embargo is due."""
        interval = self.app.config.get("PAGE_CACHE_CHECK_SECONDS", 0 if self.app.testing else 1.0)
        now = time.monotonic()
        if now - self.checked >= interval:
            with self.lock:
                if now - self.checked >= interval:
                    try:
                        fingerprint, due = self._read_fingerprint()
                    except SQLAlchemyError:  # no schema yet, database away: let Flask answer
                        self.entries.clear()
                        self.fingerprint = None
                        return False
                    if fingerprint != self.fingerprint:
                        self.entries.clear()
                        self.fingerprint = fingerprint
                    self.due = due
                    self.checked = time.monotonic()
        return not self.due

    # -- WSGI --------------------------------------------------------------------------

    def _key(self, environ) -> tuple | None:
        if environ.get("REQUEST_METHOD") != "GET":
            return None
        cookies = environ.get("HTTP_COOKIE")
        if cookies and not self.app_cookies.isdisjoint(parse_cookie(cookies)):
            return None
        if environ.get("PATH_INFO", "").startswith(("/staf", "/media/", "/static/", "/bahasa/")):
            return None
        accept = parse_accept_header(environ.get("HTTP_ACCEPT_LANGUAGE"), LanguageAccept)
        locale = accept.best_match(LOCALES, default="id")
        # The host and scheme are part of the key: absolute URLs in a page (canonical,
        # OpenGraph, feeds) come from them when SITE_URL is not set, and a forged Host
        # must never shape what other visitors get.
        return (environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""), locale,
                environ.get("HTTP_HOST", ""), environ.get("wsgi.url_scheme", ""),
                environ.get("HTTP_X_FORWARDED_HOST", ""), environ.get("HTTP_X_FORWARDED_PROTO", ""))

    def __call__(self, environ, start_response):
        if not self.app.config.get("PAGE_CACHE", True):
            return self.wsgi_app(environ, start_response)
        key = self._key(environ)
        if key is None or not self._fresh():
            return self.wsgi_app(environ, start_response)
        entry = self.entries.get(key)
        if entry is not None and time.monotonic() - entry.stored_at < self.app.config.get("PAGE_CACHE_MAX_AGE", 60):
            return self._answer(entry, environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        chunks = self.wsgi_app(environ, capture)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        headers = captured.get("headers", [])
        names = {name.lower(): value for name, value in headers}
        if (environ.get(CACHEABLE) and captured.get("status", "").startswith("200")
                and "set-cookie" not in names and "etag" in names):
            if len(self.entries) >= MAX_ENTRIES:
                self.entries.clear()
            self.entries[key] = Entry(captured["status"], list(headers), body, names["etag"],
                                      names.get("last-modified"), time.monotonic())
        return [body]

    @staticmethod
    def _answer(entry: Entry, environ, start_response):
        asked = environ.get("HTTP_IF_NONE_MATCH", "")
        since = parse_date(environ.get("HTTP_IF_MODIFIED_SINCE"))
        if asked:
            matches = asked.strip() == "*" or entry.etag in [t.strip() for t in asked.split(",")]
        else:
            modified = parse_date(entry.last_modified) if entry.last_modified else None
            matches = since is not None and modified is not None and modified <= since
        if matches:
            start_response("304 NOT MODIFIED", [(k, v) for k, v in entry.headers if k.lower() in NOT_MODIFIED_HEADERS])
            return [b""]
        start_response(entry.status, entry.headers)
        return [entry.body]


def app_cookies(app: Flask) -> frozenset[str]:
    """The cookies Siaran reads: Flask's session and Flask-Login's remember-me cookie."""
    return frozenset({app.config.get("SESSION_COOKIE_NAME") or "session",
                      app.config.get("REMEMBER_COOKIE_NAME") or "remember_token"})


def mark_cacheable(environ) -> None:
    """Called by the site for a response any anonymous visitor may get from the cache."""
    environ[CACHEABLE] = True


def generation(app: Flask):
    """The fingerprint of what the public can see, brought up to date at most once per
    ``PAGE_CACHE_CHECK_SECONDS`` as for anonymous visitors; None while an embargo is due or
    the cache is off (nothing may then be answered from memory)."""
    cache: PageCache | None = app.extensions.get("page_cache")
    if cache is None or not app.config.get("PAGE_CACHE", True) or not cache._fresh():
        return None
    return cache.fingerprint


def init_app(app: Flask) -> None:
    app.wsgi_app = app.extensions["page_cache"] = PageCache(app, app.wsgi_app)
