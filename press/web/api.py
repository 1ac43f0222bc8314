"""JSON API, ``/api/v1``: search with the same visibility as the pages.

``GET /api/v1/search?q=&page=&order=relevance|date&dari=&sampai=&per_page=&scope=public|staff``.
Anonymous callers search the public index (published releases, public photos); a
signed-in staff user gets the staff index only when asking ``scope=staff`` — without
it, the answer is what a journalist would see. ``scope=staff`` without a staff login
is refused with 401 and a message, never answered from the public index silently.
Other modules (``press.web.api_public``: releases and photos) register their own
blueprints under the same prefix.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from press.search.query import MAX_PER_PAGE

from . import search as pages
from .api_public import api_error
from .params import page_arg
from .access import may

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _hit(hit, public: bool, thumbs: dict) -> dict:
    payload = hit.payload if isinstance(hit.payload, dict) else {}
    row = {
        "kind": hit.kind,
        "id": hit.id,
        "title": hit.title,
        "title_html": hit.title_html,
        "snippet": hit.snippet,
        "score": round(hit.score, 4),
        "date": hit.date.isoformat() if hit.date and hit.date.year > 1970 else None,
        "url": pages.hit_link(hit, public=public),
        "thumbnail_url": pages.thumb_url(thumbs, hit),
    }
    if not public:
        row["state"] = payload.get("state") or ("public" if payload.get("public") else None)
        row["activity_id"] = payload.get("activity_id")
    return row


@bp.route("/search")
def search():
    scope = request.args.get("scope", "public")
    if scope not in ("public", "staff"):
        return api_error(400, _("Cakupan pencarian harus public atau staff."))
    staff = may("staff.enter")
    if scope == "staff" and not staff:
        return api_error(401, _("Masuk sebagai staf untuk mencari di arsip staf."))
    public = scope == "public"
    asked = pages.read_request()
    per_page = page_arg("per_page", default=pages.PER_PAGE, high=MAX_PER_PAGE)
    result = pages.run_search(asked, public=public, per_page=per_page)
    thumbs = pages.thumb_urls(result.hits, public=public)
    return jsonify(
        query=asked["q"],
        scope=scope,
        order=asked["order"],
        total=result.total,
        total_estimated=result.total_estimated,
        page=result.page,
        per_page=result.per_page,
        pages=result.pages,
        hits=[_hit(h, public, thumbs) for h in result.hits],
        facets={name: [{"value": v, "count": c} for v, c in values] for name, values in result.facets.items()},
        facets_estimated=result.facets_estimated,
        did_you_mean=result.did_you_mean,
        notices=[{"code": code, "message": str(pages.NOTICE_LABELS.get(code, code))} for code in result.notices],
    )
