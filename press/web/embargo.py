"""Embargoed previews: the journalists' private pages and the editor's switch.

``site_bp`` (``/wartawan/``): the scheduled releases opened to the signed-in journalist, a
release's page with the banner "EMBARGO hingga …" and its photos marked EMBARGO
(``press.photos.watermark`` drawn on the web rendition, served here, never a store
address); every page view and download is logged. A release the journalist may not see
answers 404 like one that never existed. ``bp`` (staff): the POST opening a scheduled
release to journalists, or closing it, and the partial showing it on the release page.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from press import permissions
from press.codes import EmbargoAccess, ReleaseState, Role
from press.extensions import db
from press.models import Journalist, Release
from press.photos import watermark
from press.services import embargo

from . import stored_files
from . import journalists
from .access import permission_required, require
from .downloads import as_download
from .journalist_forms import OpenToJournalistsForm
from .service_calls import committed

site_bp = Blueprint("embargo_site", __name__, url_prefix="/wartawan")
bp = Blueprint("embargo", __name__, url_prefix="/staf/siaran")

site_bp.after_request(journalists.private)


def _preview(journalist: Journalist, release_id: int) -> Release:
    permissions.require(Role.JOURNALIST, permissions.EVERY_UNIT, "embargo.preview")
    release = embargo.preview(db.session, journalist, release_id)
    if release is None:
        published = db.session.get(Release, release_id)
        if published is not None and published.state == ReleaseState.PUBLISHED:
            return redirect(url_for("site.release", ref=published.slug))
        abort(404)
    return release


@site_bp.route("/")
@journalists.journalist_required
def index(journalist: Journalist):
    return render_template("embargo/index.html", journalist=journalist,
                           releases=embargo.previews(db.session, journalist))


@site_bp.route("/embargo/<id:release_id>")
@journalists.journalist_required
def release(journalist: Journalist, release_id: int):
    found = _preview(journalist, release_id)
    if not isinstance(found, Release):
        return found
    embargo.log(db.session, journalist, found, EmbargoAccess.VIEW)
    db.session.commit()
    return render_template(
        "embargo/release.html", release=found, journalist=journalist, photos=embargo.preview_photos(found),
        photo_url=lambda media: url_for("embargo_site.photo", release_id=found.id, media_id=media.id))


@site_bp.route("/embargo/<id:release_id>/foto/<id:media_id>.jpg")
@journalists.journalist_required
def photo(journalist: Journalist, release_id: int, media_id: int):
    """A photo of the release marked EMBARGO; ``?unduh=1`` downloads it (and is logged)."""
    found = _preview(journalist, release_id)
    if not isinstance(found, Release):
        abort(404)
    media = embargo.preview_photo(found, media_id)
    if media is None:
        abort(404)
    rendition = media.rendition("web")
    if rendition is None:
        abort(404)
    try:
        marked = watermark.mark(stored_files.read_rendition(media.sha256, rendition.variant))
    except OSError:
        abort(404)
    response = current_app.response_class(marked, mimetype="image/jpeg")
    if request.args.get("unduh") == "1":
        embargo.log(db.session, journalist, found, EmbargoAccess.DOWNLOAD, media)
        db.session.commit()
        as_download(response, f"EMBARGO-{found.slug}-{media.id}.jpg", "embargo.jpg")
    return response


@bp.route("/<id:release_id>/wartawan", methods=["POST"])
@permission_required("release.open_to_journalists")
def open_to_journalists(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    require("release.open_to_journalists", release)
    form = OpenToJournalistsForm()
    if not form.validate_on_submit():
        flash(_("Formulir tidak lengkap: muat ulang halaman siaran."), "error")
        return redirect(url_for("releases.view", release_id=release.id)), 400
    if form.close.data:
        done = committed(lambda: embargo.close(db.session, release, current_user))
        message = _("Siaran ditutup lagi untuk wartawan.")
    else:
        done = committed(
            lambda: embargo.open_to_journalists(db.session, release, current_user, form.audience.data))
        message = _("Siaran dibuka untuk wartawan sampai embargonya berakhir.")
    if done:
        flash(message, "info")
    return redirect(url_for("releases.view", release_id=release.id))


@bp.app_template_global("embargo_opening")
def embargo_opening(release: Release):
    return embargo.opening_of(db.session, release)


@bp.app_template_global("embargo_views")
def embargo_views(release: Release):
    return embargo.views(db.session, release)


@bp.app_template_global("open_to_journalists_form")
def open_to_journalists_form(release: Release) -> OpenToJournalistsForm:
    opening = embargo.opening_of(db.session, release)
    return OpenToJournalistsForm(formdata=None, audience=opening.audience if opening else None)
