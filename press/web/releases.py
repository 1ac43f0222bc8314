"""Staff pages for releases (siaran pers): list, release page, editor with checks,
preview as the public page shows it, revisions compared, photos, DOCX and media kit,
the admin's release templates, and the releases section of the activity page.

Permissions (``press.permissions``): ``release.write`` creates drafts, edits and arranges
photos in the user's units (a published release is saved as a correction, ``release.correct``
— the service decides); every staff member reads published releases, and releases in the
works of their unit and the units below it (the central office: all); ``template.edit``
changes the release templates.

The body uses light formatting: ``**tebal**`` and ``*miring*`` only, rendered escaped
(``press.drafting.formatting``) on the preview, the public page and in the DOCX.
"""
from __future__ import annotations

from flask import (
    Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from press.drafting import formatting
from press.drafting.context import field_label
from press.errors import N_, ServiceError
from press.extensions import db
from press.numbers import MAX_ID, parse_id, parse_int
from press.models import ACTIVITY_KINDS, RELEASE_STATES, Activity, Media, Release, ReleaseTemplate
from press.services import access, release_checks
from press.services import release_exports, release_photos, release_templates
from press.services import releases as service

from . import stored_files
from .downloads import as_download
from .labels import ACTIVITY_KIND_LABELS, error_text
from .access import may, may_read_release, permission_required, require
from .links import public_url
from .sections import activity_section

bp = Blueprint("releases", __name__, url_prefix="/staf/siaran")


CHECK_LABELS = {
    "weekday": _l("Hari dan tanggal"),
    "date_far": _l("Tanggal jauh dari kegiatan"),
    "name_two_ways": _l("Ditulis dua cara"),
    "region_two_ways": _l("Kota atau kabupaten"),
    "quote_no_speaker": _l("Kutipan tanpa pembicara"),
    "short_name_first": _l("Nama pendek sebelum dikenalkan"),
    "mojibake": _l("Huruf rusak"),
    "quotes_unbalanced": _l("Tanda petik"),
    "paragraph_long": _l("Paragraf panjang"),
    "photo_caption": _l("Keterangan foto"),
    "photo_credit": _l("Kredit foto"),
    "placeholder": _l("Belum diisi"),
    "spelling": _l("Ejaan baku"),
    "di_prefix": _l("Di- dan ke-"),
    "foreign": _l("Kata asing"),
    "time_format": _l("Penulisan jam"),
    "number_format": _l("Penulisan angka dan rupiah"),
    "title_register": _l("Jabatan menurut daftar pejabat"),
    "precedence": _l("Urutan tata tempat"),
    "headline_shape": _l("Bentuk judul"),
    "dateline": _l("Baris tempat"),
    "adv_label": _l("Label advertorial"),
}


def _release(release_id: int, permission: str | None = None) -> Release:
    """The release, if the signed-in user may read it (and do ``permission`` on it); else 404 or 403."""
    release = db.session.get(Release, release_id) or abort(404)
    if not may_read_release(release):
        abort(403)
    if permission:
        require(permission, release)
    return release


_storage = stored_files.store


def _finding_view(finding, body: str, key=None) -> dict:
    """A finding for the page: translated message and hint, the spanned text with context,
    its (check, text, occurrence) ``key`` and its replacement."""
    message = _(finding.message, **finding.params) if finding.params else _(finding.message)
    hint = _(finding.hint, **finding.hint_params) if finding.hint_params else (_(finding.hint) if finding.hint else "")
    context = None
    if finding.span:
        start, end = finding.span
        context = (body[max(0, start - 40):start], body[start:end], body[end:end + 40])
    return {"code": finding.code, "label": CHECK_LABELS.get(finding.code, finding.code),
            "message": message, "hint": hint, "span": finding.span, "context": context, "key": key,
            "replacement": finding.replacement}


def _findings(release: Release, body: str | None = None, title: str | None = None, dateline: str | None = None,
              signature: str | None = None) -> list[dict]:
    texts = {"title": release.title if title is None else title, "body": release.body if body is None else body,
             "dateline": (release.dateline or "") if dateline is None else dateline,
             "signature": (release.signature or "") if signature is None else signature}
    found = release_checks.open_findings(db.session, release, title=title, body=body, dateline=dateline,
                                         signature=signature, label=current_app.config.get("OFFICE_SIGNATURE"))
    return [_finding_view(f, texts[f.field] or "", key) for f, key in found]


@bp.app_template_filter("light_format")
def light_format(text: str):
    """A paragraph with ``**bold**``/``*italic*`` as safe HTML (everything else escaped)."""
    return formatting.to_html(text)


@bp.app_context_processor
def release_helpers():
    return {"CHECK_LABELS": CHECK_LABELS}


# -- the activity page's section -----------------------------------------------------

@activity_section(bp, 30)
def releases_section(activity: Activity) -> str:
    query = service.releases_query(activity_id=activity.id).where(access.release_filter(db.session, current_user))
    items = db.session.scalars(query).all()
    return render_template("releases/_section.html", activity=activity, releases=items,
                           can_draft=may("release.write", activity))


@bp.route("/dari-kegiatan/<id:activity_id>", methods=["POST"])
@permission_required("release.write")
def create(activity_id: int):
    activity = db.session.get(Activity, activity_id) or abort(404)
    require("release.write", activity)
    try:
        release, missing = service.create_draft(
            db.session, activity, current_user, office=current_app.config.get("OFFICE_NAME"),
            signature=current_app.config.get("OFFICE_SIGNATURE"))
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return redirect(url_for("activities.view", activity_id=activity.id) + "#siaran")
    if missing:
        flash(_("Draf dibuat. Data kegiatan belum lengkap, lengkapi bagian bertanda [ … ]: %(fields)s.",
                fields=", ".join(_(field_label(name)) for name in missing)), "warning")
    else:
        flash(_("Draf siaran dibuat dari templat %(kind)s.", kind=ACTIVITY_KIND_LABELS.get(activity.kind, activity.kind)), "success")
    return redirect(url_for("releases.edit", release_id=release.id))


# -- list and release page -----------------------------------------------------------

@bp.route("/")
@permission_required("release.read_published")
def index():
    state = request.args.get("status") or None
    if state not in RELEASE_STATES:
        state = None
    query = service.releases_query(state=state).where(access.release_filter(db.session, current_user))
    items = db.session.scalars(query.limit(500)).all()
    return render_template("releases/index.html", releases=items, state=state, states=RELEASE_STATES)


@bp.route("/<id:release_id>/")
@permission_required("release.read_published")
def view(release_id: int):
    release = _release(release_id)
    return render_template("releases/view.html", release=release, findings=_findings(release),
                           can_edit=may("release.write", release))


@bp.route("/<id:release_id>/pratinjau")
@permission_required("release.read_published")
def preview(release_id: int):
    release = _release(release_id)
    return render_template("releases/preview.html", release=release)


# -- editor --------------------------------------------------------------------------

def _available_photos(release: Release) -> list[Media]:
    if not release.activity_id:
        return []
    attached = {p.media_id for p in release.photos}
    photos = db.session.scalars(select(Media).where(Media.activity_id == release.activity_id)
                                .order_by(Media.is_highlight.desc(), Media.sharpness.desc(), Media.id)).all()
    return [m for m in photos if m.id not in attached and m.usable_in_release]


def _editor(release: Release, form: dict | None = None, findings=None, status: int = 200, stale=None):
    text = form or {"title": release.title, "dateline": release.dateline or "", "body": release.body,
                    "signature": release.signature or "", "comment": "", "expected_version": release.version}
    if findings is None:
        findings = _findings(release, text["body"], text["title"], text["dateline"], text["signature"])
    return render_template("releases/edit.html", release=release, form=text, findings=findings,
                           available=_available_photos(release), stale=stale, can_fix=form is None), status


@bp.route("/<id:release_id>/sunting", methods=["GET", "POST"])
@permission_required("release.write")
def edit(release_id: int):
    release = _release(release_id, "release.write")
    if request.method == "GET":
        return _editor(release)
    version = parse_int(request.form.get("version", ""), low=0, high=MAX_ID)
    form = {
        "title": request.form.get("title", ""), "dateline": request.form.get("dateline", ""),
        "body": request.form.get("body", ""), "signature": request.form.get("signature", ""),
        "comment": request.form.get("comment", ""),
        "expected_version": release.version if version is None else version,
    }
    if request.form.get("action") == "check":
        return _editor(release, form)
    if version is None:
        flash(_("Formulir tidak lengkap: muat ulang halaman penyunting."), "error")
        return _editor(release, form, status=400)
    try:
        service.save_release(
            db.session, release, title=form["title"], dateline=form["dateline"], body=form["body"],
            signature=form["signature"], expected_version=form["expected_version"], actor=current_user,
            comment=form["comment"])
        db.session.commit()
    except service.StaleEdit as exc:
        db.session.rollback()
        release = _release(release_id, "release.write")
        flash(error_text(exc), "error")
        return _editor(release, None, status=409, stale=exc.submitted)
    except ServiceError as exc:
        db.session.rollback()
        release = _release(release_id, "release.write")
        flash(error_text(exc), "error")
        return _editor(release, form, status=400)
    flash(_("Tersimpan sebagai revisi %(number)s.", number=release.revisions[-1].number if release.revisions else 1), "success")
    return redirect(url_for("releases.edit", release_id=release.id))


# -- photos --------------------------------------------------------------------------

def _photo_action(release_id: int, action):
    release = _release(release_id, "release.write")
    try:
        action(release)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
    return redirect(url_for("releases.edit", release_id=release_id) + "#foto")


@bp.route("/<id:release_id>/foto", methods=["POST"])
@permission_required("release.write")
def attach(release_id: int):
    media_id = parse_id(request.form.get("media_id"))
    media = db.session.get(Media, media_id) if media_id is not None else None

    def run(release):
        if media is None or media.activity_id != release.activity_id:
            raise service.ReleaseError(N_("Pilih foto dari galeri kegiatan siaran ini."))
        release_photos.attach_photo(db.session, release, media, current_user, request.form.get("caption"))

    return _photo_action(release_id, run)


@bp.route("/<id:release_id>/foto/<id:photo_id>/lepas", methods=["POST"])
@permission_required("release.write")
def detach(release_id: int, photo_id: int):
    return _photo_action(release_id, lambda r: release_photos.detach_photo(db.session, r, photo_id, current_user))


@bp.route("/<id:release_id>/foto/<id:photo_id>/geser", methods=["POST"])
@permission_required("release.write")
def move(release_id: int, photo_id: int):
    offset = -1 if request.form.get("arah") == "naik" else 1
    return _photo_action(release_id, lambda r: release_photos.move_photo(db.session, r, photo_id, offset, current_user))


@bp.route("/<id:release_id>/foto/<id:photo_id>/keterangan", methods=["POST"])
@permission_required("release.write")
def caption(release_id: int, photo_id: int):
    return _photo_action(release_id, lambda r: release_photos.caption_photo(
        db.session, r, photo_id, request.form.get("caption", ""), current_user))


# -- revisions -----------------------------------------------------------------------

@bp.route("/<id:release_id>/revisi")
@permission_required("release.read_published")
def revisions(release_id: int):
    release = _release(release_id)
    numbers = [r.number for r in release.revisions]
    if len(numbers) < 1:
        return render_template("releases/compare.html", release=release, rows=[], old=None, new=None, numbers=numbers)
    old = request.args.get("a", type=int)
    new = request.args.get("b", type=int)
    new = new if new in numbers else numbers[-1]
    old = old if old in numbers else (numbers[-2] if len(numbers) > 1 else numbers[-1])
    rows = service.diff_revisions(release, old, new)
    return render_template("releases/compare.html", release=release, rows=rows, old=service.revision(release, old),
                           new=service.revision(release, new), numbers=numbers)


# -- exports -------------------------------------------------------------------------

def _download(data: bytes, filename: str, mimetype: str) -> Response:
    return as_download(Response(data, mimetype=mimetype), filename, "siaran")


@bp.route("/<id:release_id>/docx")
@permission_required("release.read_published")
def docx(release_id: int):
    release = _release(release_id)
    data = release_exports.export_docx(release, _storage(), office=current_app.config.get("OFFICE_NAME", ""))
    return _download(data, f"{release.slug[:80]}.docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@bp.route("/<id:release_id>/kit")
@permission_required("release.read_published")
def kit(release_id: int):
    release = _release(release_id)
    data = release_exports.export_kit(release, _storage(), office=current_app.config.get("OFFICE_NAME", ""),
                              photo_page=lambda media_id: public_url("photo", media_id, external=True))
    return _download(data, f"kit-media-{release.slug[:80]}.zip", "application/zip")


# -- templates (admin) ---------------------------------------------------------------

@bp.route("/templat")
@permission_required("template.edit")
def templates():
    overrides = {row.kind: row for row in db.session.scalars(select(ReleaseTemplate))}
    return render_template("releases/templates.html", kinds=ACTIVITY_KINDS, overrides=overrides)


@bp.route("/templat/<kind>", methods=["GET", "POST"])
@permission_required("template.edit")
def template(kind: str):
    if kind not in ACTIVITY_KINDS:
        abort(404)
    source, overridden = release_templates.template_source(db.session, kind)
    activities = db.session.scalars(select(Activity).order_by(Activity.starts_on.desc(), Activity.id.desc()).limit(200)).all()
    chosen_id = request.values.get("activity_id", type=int)
    chosen = next((a for a in activities if a.id == chosen_id), None) or next(
        (a for a in activities if a.kind == kind), activities[0] if activities else None)
    draft, problem, status = None, None, 200
    if request.method == "POST":
        source = request.form.get("source", "").replace("\r\n", "\n")
        action = request.form.get("action", "preview")
        try:
            if action == "reset":
                release_templates.reset_template(db.session, kind, current_user)
                db.session.commit()
                flash(_("Templat %(kind)s kembali ke bawaan.", kind=ACTIVITY_KIND_LABELS[kind]), "success")
                return redirect(url_for("releases.template", kind=kind))
            if action == "save":
                release_templates.save_template(db.session, kind, source, current_user)
                db.session.commit()
                flash(_("Templat %(kind)s disimpan.", kind=ACTIVITY_KIND_LABELS[kind]), "success")
                overridden = True
        except release_templates.DraftTemplateError as exc:
            db.session.rollback()
            problem, status = exc.problem, 400
        except ServiceError as exc:
            db.session.rollback()
            flash(error_text(exc), "error")
            status = 400
    if problem is None and chosen is not None:
        try:
            draft = release_templates.render_for(db.session, chosen, source, office=current_app.config.get("OFFICE_NAME"),
                                       signature=current_app.config.get("OFFICE_SIGNATURE"))
        except release_templates.DraftTemplateError as exc:
            problem = exc.problem
    return render_template("releases/template.html", kind=kind, source=source, overridden=overridden,
                           activities=activities, chosen=chosen, draft=draft, problem=problem,
                           missing_labels=[_(field_label(n)) for n in (draft.missing_fields if draft else ())]), status
