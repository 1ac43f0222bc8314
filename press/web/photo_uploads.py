"""The photo upload page and the status its uploads are polled for, on the photos blueprint.

The page sends each file in its own request (``press/static/upload.js``) and gets one
JSON result per file; without JavaScript the same endpoint takes many files from a plain
form and shows the results on the page. An upload is answered once its original is
checked and stored (:func:`press.services.media_ingest.ingest_many` with
``defer_renditions``): the photo is "diproses" until the ``media.process`` job has made
its renditions, and the page asks ``/staf/foto/status`` (the ``photo_status`` link) until
each is done. The views are registered on :data:`press.web.photos.bp`, so their endpoints
are ``photos.upload``, ``photos.upload_post`` and ``photos.status``.
"""
from __future__ import annotations

import os

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from press.codes import MediaStatus
from press.extensions import db
from press.models import Activity, Media
from press.numbers import parse_id
from press.services import access, media_ingest

from .access import permission_required
from .i18n import problem_text
from .labels import label
from .links import rendition_url, staff_url
from .photos import _activity, _config, _storage, _wants_json, bp
from .upload_stream import into_store, received


@bp.route("/kegiatan/<id:activity_id>/unggah", methods=["GET"])
@permission_required("photo.upload")
def upload(activity_id: int):
    activity = _activity(activity_id, "photo.upload")
    return render_template("photos/upload.html", activity=activity, results=None,
                           batch={"credit": current_user.default_credit or ""}, **_limits())


def _limits() -> dict:
    max_bytes = current_app.config["MAX_UPLOAD_BYTES"]
    return {"max_bytes": max_bytes, "max_mb": max_bytes // (1024 * 1024)}


def _result(outcome: media_ingest.IngestOutcome) -> dict:
    media = outcome.media
    message = _(outcome.reason, **outcome.params) if outcome.reason else None
    if outcome.outcome == media_ingest.INGESTED:
        message = message or _("Foto tersimpan.")
    entry = {"file": outcome.file, "outcome": outcome.outcome, "message": message,
             "label": OUTCOME_LABELS[outcome.outcome](), "detail": outcome.detail,
             "media_id": media.id if media else None}
    if media is not None:
        entry.update(_photo_state(media, message))
        entry["taken_at"] = media.taken_at.isoformat() if media.taken_at else None
    return entry


def _photo_state(media: Media, message: str | None = None) -> dict:
    """Where an uploaded photo stands: ``status``, its label and message, its page and thumbnail;
    ``status_url`` while it is still processing."""
    state = {"media_id": media.id, "status": media.status, "url": staff_url("photo", media),
             "thumb": rendition_url(media, "thumb")}
    if media.status == MediaStatus.PROCESSING:
        state.update(label=label(MediaStatus.PROCESSING), message=_("Foto diterima; pratinjau sedang dibuat."),
                     status_url=staff_url("photo_status", media))
    elif media.status == MediaStatus.REJECTED:
        state.update(outcome=media_ingest.REJECTED, label=OUTCOME_LABELS[media_ingest.REJECTED](),
                     message=" ".join(problem_text(p) for p in media.problems or []) or None)
    elif message is None:
        state.update(outcome=media_ingest.INGESTED, label=OUTCOME_LABELS[media_ingest.INGESTED](),
                     message=_(media_ingest.METADATA_ONLY_MESSAGE) if media.status == MediaStatus.METADATA_ONLY
                     else _("Foto tersimpan."))
    return {key: str(value) if key == "label" else value for key, value in state.items()}


MAX_STATUS_IDS = 200


@bp.route("/foto/status")
@permission_required("activity.read")
def status():
    """``{"photos": [state…]}`` of the photos ``id=…`` names (unknown ids are left out), as
    the upload page polls them until each is done."""
    ids = [parse_id(value) for value in request.args.getlist("id")]
    if len(ids) > MAX_STATUS_IDS or None in ids:
        return jsonify({"message": _("Sebutkan paling banyak %(max)s nomor foto (id=…).", max=MAX_STATUS_IDS)}), 400
    rows = db.session.scalars(select(Media).outerjoin(Media.activity).where(
        Media.id.in_(ids), access.unit_filter(db.session, current_user, "activity.read", Activity.unit_id, Activity.id),
    ).order_by(Media.id))
    return jsonify({"photos": [_photo_state(media) for media in rows]})


OUTCOME_LABELS = {
    media_ingest.INGESTED: lambda: _("Tersimpan"),
    media_ingest.DUPLICATE: lambda: _("Sudah ada"),
    media_ingest.REJECTED: lambda: _("Ditolak"),
}


@bp.route("/kegiatan/<id:activity_id>/unggah", methods=["POST"])
@permission_required("photo.upload")
@into_store
def upload_post(activity_id: int):
    activity = _activity(activity_id, "photo.upload")
    files = [f for f in request.files.getlist("file") if f and f.filename]
    batch = media_ingest.BatchMeta(
        credit=request.form.get("credit", "")[:200], copyright=request.form.get("copyright", "")[:200],
        caption_prefix=request.form.get("caption_prefix", "")[:2000],
    )
    if not files:
        message = _("Pilih satu berkas foto atau lebih.")
        if _wants_json():
            return jsonify({"outcome": "rejected", "label": _("Ditolak"), "message": message}), 400
        flash(message, "error")
        return redirect(url_for("photos.upload", activity_id=activity.id))
    storage, config = _storage(), _config()
    # Each file was received into the store as it arrived (``upload_stream``); otherwise it
    # is read one at a time, as ingest asks for it: one byte past the per-file limit is
    # enough for ingest to refuse the file by name.
    photos = (media_ingest.PhotoFile(os.path.basename(f.filename.replace("\\", "/"))[:255],
                                     received(f.stream) or f.stream.read(config.max_bytes + 1)) for f in files)
    results = []
    for outcome in media_ingest.ingest_many(db.session, storage, photos, activity=activity, uploader=current_user,
                                            batch=batch, config=config, defer_renditions=True):
        db.session.commit()
        results.append(_result(outcome))
    if _wants_json():
        status = 200 if results[0]["outcome"] != media_ingest.REJECTED else 422
        return jsonify(results[0] if len(results) == 1 else {"results": results}), status
    return render_template("photos/upload.html", activity=activity, results=results,
                           batch={"credit": batch.credit, "copyright": batch.copyright,
                                  "caption_prefix": batch.caption_prefix}, **_limits())
