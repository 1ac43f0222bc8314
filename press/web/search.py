"""Search pages (staff ``/staf/cari``, public ``/cari``).

``init_app`` puts one search backend on the application (``app.extensions["search_index"]``,
``SEARCH_URL``: whoosh in ``INDEX_ROOT`` by default, or PostgreSQL). Keeping it true to the
database is the index drain job's (``press.services.indexing``), run after each commit
that queued index rows; the pages only read it.

The two blueprints render the same results partial: ``search`` (staff, every kind and
state of the user's units and the work all staff read, photo thumbnails inline) and ``site_search`` (public: the public index only,
which holds nothing but published releases and public photos).
"""
from __future__ import annotations

import logging
from datetime import date

from flask import Blueprint, Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from press.extensions import db
from press.models import Media
from press.config import search_url
from press.search import SearchBackend, SearchResult, open_index
from press.search.query_language import filter_term
from press.services import access

from . import links
from .params import MAX_PAGE, page_arg
from .access import permission_required

log = logging.getLogger(__name__)

bp = Blueprint("search", __name__, url_prefix="/staf/cari")
public_bp = Blueprint("site_search", __name__)

PER_PAGE = 20
MAX_Q_CHARS = 10_000
DRAIN_WAIT_S = 30.0

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

def index_of(app: Flask | None = None) -> SearchBackend:
    app = app or current_app
    return app.extensions["search_index"]


def init_app(app: Flask) -> None:
    app.extensions["search_index"] = open_index(search_url(app.config), lock_timeout=DRAIN_WAIT_S)
    app.register_blueprint(bp)
    app.register_blueprint(public_bp)


# -- the request: query, filters, order, page ------------------------------------------

def facet_filter(name: str, value: str) -> str:
    if name == "kind":
        value = KIND_FILTER_WORDS.get(value, value)
    return filter_term(FACET_FILTERS[name], value)


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
    page = page_arg(high=MAX_PAGE)
    effective = q
    if start or end:
        effective = f"{q} tanggal:{start}..{end}".strip()
    return {"q": q, "dari": start, "sampai": end, "order": order, "page": page, "effective": effective}


def run_search(asked: dict, *, public: bool, per_page: int = PER_PAGE) -> SearchResult:
    """The search the page shows; an unreadable index gives an empty result with a notice.
    The staff index shows the signed-in user the work of their units and what all staff read."""
    units = None if public else access.search_units(db.session, current_user)
    try:
        return index_of().search(asked["effective"], public=public, page=asked["page"], per_page=per_page,
                                 order=asked["order"], facets=True, units=units)
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

def hit_link(hit, *, public: bool) -> str | None:
    """Where a hit leads: the public page for the public search, the staff page otherwise."""
    return links.public_url(hit.kind, hit.id) if public else links.staff_url(hit.kind, hit.id)


def thumb_urls(hits, *, public: bool) -> dict[int, str | None]:
    """The small rendition of each photo hit (by photo id), from the view that serves it
    to this visitor; the photos and their renditions read in one go."""
    ids = {hit.id for hit in hits if hit.kind == "photo"}
    if not ids:
        return {}
    photos = db.session.scalars(select(Media).where(Media.id.in_(ids)).options(selectinload(Media.renditions)))
    return {media.id: links.rendition_url(media, "thumb", public=public) for media in photos}


def pending_photos(hits) -> set[int]:
    """The photo hits whose renditions are still being made (the staff search shows
    "sedang diproses" for them; the public search never finds them)."""
    ids = {hit.id for hit in hits if hit.kind == "photo"}
    if not ids:
        return set()
    photos = db.session.scalars(select(Media).where(Media.id.in_(ids)).options(selectinload(Media.renditions)))
    return {media.id for media in photos if media.renditions_pending}


def thumb_url(thumbs: dict[int, str | None], hit) -> str | None:
    return thumbs.get(hit.id) if hit.kind == "photo" else None


# -- pages -------------------------------------------------------------------------------

def _render(template: str, *, public: bool):
    asked = read_request()
    result = run_search(asked, public=public) if (asked["q"].strip() or asked["dari"] or asked["sampai"]) else None
    endpoint = "site_search.index" if public else "search.index"
    thumbs = thumb_urls(result.hits, public=public) if result else {}
    pending = pending_photos(result.hits) if result and not public else set()
    return render_template(
        template, asked=asked, result=result, public=public, endpoint=endpoint,
        notices=notices(result) if result else [], hit_link=hit_link, thumbs=thumbs, pending=pending,
        facet_filter=facet_filter,
        FACET_LABELS=FACET_LABELS, site_layout=_site_layout() if public else None,
    )


def _site_layout() -> str:
    """The public site's layout when the site has one, else the plain base page."""
    return current_app.jinja_env.select_template(["site/_layout.html", "_base.html"]).name


@bp.route("/")
@permission_required("staff.enter")
def index():
    return _render("search/staff.html", public=False)


@public_bp.route("/cari", endpoint="index")
def public_index():
    return _render("search/public.html", public=True)
