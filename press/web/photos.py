"""Staff photo pages: upload to an activity, the gallery section, a photo's page, edits,
renditions and originals.

Who may do what (admins always may):
- upload photos: photographers;
- caption, credit, copyright and the people in a photo: photographers, writers, editors;
- highlight: photographers, writers, editors (choosing the best shots is everyone's job);
- public (journalists can see and download it): editors, who decide what is published;
  a photo a published release shows is public too, and making it staff-only takes it
  out of those releases as a correction, after the editor confirms the list
  (``/staf/foto/<id>/tarik``; ``press.services.photo_corrections``);
- see renditions and the photo page: every staff role;
- download the original: photographers and editors.

The upload page and the status its uploads are polled for are
:mod:`press.web.photo_uploads`, views on this module's ``bp`` (``create_app`` imports both).
"""
from __future__ import annotations

from datetime import timezone

from babel.dates import format_datetime

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request,
                   url_for)
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from press.errors import ServiceError
from press.extensions import db
from press.models import Activity, Media, Person
from press.services import media as service
from press.services import photo_corrections, public
from press.services.tags import tags_of

from . import stored_files
from .downloads import as_download
from .i18n import current_locale
from .labels import error_text
from .access import may, permission_required, require
from .sections import activity_section

bp = Blueprint("photos", __name__, url_prefix="/staf")


_storage = stored_files.store


def _config() -> service.IngestConfig:
    return service.IngestConfig.from_mapping(current_app.config)


def _activity(activity_id: int, permission: str) -> Activity:
    """The activity, if the signed-in user holds ``permission`` on its unit; else 404 or 403."""
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        abort(404)
    require(permission, activity)
    return activity


def _media(media_id: int, permission: str) -> Media:
    """The photo, if the signed-in user holds ``permission`` on its activity's unit; else 404 or 403."""
    media = db.session.get(Media, media_id)
    if media is None:
        abort(404)
    require(permission, media)
    return media


def _wants_json() -> bool:
    return (request.headers.get("X-Requested-With") == "XMLHttpRequest"
            or request.accept_mimetypes.best == "application/json")


def _people_choices(activity: Activity | None, photos=()) -> list[Person]:
    """People one can say are in a photo: those present at the activity, and anyone already named."""
    people = {p.person.id: p.person for p in (activity.participants if activity else []) if p.person}
    for media in photos:
        for person in media.people:
            people.setdefault(person.id, person)
    return sorted(people.values(), key=lambda p: p.name)


def _permissions(obj, photos=()) -> dict:
    """What the signed-in user may do with the photos of ``obj`` (an activity or a photo), and
    ``shown_by``: the published releases showing each photo."""
    return {
        "can_upload": may("photo.upload", obj),
        "can_edit": may("photo.edit", obj),
        "can_publish": may("photo.publish", obj),
        "can_download": may("photo.original", obj),
        "can_correct": any(may(name, obj) for name in photo_corrections.CORRECTING),
        "shown_by": public.releases_showing(db.session, [m.id for m in photos]) if photos else {},
    }


ZONE_NAMES = {420: "WIB", 480: "WITA", 540: "WIT"}

TAG_KIND_LABELS = {
    "person": _l("Orang"), "organisation": _l("Instansi"), "place": _l("Tempat"), "topic": _l("Topik"),
    "camera": _l("Kamera"), "date": _l("Tanggal"), "kind": _l("Jenis kegiatan"), "unit": _l("Unit"),
    "venue": _l("Tempat kegiatan"),
}
TAG_SOURCE_LABELS = {
    "exif": _l("dari EXIF"), "activity": _l("dari kegiatan"), "gps": _l("dari GPS"),
    "notes": _l("dari catatan"), "manual": _l("ditambahkan"),
}


@bp.app_template_filter("file_size")
def file_size(size: int | None) -> str:
    """"41 KB", "11,2 MB" (decimal comma in Indonesian)."""
    if not size:
        return "0 KB"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    text = f"{size / (1024 * 1024):.1f}"
    return (text.replace(".", ",") if current_locale() == "id" else text) + " MB"


@bp.app_template_filter("camera_time")
def camera_time(moment, offset_minutes=None) -> str:
    """The camera's wall-clock time as written ("Kamis, 30 September 2021 10.15"), with
    its zone where the file records the offset; never shifted."""
    if not moment:
        return ""
    text = format_datetime(moment.replace(tzinfo=None), "EEEE, d MMMM y HH.mm", tzinfo=timezone.utc,
                           locale=current_locale())
    if offset_minutes is None:
        return text
    if offset_minutes in ZONE_NAMES:
        return f"{text} {ZONE_NAMES[offset_minutes]}"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text} UTC{'+' if offset_minutes >= 0 else '-'}{hours:02d}.{minutes:02d}"


@bp.app_context_processor
def photo_helpers():
    return {"camera_name": service.camera_name,
            "TAG_KIND_LABELS": TAG_KIND_LABELS, "TAG_SOURCE_LABELS": TAG_SOURCE_LABELS}


# -- gallery section on the activity page ------------------------------------------------

@activity_section(bp, 10)
def gallery_section(activity: Activity) -> str:
    photos = service.gallery(db.session, activity.id)
    groups = service.near_duplicate_groups(photos)
    return render_template(
        "photos/_gallery.html", activity=activity, photos=photos, groups=groups,
        people=_people_choices(activity, photos), **_permissions(activity, photos),
    )


# -- one photo -------------------------------------------------------------------------

@bp.route("/foto/<id:media_id>")
@permission_required("activity.read")
def view(media_id: int):
    media = _media(media_id, "activity.read")
    activity = db.session.get(Activity, media.activity_id) if media.activity_id else None
    siblings = service.gallery(db.session, activity.id) if activity else [media]
    group = next((g for g in service.near_duplicate_groups(siblings) if media in g), [])
    return render_template(
        "photos/view.html", media=media, activity=activity, group=group,
        tags=tags_of(db.session, "media", media.id), people=_people_choices(activity, [media]),
        uploader=service.media_uploader(media), **_permissions(media, [media]),
    )


def _back(media: Media) -> str:
    target = request.form.get("next", "")
    if target == "view":
        return url_for("photos.view", media_id=media.id)
    if media.activity_id:
        return url_for("activities.view", activity_id=media.activity_id) + f"#foto-{media.id}"
    return url_for("photos.view", media_id=media.id)


def _done(media: Media, message: str, ok: bool = True):
    if _wants_json():
        body = {"ok": ok, "message": message, "media_id": media.id, "caption": media.caption,
                "credit": media.credit, "copyright": media.copyright, "public": media.is_public,
                "highlight": media.is_highlight}
        return jsonify(body), 200 if ok else 400
    flash(message, "success" if ok else "error")
    return redirect(_back(media))


@bp.route("/foto/<id:media_id>/teks", methods=["POST"])
@permission_required("photo.edit")
def edit_text(media_id: int):
    media = _media(media_id, "photo.edit")
    current = {"caption": media.caption, "credit": media.credit, "copyright": media.copyright}
    values = {k: request.form.get(k, current[k]) for k in current}
    try:
        changed = service.update_text(db.session, _storage(), media, actor=current_user,
                                      correction_note=request.form.get("correction_note"), **values)
    except ServiceError as exc:
        db.session.rollback()
        return _done(media, error_text(exc), ok=False)
    db.session.commit()
    return _done(media, _("Keterangan foto disimpan.") if changed else _("Tidak ada yang berubah."))


@bp.route("/foto/<id:media_id>/orang", methods=["POST"])
@permission_required("photo.edit")
def edit_people(media_id: int):
    media = _media(media_id, "photo.edit")
    try:
        service.set_people(db.session, media, request.form.getlist("person_id"), actor=current_user)
    except service.MediaError as exc:
        db.session.rollback()
        return _done(media, error_text(exc), ok=False)
    db.session.commit()
    return _done(media, _("Orang dalam foto disimpan."))


def _toggle(media_id: int, flag: str, on_message, off_message):
    media = _media(media_id, "photo.publish" if flag == "public" else "photo.edit")
    value = {"1": True, "0": False}.get(request.form.get("value", ""))
    if value is None:
        return _done(media, _("Pilihan tidak dikenal."), ok=False)
    try:
        service.set_flags(db.session, media, actor=current_user, **{flag: value})
    except photo_corrections.ShownByPublishedRelease as exc:
        db.session.rollback()
        if not photo_corrections.may_correct(db.session, current_user, media):
            return _done(media, error_text(exc), ok=False)
        confirm = url_for("photos.withdraw", media_id=media.id)
        if _wants_json():
            return jsonify({"ok": False, "message": error_text(exc), "media_id": media.id,
                            "confirm_url": confirm}), 409
        return redirect(confirm)
    except ServiceError as exc:
        db.session.rollback()
        return _done(media, error_text(exc), ok=False)
    db.session.commit()
    return _done(media, on_message() if value else off_message())


@bp.route("/foto/<id:media_id>/publik", methods=["POST"])
@permission_required("photo.publish")
def toggle_public(media_id: int):
    return _toggle(media_id, "public", lambda: _("Foto kini publik."), lambda: _("Foto kini hanya untuk staf."))


@bp.route("/foto/<id:media_id>/unggulan", methods=["POST"])
@permission_required("photo.edit")
def toggle_highlight(media_id: int):
    return _toggle(media_id, "highlight", lambda: _("Foto ditandai unggulan."), lambda: _("Tanda unggulan dilepas."))


@bp.route("/foto/<id:media_id>/tarik", methods=["GET", "POST"])
@permission_required("photo.publish")
def withdraw(media_id: int):
    """Confirm taking a photo off the public site, out of the published releases that show it."""
    media = _media(media_id, "photo.publish")
    note = request.form.get("note", "")
    if request.method == "POST":
        try:
            corrected = photo_corrections.withdraw(db.session, media, current_user, note=note,
                                                   confirmed=request.form.getlist("release_id"))
        except ServiceError as exc:
            db.session.rollback()
            flash(error_text(exc), "error")
            media = _media(media_id, "photo.publish")
            return _withdraw_page(media, note), 400
        db.session.commit()
        flash(_("Foto ditarik dari %(num)s siaran terbit (koreksi dicatat) dan kini hanya untuk staf.",
                num=len(corrected)) if corrected else _("Foto kini hanya untuk staf."), "success")
        return redirect(url_for("photos.view", media_id=media.id))
    return _withdraw_page(media, note)


def _withdraw_page(media: Media, note: str) -> str:
    return render_template("photos/withdraw.html", media=media, note=note,
                           releases=photo_corrections.releases_showing(db.session, media))


# -- files -------------------------------------------------------------------------------

@bp.route("/foto/<id:media_id>/<variant>.jpg")
@permission_required("activity.read")
def rendition(media_id: int, variant: str):
    media = _media(media_id, "activity.read")
    row = media.rendition(variant)
    if row is None:
        abort(404)
    response = stored_files.send_rendition(media.sha256, row.variant, row.sha256, max_age=3600)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@bp.route("/foto/<id:media_id>/asli")
@permission_required("photo.original")
def original(media_id: int):
    media = _media(media_id, "photo.original")
    response = stored_files.send_original(media.sha256, media.mime)
    return as_download(response, media.original_filename, f"foto-{media.id}")
