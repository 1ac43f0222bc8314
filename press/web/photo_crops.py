"""A photo's crops for the channels and its focal point (views on the photos blueprint).

Staff who edit a photo set its focal point by clicking it (``static/focal.js`` fills and
sends the form; without script the percentages are typed) and ask for the crops; the
``media.crops`` job makes them (``press.services.crops``). Each crop is downloaded like
any rendition (``photos.rendition``, variant ``crop-<name>``). ``create_app`` imports this
module beside ``photos``.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from press.errors import ServiceError
from press.extensions import db
from press.models import Media, Rendition
from press.photos.crops import variant_of
from press.services import crops as service

from .access import permission_required
from .labels import error_text
from .photos import _media, _wants_json, bp


@dataclass(frozen=True)
class CropRow:
    """One configured crop as the photo page lists it."""

    name: str
    width: int
    height: int
    rendition: Rendition | None
    problem: dict | None


def crop_rows(media: Media) -> list[CropRow]:
    sizes = service.crop_sizes(current_app.config)
    refused = service.refused_crops(media, sizes)
    return [CropRow(name, width, height, media.rendition(variant_of(name)), refused.get(name))
            for name, (width, height) in sizes.items()]


CROP_LABELS = {
    "square": _l("Persegi (Instagram, Facebook)"),
    "portrait": _l("Potret 4:5 (Instagram)"),
    "landscape": _l("Lanskap 16:9 (X, YouTube, situs)"),
    "story": _l("Story 9:16 (Instagram, WhatsApp)"),
    "link": _l("Pratinjau tautan (Facebook, X, WhatsApp)"),
}
"""What the configured crops of ``press.config`` are called; a name not here is shown as it is."""


@bp.app_context_processor
def crop_helpers():
    return {"crop_rows": crop_rows, "CROP_LABELS": CROP_LABELS}


def _answer(media: Media, message: str, ok: bool = True):
    if _wants_json():
        body = {"ok": ok, "message": message, "media_id": media.id, "focal_x": media.focal_x,
                "focal_y": media.focal_y, "crops_pending": media.crops_pending}
        return jsonify(body), 200 if ok else 400
    flash(message, "success" if ok else "error")
    return redirect(url_for("photos.view", media_id=media.id) + "#potongan")


def _percent(name: str):
    try:
        return float(request.form.get(name, "")) / 100
    except ValueError:
        return None


@bp.route("/foto/<id:media_id>/fokus", methods=["POST"])
@permission_required("photo.edit")
def set_focal(media_id: int):
    media = _media(media_id, "photo.edit")
    try:
        moved = service.set_focal(db.session, media, _percent("x"), _percent("y"), actor=current_user)
    except ServiceError as exc:
        db.session.rollback()
        return _answer(media, error_text(exc), ok=False)
    remade = media.crops_pending
    db.session.commit()
    if not moved:
        return _answer(media, _("Titik fokus tidak berubah."))
    return _answer(media, _("Titik fokus disimpan; potongan dibuat ulang.") if remade
                   else _("Titik fokus disimpan."))


@bp.route("/foto/<id:media_id>/potongan", methods=["POST"])
@permission_required("photo.edit")
def request_crops(media_id: int):
    media = _media(media_id, "photo.edit")
    try:
        service.request_crops(db.session, media, actor=current_user)
    except ServiceError as exc:
        db.session.rollback()
        return _answer(media, error_text(exc), ok=False)
    db.session.commit()
    return _answer(media, _("Potongan sedang dibuat."))
