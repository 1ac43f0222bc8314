"""The journalist's toolkit on the public release page: text to copy, kit, PDF, print photos.

``bp`` (public, no login): ``/siaran/<slug>/kit.zip`` (the media kit with the public
photos only), ``/siaran/<slug>/siaran.pdf`` (the release as PDF, made once per version by
LibreOffice with a timeout and kept in the store; a failed conversion answers 503 with
the reason and a retry time), ``/foto/<id>/cetak.jpg`` (a public photo's print rendition:
the first request leaves the work to the ``media.print`` job and answers 202 "sedang
disiapkan" with ``Retry-After`` and a ``Refresh``; later requests get the JPEG). Each
answers 404 for anything the public may not see, exactly like a page that never existed.

The template globals ``release_copy_text`` (plain text and WhatsApp text with its
``wa.me`` link, the release's public address in both) and ``press_contact`` (the unit's
press contact card) serve the public page and the staff release page alike.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template
from flask_babel import gettext as _

from press.codes import ReleaseState
from press.drafting.pdf import PdfError
from press.extensions import db
from press.models import Release
from press.services import press_contact, public, toolkit
from press.storage import StorageError

from . import stored_files
from .downloads import as_public_download
from .links import public_url

bp = Blueprint("toolkit", __name__)

RETRY_SECONDS = 5
PDF_RETRY_SECONDS = 60
DOWNLOAD_CACHE = "public, no-cache"


_storage = stored_files.store


def _office() -> str:
    return current_app.config.get("OFFICE_NAME", "")


def _download(response: Response, name: str, fallback: str) -> Response:
    response.headers["Cache-Control"] = DOWNLOAD_CACHE
    return as_public_download(response, name, fallback)


def _public_release(ref: str) -> Release:
    release = public.find_release(db.session, ref)
    if release is None or release.state != ReleaseState.PUBLISHED or ref != release.slug:
        abort(404)
    return release


@bp.app_template_global()
def release_copy_text(release: Release) -> dict:
    """What the copy buttons copy: ``plain``, ``whatsapp`` and ``share_url`` (the ``wa.me`` link)."""
    link = public_url("release", release, external=True)
    text = toolkit.whatsapp(db.session, release, link, _office())
    return {"plain": toolkit.plain(release, link, _office()), "whatsapp": text.text, "cut": text.cut,
            "share_url": text.share_url}


@bp.app_template_global()
def press_contact_card(release: Release):
    return press_contact.card_of(release.unit)


@bp.route("/siaran/<ref>/kit.zip")
def kit(ref: str):
    release = _public_release(ref)
    data = toolkit.public_kit(release, _storage(), office=_office(),
                              photo_page=lambda media_id: public_url("photo", media_id, external=True))
    return _download(Response(data, mimetype="application/zip"), f"kit-media-{release.slug[:80]}.zip", "siaran")


@bp.route("/siaran/<ref>/siaran.pdf")
def pdf(ref: str):
    release = _public_release(ref)
    try:
        data = toolkit.public_pdf(release, _storage(), office=_office())
    except (PdfError, StorageError) as exc:
        current_app.logger.warning("PDF of release %s not made: %s", release.id, exc)
        response = Response(render_template("site/toolkit_wait.html", release=release, status=503,
                                            message=_("PDF siaran ini belum dapat dibuat. Coba lagi sebentar lagi, "
                                                      "atau unduh kit media (DOCX)."),
                                            retry=PDF_RETRY_SECONDS), status=503)
        response.headers["Retry-After"] = str(PDF_RETRY_SECONDS)
        response.headers["Cache-Control"] = "no-store"
        return response
    return _download(Response(data, mimetype="application/pdf"), f"{release.slug[:80]}.pdf", "siaran")


@bp.route("/foto/<id:media_id>/cetak.jpg")
def print_photo(media_id: int):
    media = public.public_media(db.session, media_id)
    if media is None or not media.renditions:
        abort(404)
    rendition = toolkit.print_rendition(media)
    if rendition is None:
        toolkit.request_print(db.session, media)
        db.session.commit()
        response = Response(render_template("site/toolkit_wait.html", media=media, status=202, retry=RETRY_SECONDS,
                                            message=_("Foto ukuran cetak sedang disiapkan. Halaman ini akan "
                                                      "dimuat ulang sendiri; bila tidak, muat ulang sebentar lagi.")),
                            status=202)
        response.headers["Retry-After"] = str(RETRY_SECONDS)
        response.headers["Refresh"] = str(RETRY_SECONDS)
        response.headers["Cache-Control"] = "no-store"
        return response
    response = stored_files.send_rendition(media.sha256, rendition.variant, rendition.sha256)
    return _download(response, f"foto-{media.id}-cetak.jpg", "foto")
