"""The partner's proof link (``/bukti-tayang/<token>``): no account, a page where the
partner gives the address of the published piece. The token (``csrf_exempt.PROOF_LINK``)
names the placement and is signed for this purpose; the form's POST is one of the listed
CSRF exemptions and is checked by that token instead. The link takes one proof: a second
one, or any once the placement is verified or rejected, gets a page saying why (409)."""
from __future__ import annotations

from flask import Blueprint, make_response, render_template, request
from flask_babel import gettext

from press.errors import N_
from press.extensions import db
from press.models import Placement
from press.services import placements

from . import csrf_exempt
from .labels import error_text

bp = Blueprint("proof_link", __name__, url_prefix="/bukti-tayang")

PROOF_LINK = csrf_exempt.PROOF_LINK
GONE = N_("Penempatan untuk tautan ini tidak ada lagi. Hubungi Humas.")


def _page(status: int = 200, **values):
    response = make_response(render_template("placements/proof_link.html", **values), status)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/<token>", methods=["GET", "POST"])
def submit(token: str):
    try:
        payload = csrf_exempt.read_token(PROOF_LINK.purpose, token, max_age=PROOF_LINK.max_age)
    except csrf_exempt.LinkTokenError as exc:
        return _page(400, refusal=error_text(exc))
    placement_id = payload.get("p") if isinstance(payload, dict) else None
    placement = db.session.get(Placement, placement_id) if isinstance(placement_id, int) else None
    if placement is None:
        return _page(404, refusal=gettext(GONE))
    values = {"placement": placement, "token": token}
    try:
        if request.method == "GET":
            placements.link_open(placement)
            return _page(**values)
        placements.submit_url(db.session, placement, request.form.get("url"), by_link=True)
    except placements.PlacementClosed as exc:
        db.session.rollback()
        return _page(409, refusal=error_text(exc), **values)
    except placements.PlacementError as exc:
        db.session.rollback()
        return _page(400, error=error_text(exc), url=request.form.get("url", "")[:2000], **values)
    db.session.commit()
    return _page(received=True, **values)
