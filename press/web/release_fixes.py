"""The editor's one-click fixes, on the releases blueprint: "Terapkan" applies one finding's
replacement, "Terapkan semua" every replacement of one check, both saved as a revision
(``press.services.release_checks.apply``); "Biarkan" leaves a finding in this release for
good. Endpoints ``releases.apply_fix``, ``releases.apply_check`` and ``releases.dismiss_finding``.
"""
from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from press.drafting.finding import CODES
from press.errors import ServiceError
from press.extensions import db
from press.numbers import MAX_ID, parse_int
from press.services import release_checks
from press.services import releases as service

from .access import permission_required
from .labels import error_text
from .releases import _release, bp


def _key():
    """The (check, text, occurrence) of the form, or None when it is not one."""
    code = request.form.get("check", "")
    occurrence = parse_int(request.form.get("occurrence", ""), low=0, high=MAX_ID)
    text = request.form.get("text")
    if code not in CODES or occurrence is None or text is None or len(text) > 300:
        return None
    return code, text, occurrence


def _back(release_id: int):
    return redirect(url_for("releases.edit", release_id=release_id) + "#checks-title")


def _apply(release_id: int, **which):
    release = _release(release_id, "release.write")
    version = parse_int(request.form.get("version", ""), low=0, high=MAX_ID)
    if version is None or not any(which.values()):
        flash(_("Formulir tidak lengkap: muat ulang halaman penyunting."), "error")
        return _back(release_id)
    try:
        count = release_checks.apply(db.session, release, current_user, version,
                                     label=current_app.config.get("OFFICE_SIGNATURE"), **which)
        db.session.commit()
    except service.StaleEdit:
        db.session.rollback()
        flash(_("Siaran ini sudah diubah orang lain sejak halaman dibuka; periksa lagi lalu terapkan."), "error")
        return _back(release_id)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _back(release_id)
    flash(_("%(count)s perbaikan diterapkan dan disimpan sebagai revisi %(number)s.", count=count,
            number=release.revisions[-1].number), "success")
    return _back(release_id)


@bp.route("/<id:release_id>/terapkan", methods=["POST"])
@permission_required("release.write")
def apply_fix(release_id: int):
    return _apply(release_id, key=_key())


@bp.route("/<id:release_id>/terapkan-semua", methods=["POST"])
@permission_required("release.write")
def apply_check(release_id: int):
    code = request.form.get("check", "")
    return _apply(release_id, code=code if code in CODES else None)


@bp.route("/<id:release_id>/biarkan", methods=["POST"])
@permission_required("release.write")
def dismiss_finding(release_id: int):
    release = _release(release_id, "release.write")
    key = _key()
    if key is None:
        flash(_("Formulir tidak lengkap: muat ulang halaman penyunting."), "error")
        return _back(release_id)
    try:
        release_checks.dismiss(db.session, release, key, current_user)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _back(release_id)
    flash(_("Temuan dibiarkan; tidak ditampilkan lagi untuk siaran ini."), "success")
    return _back(release_id)
