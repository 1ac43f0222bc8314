"""Search pages (staff ``/staf/cari``, public ``/cari``) and the wiring that keeps the index fresh.

``init_app`` puts one :class:`~press.search.SearchIndex` on the application
(``app.extensions["search_index"]``, folder ``INDEX_ROOT``) and drains the index queue:

- after a request whose transaction wrote queue rows, once the response has been sent
  (``call_on_close``: the WSGI server calls it after the body is written);
- at the end of any other application context that wrote rows (a CLI command, a script);
- after the first request of a process when the queue is not empty (rows left by a
  crash or by a drain that found the index busy);
- before a search, when rows are waiting (at most a one-second wait for the lock).

A drain never raises into a response: a busy index leaves the rows for the next drain.

The two blueprints render the same results partial: ``search`` (staff, every kind and
state, photo thumbnails inline) and ``site_search`` (public: the public index only,
which holds nothing but published releases and public photos).
"""
from __future__ import annotations

import logging
import re
from datetime import date

from flask import Blueprint, Flask, current_app, g, has_app_context, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException
from werkzeug.routing import BuildError, RequestRedirect

from press.extensions import db
from press.models import IndexQueueEntry
from press.search import SearchIndex, SearchResult
from press.services import indexing

from .params import page_arg
from .roles import STAFF, roles_required
from .workflow import STATE_LABELS

log = logging.getLogger(__name__)

bp = Blueprint("search", __name__, url_prefix="/staf/cari")
public_bp = Blueprint("site_search", __name__)

PER_PAGE = 20
MAX_Q_CHARS = 10_000
SEARCH_WAIT_S = 1.0
DRAIN_WAIT_S = 30.0

KIND_LABELS = {
    "activity": _l("Kegiatan"),
    "release": _l("Siaran pers"),
    "photo": _l("Foto"),
    "note": _l("Catatan"),
}
# The filter word a facet value is searched with (Indonesian, as the help explains).
KIND_FILTER_WORDS = {"activity": "kegiatan", "release": "siaran", "photo": "foto", "note": "catatan"}
FACET_LABELS = {
    "kind": _l("Jenis"),
    "unit": _l("Unit"),
    "year": _l("Tahun"),
    "tag": _l("Tag"),
    "person": _l("Orang"),
}
FACET_FILTERS = {"kind": "jenis", "unit": "unit", "year": "tahun", "tag": "tag", "person": "orang"}
SYNTAX_NOTICES = {"unbalanced_quote", "operators_ignored", "empty_filter", "unknown_filter", "bad_date"}
NOTICE_LABELS = {
    "unbalanced_quote": _l("Tanda kutip tidak berpasangan."),
    "operators_ignored": _l("AND, OR, NOT dan tanda kurung tidak dipakai."),
    "empty_filter": _l("Filter tanpa nilai diabaikan."),
    "unknown_filter": _l("Filter yang tidak dikenal dicari sebagai kata."),
    "bad_date": _l("Tanggal yang tidak dipahami dicari sebagai kata."),
    "prefix_too_short": _l("Awalan kata terlalu pendek (minimal 2 huruf) dan diabaikan."),
    "too_long": _l("Pencarian terlalu panjang dan dipotong."),
    "nothing_to_search": _l("Tidak ada kata yang bisa dicari."),
    "index_error": _l("Pencarian gagal; coba kata lain."),
}


# -- the index on the application, and the drains -------------------------------------

def index_of(app: Flask | None = None) -> SearchIndex:
    app = app or current_app
    return app.extensions["search_index"]


def _after_flush(session, _flush_context) -> None:
    if any(isinstance(obj, IndexQueueEntry) for obj in session.new):
        session.info["search_queue_written"] = True


def _after_commit(session) -> None:
    if session.info.pop("search_queue_written", False) and has_app_context():
        g.search_queue_written = True


def _after_rollback(session) -> None:
    session.info.pop("search_queue_written", None)


_listening = False


def _listen_once() -> None:
    global _listening
    if not _listening:
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", lambda session, _tx: _after_rollback(session))
        _listening = True


def drain_now(app: Flask, *, lock_timeout: float = DRAIN_WAIT_S, only_if_queued: bool = False):
    """Drain the queue into the app's index; logs instead of raising. Returns the report or None."""
    try:
        with app.app_context():
            try:
                if only_if_queued and not indexing.queue_length(db.session):
                    return None
                return indexing.drain(db.session, index_of(app), lock_timeout=lock_timeout)
            finally:
                db.session.remove()
    except Exception:
        log.exception("draining the search queue failed; the rows stay queued")
        return None


def init_app(app: Flask) -> None:
    app.extensions["search_index"] = SearchIndex(app.config["INDEX_ROOT"], lock_timeout=DRAIN_WAIT_S)
    app.extensions["search_started"] = False
    _listen_once()

    @app.after_request
    def drain_after_response(response):
        written = g.pop("search_queue_written", False)
        first = not app.extensions["search_started"]
        if first:
            app.extensions["search_started"] = True
        if written or first:
            response.call_on_close(lambda: drain_now(app, only_if_queued=not written))
        return response

    @app.teardown_appcontext
    def drain_after_context(_exc):
        if g.pop("search_queue_written", False):
            drain_now(app)

    app.register_blueprint(bp)
    app.register_blueprint(public_bp)


def catch_up() -> None:
    """Before a search: index what is still queued, waiting at most a second for the lock."""
    try:
        if indexing.queue_length(db.session):
            indexing.drain(db.session, index_of(), lock_timeout=SEARCH_WAIT_S)
    except Exception:
        log.exception("catching up the search queue failed; searching the index as it is")


# -- the request: query, filters, order, page ------------------------------------------

def _quote(value: str) -> str:
    value = value.replace('"', " ").strip()
    return f'"{value}"' if re.search(r"\s|:", value) else value


def facet_filter(name: str, value: str) -> str:
    if name == "kind":
        value = KIND_FILTER_WORDS.get(value, value)
    return f"{FACET_FILTERS[name]}:{_quote(value)}"


def _iso_day(text: str) -> str:
    text = (text or "").strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def read_request() -> dict:
    """The search as the visitor asked it: text, date bounds, order and page."""
    args = request.args
    q = (args.get("q") or "")[:MAX_Q_CHARS]
    start, end = _iso_day(args.get("dari", "")), _iso_day(args.get("sampai", ""))
    order = "date" if args.get("order") == "date" else "relevance"
    page = page_arg()
    effective = q
    if start or end:
        effective = f"{q} tanggal:{start}..{end}".strip()
    return {"q": q, "dari": start, "sampai": end, "order": order, "page": page, "effective": effective}


def run_search(asked: dict, *, public: bool, per_page: int = PER_PAGE) -> SearchResult:
    """The search the page shows; an unreadable index gives an empty result with a notice."""
    catch_up()
    try:
        return index_of().search(asked["effective"], public=public, page=asked["page"], per_page=per_page,
                                 order=asked["order"], facets=True)
    except Exception:
        log.exception("the search index could not be searched")
        return SearchResult([], 0, asked["page"], per_page, {}, None, ["index_error"])


def notices(result) -> list[str]:
    codes = list(result.notices)
    out = []
    if SYNTAX_NOTICES & set(codes):
        out.append(str(_l("Pencarian Anda memuat tanda yang tidak dipahami; dicari sebagai kata biasa.")))
    out.extend(str(NOTICE_LABELS[c]) for c in codes if c in NOTICE_LABELS)
    return out


# -- links for hits ----------------------------------------------------------------------

def _routes(path: str) -> bool:
    """True when ``path`` is answered by some view of this application (GET)."""
    adapter = current_app.url_map.bind("localhost")
    try:
        endpoint, _values = adapter.match(path, method="GET")
    except RequestRedirect:
        return True
    except HTTPException:
        return False
    return endpoint != "static"


def _first(*candidates) -> str | None:
    for candidate in candidates:
        if candidate is None:
            continue
        if isinstance(candidate, str):
            if _routes(candidate):
                return candidate
            continue
        endpoint, values = candidate
        if endpoint in current_app.view_functions:
            try:
                return url_for(endpoint, **values)
            except BuildError:
                continue
    return None


def _payload(hit) -> dict:
    return hit.payload if isinstance(hit.payload, dict) else {}


def hit_link(hit, *, public: bool) -> str | None:
    """Where a hit leads: the public page for the public search, the staff page otherwise."""
    payload = _payload(hit)
    if public:
        if hit.kind == "photo":
            return _first(("site.photo", {"media_id": hit.id}), hit.url or f"/foto/{hit.id}")
        if hit.kind == "release":
            return _first(("site.release", {"ref": payload.get("slug")}), hit.url)
        return None
    activity = ("activities.view", {"activity_id": payload["activity_id"]}) if payload.get("activity_id") else None
    if hit.kind == "activity":
        return _first(("activities.view", {"activity_id": hit.id}))
    if hit.kind == "release":
        return _first(("releases.view", {"release_id": hit.id}), f"/staf/siaran/{hit.id}", activity)
    if hit.kind == "photo":
        return _first(("photos.view", {"media_id": hit.id}), ("photos.detail", {"media_id": hit.id}),
                      f"/staf/foto/{hit.id}", activity)
    if hit.kind == "note":
        return _first(("notes.review", {"note_id": hit.id}), ("notes.view", {"note_id": hit.id}),
                      f"/staf/catatan/{hit.id}", activity)
    return None


def thumb_url(hit, *, public: bool) -> str | None:
    """The small rendition of a photo hit, where a view serves it to this visitor."""
    sha = hit.thumbnail_key or _payload(hit).get("thumb")
    if hit.kind != "photo" or not sha:
        return None
    public_url = f"/media/{sha}/thumb.jpg"
    if public:
        return _first(("site.rendition", {"sha256": sha, "variant": "thumb"}), public_url)
    return _first(
        ("photos.rendition", {"media_id": hit.id, "variant": "thumb"}),
        ("photos.thumbnail", {"media_id": hit.id}),
        f"/staf/foto/{hit.id}/thumb",
        f"/staf/media/{hit.id}/thumb",
    )


# -- pages -------------------------------------------------------------------------------

def _render(template: str, *, public: bool):
    asked = read_request()
    result = run_search(asked, public=public) if (asked["q"].strip() or asked["dari"] or asked["sampai"]) else None
    endpoint = "site_search.index" if public else "search.index"
    return render_template(
        template, asked=asked, result=result, public=public, endpoint=endpoint,
        notices=notices(result) if result else [], hit_link=hit_link, thumb_url=thumb_url,
        facet_filter=facet_filter, KIND_LABELS_SEARCH=KIND_LABELS, STATE_LABELS=STATE_LABELS,
        FACET_LABELS=FACET_LABELS, site_layout=_site_layout() if public else None,
    )


def _site_layout() -> str:
    """The public site's layout when the site has one, else the plain base page."""
    return current_app.jinja_env.select_template(["site/_layout.html", "_base.html"]).name


@bp.route("/")
@roles_required(*STAFF)
def index():
    return _render("search/staff.html", public=False)


@public_bp.route("/cari", endpoint="index")
def public_index():
    return _render("search/public.html", public=True)
