"""JSON API for journalists, ``/api/v1``: published releases (list, one) and public photos.

Same visibility as the public pages (``press.services.public``): a retracted release
answers 410 with its notice; any other unpublished release is a 404 like a release that
never existed. Lists are paginated: ``?page=1&per_page=20`` (at most 100), and answer
``{"items": [...], "page", "per_page", "total", "next"}``. Search (``/api/v1/search``)
lives in ``press.web.api`` under the same prefix.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, request, url_for
from flask_babel import gettext as _

from press.drafting import formatting
from press.codes import ReleaseState
from press.extensions import db
from press.numbers import parse_id
from press.services import licences, public

from .links import public_url, rendition_url
from .params import page_arg

bp = Blueprint("api_releases", __name__, url_prefix="/api/v1")

PER_PAGE = 20
MAX_PER_PAGE = 100


def _paging() -> tuple[int, int]:
    return page_arg(), page_arg("per_page", default=PER_PAGE, high=MAX_PER_PAGE)


def api_error(status: int, message: str, **extra):
    """An API refusal: ``{"error": reason, "status": status, …}`` (the ``Error`` schema of the OpenAPI document)."""
    return jsonify(error=message, status=status, **extra), status


def photo_json(media, caption: str | None = None) -> dict:
    return {
        "id": media.id,
        "caption": caption or media.caption,
        "credit": media.credit,
        "copyright": media.copyright,
        "taken_at": media.taken_at.isoformat() if media.taken_at else None,
        "activity_id": media.activity_id,
        "licence": licences.as_dict(media.licence, media.restrictions),
        "url": public_url("photo", media, external=True),
        "renditions": {
            r.variant: {
                "url": rendition_url(media, r.variant, public=True, external=True),
                "width": r.width, "height": r.height, "bytes": r.bytes, "sha256": r.sha256,
            }
            for r in sorted(media.renditions, key=lambda r: r.variant)
        },
    }


def release_json(item, *, full: bool) -> dict:
    data = {
        "id": item.id,
        "slug": item.slug,
        "title": item.title,
        "url": public_url("release", item, external=True),
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "corrected_at": item.corrected_at.isoformat() if item.corrected_at else None,
        "correction_note": item.correction_note,
        "unit": {"name": item.unit.name, "slug": item.unit.slug} if item.unit else None,
        "activity_id": item.activity_id,
        "summary": formatting.summary(item.body),
    }
    lead = public.lead_photo(item)
    data["lead_photo"] = photo_json(lead) if lead else None
    if full:
        data.update(
            dateline=item.dateline,
            body=item.body,
            signature=item.signature,
            photos=[photo_json(media, rp.caption) for rp, media in public.public_photos_of(item)],
        )
    return data


@bp.route("/releases")
def releases():
    page, per_page = _paging()
    total = public.count_published(db.session)
    items = public.published_releases(db.session, limit=per_page, offset=(page - 1) * per_page)
    more = page * per_page < total
    return jsonify(
        items=[release_json(r, full=False) for r in items], page=page, per_page=per_page, total=total,
        next=url_for("api_releases.releases", page=page + 1, per_page=per_page) if more else None,
    )


@bp.route("/releases/<ref>")
def release(ref: str):
    item = public.find_release(db.session, ref)
    if item is None:
        return api_error(404, _("Siaran tidak ditemukan."))
    if item.state == ReleaseState.RETRACTED:
        return api_error(
            410, _("Siaran ini telah ditarik."), title=public.retracted_title(item), retraction_notice=item.retraction_notice,
            retracted_at=item.retracted_at.isoformat() if item.retracted_at else None,
        )
    if not ref.isdigit() and ref != item.slug:  # an earlier slug: the address moved for good
        return redirect(url_for("api_releases.release", ref=item.slug), 301)
    return jsonify(release_json(item, full=True))


@bp.route("/photos")
def photos():
    page, per_page = _paging()
    activity = request.args.get("activity_id", "").strip()
    activity_id = parse_id(activity)
    if activity and activity_id is None:
        return api_error(400, _("activity_id harus nomor kegiatan (bilangan bulat positif)."))
    total = public.count_public_photos(db.session) if activity_id is None else None
    items = public.public_photos(db.session, limit=per_page + 1, offset=(page - 1) * per_page, activity_id=activity_id)
    more = len(items) > per_page
    return jsonify(
        items=[photo_json(m) for m in items[:per_page]], page=page, per_page=per_page, total=total,
        next=url_for("api_releases.photos", page=page + 1, per_page=per_page,
                     **({"activity_id": activity_id} if activity_id else {})) if more else None,
    )


@bp.route("/photos/<id:media_id>")
def photo(media_id: int):
    media = public.public_media(db.session, media_id)
    if media is None:
        return api_error(404, _("Foto tidak ditemukan."))
    return jsonify(photo_json(media))
