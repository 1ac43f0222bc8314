"""A photo's sensitive-subject flag and its consent records (views on the photos blueprint).

Who may (``press.services.consent``): flag a photo and record a consent, those who edit
it (photographers, writers, editors); take a flag off or withdraw a consent, those who
publish it (editors). The signed form is downloaded by those who may download originals.
``create_app`` imports this module beside ``photos``.
"""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from press.codes import SensitiveSubject
from press.dates import office_today
from press.extensions import db
from press.models import ConsentRecord, Media
from press.services import consent as service
from press.services.public import publish_refusal

from . import stored_files
from .access import permission_required
from .downloads import as_download
from .labels import label
from .service_calls import committed
from .photos import _media, bp


@bp.app_context_processor
def consent_helpers():
    return {"publish_refusal": publish_refusal, "SENSITIVE_SUBJECTS": list(SensitiveSubject), "label": label,
            "today": office_today}


def _back(media: Media):
    return redirect(url_for("photos.view", media_id=media.id) + "#persetujuan")


@bp.route("/foto/<id:media_id>/subjek", methods=["POST"])
@permission_required("photo.edit")
def set_subject(media_id: int):
    media = _media(media_id, "photo.edit")
    if committed(lambda: service.set_subject(db.session, media, request.form.get("subject"), actor=current_user)):
        flash(_("Tanda subjek sensitif disimpan.") if media.sensitive else _("Tanda subjek sensitif dilepas."),
              "success")
    return _back(media)


@bp.route("/foto/<id:media_id>/persetujuan", methods=["POST"])
@permission_required("photo.edit")
def record_consent(media_id: int):
    media = _media(media_id, "photo.edit")
    upload = request.files.get("form")
    max_bytes = current_app.config["MAX_UPLOAD_BYTES"]
    data = upload.stream.read(max_bytes + 1) if upload is not None else b""
    if committed(lambda: service.record_consent(
            db.session, stored_files.store(), media, actor=current_user,
            given_by=request.form.get("given_by"), purpose=request.form.get("purpose"),
            valid_until=request.form.get("valid_until"), form=data,
            filename=upload.filename if upload is not None else None, max_bytes=max_bytes)):
        flash(_("Persetujuan dicatat."), "success")
    return _back(media)


def _consent(media_id: int, consent_id: int, permission: str) -> ConsentRecord:
    media = _media(media_id, permission)
    consent = db.session.get(ConsentRecord, consent_id)
    if consent is None or consent.media_id != media.id:
        abort(404)
    return consent


@bp.route("/foto/<id:media_id>/persetujuan/<id:consent_id>/tarik", methods=["POST"])
@permission_required("photo.publish")
def withdraw_consent(media_id: int, consent_id: int):
    consent = _consent(media_id, consent_id, "photo.publish")
    if committed(lambda: service.withdraw_consent(db.session, consent, actor=current_user)):
        flash(_("Persetujuan ditarik; foto tidak lagi tampil untuk publik."), "success")
    return _back(consent.media)


@bp.route("/foto/<id:media_id>/persetujuan/<id:consent_id>/formulir")
@permission_required("photo.original")
def consent_form(media_id: int, consent_id: int):
    consent = _consent(media_id, consent_id, "photo.original")
    if not consent.form_sha256:
        abort(404)
    response = stored_files.send_original(consent.form_sha256, consent.form_mime)
    return as_download(response, consent.form_filename, f"persetujuan-{consent.id}")
