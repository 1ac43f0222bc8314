"""Collections: the staff pages (``photo.collect``) and the public page, feed and ZIP of a public one.

The public views are on the ``site`` blueprint (``/galeri/koleksi/<slug>``, its ``feed.xml``
and ``.zip``), so they carry the site's ETag, Last-Modified and page cache; each shows
only the photos the one public rule allows (``press.services.collections``).
"""
from __future__ import annotations

from email.utils import format_datetime

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, url_for)
from flask_babel import gettext as _
from flask_login import current_user

from press.drafting.kit import KitPhoto, build_photo_zip
from press.errors import N_, ServiceError
from press.extensions import db
from press.models import Collection
from press.numbers import parse_id
from press.services import collections, licences, public
from press.storage import StorageError

from . import stored_files
from .access import permission_required
from .downloads import as_public_download
from .feeds import rss_html
from .labels import error_text
from .links import absolute, public_url, rendition_url
from .site import bp as site_bp, modified

bp = Blueprint("collections", __name__, url_prefix="/staf/koleksi")


def _collection(collection_id: int) -> Collection:
    collection = db.session.get(Collection, collection_id)
    if collection is None:
        abort(404)
    return collection


def _refused(exc: ServiceError, collection: Collection | None = None):
    db.session.rollback()
    flash(error_text(exc), "error")
    if collection is None:
        return render_template("collections/index.html", rows=collections.all_collections(db.session)), 400
    return _edit_page(_collection(collection.id)), 400


def _edit_page(collection: Collection) -> str:
    return render_template("collections/edit.html", collection=collection,
                           photos=collections.photos_of(db.session, collection, only_public=False))


@bp.route("", methods=["GET", "POST"])
@permission_required("photo.collect")
def index():
    if request.method == "POST":
        try:
            collection = collections.save(db.session, current_user, name=request.form.get("name", ""),
                                          description=request.form.get("description"))
        except ServiceError as exc:
            return _refused(exc)
        db.session.commit()
        flash(_("Koleksi dibuat."), "success")
        return redirect(url_for("collections.edit", collection_id=collection.id))
    return render_template("collections/index.html", rows=collections.all_collections(db.session))


@bp.route("/<id:collection_id>", methods=["GET", "POST"])
@permission_required("photo.collect")
def edit(collection_id: int):
    collection = _collection(collection_id)
    if request.method == "POST":
        form = request.form
        try:
            collections.save(db.session, current_user, name=form.get("name", ""), description=form.get("description"),
                             public_=form.get("public") == "1", cover_id=parse_id(form.get("cover_id", "")),
                             collection=collection)
        except ServiceError as exc:
            return _refused(exc, collection)
        db.session.commit()
        flash(_("Koleksi disimpan."), "success")
        return redirect(url_for("collections.edit", collection_id=collection.id))
    return _edit_page(collection)


@bp.route("/<id:collection_id>/foto", methods=["POST"])
@permission_required("photo.collect")
def add(collection_id: int):
    collection = _collection(collection_id)
    try:
        added = collections.add_photos(db.session, current_user, collection, request.form.get("ids", ""))
    except ServiceError as exc:
        return _refused(exc, collection)
    db.session.commit()
    flash(_("%(num)s foto ditambahkan.", num=len(added)), "success")
    return redirect(url_for("collections.edit", collection_id=collection.id))


@bp.route("/<id:collection_id>/urutan", methods=["POST"])
@permission_required("photo.collect")
def order(collection_id: int):
    collection = _collection(collection_id)
    media_id, action = parse_id(request.form.get("media_id", "")), request.form.get("action")
    try:
        if media_id is None or action not in ("up", "down", "remove"):
            raise ServiceError(N_("Pilihan tidak dikenal."))
        if action == "remove":
            collections.remove_photo(db.session, current_user, collection, media_id)
        else:
            collections.move_photo(db.session, current_user, collection, media_id, -1 if action == "up" else 1)
    except ServiceError as exc:
        return _refused(exc, collection)
    db.session.commit()
    return redirect(url_for("collections.edit", collection_id=collection.id) + f"#koleksi-foto-{media_id}")


# -- public ----------------------------------------------------------------------------

def _public(slug: str):
    found = collections.public_collection(db.session, slug)
    if found is None:
        abort(404)
    modified(public.last_change(db.session))
    modified(found[0].updated_at)
    return found


@site_bp.route("/galeri/koleksi/<slug>")
def collection_page(slug: str):
    collection, photos = _public(slug)
    return render_template("site/collection.html", collection=collection, photos=photos,
                           cover=collections.cover_of(collection, photos))


@site_bp.route("/galeri/koleksi/<slug>/feed.xml")
def collection_feed(slug: str):
    collection, photos = _public(slug)
    entries = [{"title": m.caption or _("Foto %(n)s", n=m.id), "url": public_url("photo", m, external=True),
                "image": rendition_url(m, "web", public=True, external=True) if m.rendition("web") else None,
                "image_bytes": m.rendition("web").bytes if m.rendition("web") else None,
                "summary": _photo_summary(m), "updated": m.updated_at} for m in photos]
    body = render_template("feeds/collection_rss.xml", collection=collection, entries=entries,
                           page=absolute("site.collection_page", slug=slug),
                           self_url=absolute("site.collection_feed", slug=slug), rfc822=format_datetime,
                           rss_html=rss_html, updated=max(e["updated"] for e in entries))
    return current_app.response_class(body, mimetype="application/rss+xml")


def _photo_summary(media) -> str:
    terms = licences.usage_terms(media.licence, media.restrictions)
    parts = [media.caption, media.credit and _("Foto: %(credit)s", credit=media.credit),
             terms and _("Lisensi: %(licence)s", licence=terms)]
    return " · ".join(p for p in parts if p)


@site_bp.route("/galeri/koleksi/<slug>.zip")
def collection_zip(slug: str):
    collection, photos = _public(slug)
    storage = stored_files.store()
    items = []
    for media in photos:
        try:
            with storage.open_rendition(media.sha256, "web") as handle:
                image = handle.read()
        except (OSError, StorageError):
            continue
        items.append(KitPhoto(image, media.caption or "", media.credit or "", public_url("photo", media, external=True),
                              licence=licences.usage_terms(media.licence, media.restrictions) or ""))
    data = build_photo_zip(slug=collection.slug, title=collection.name, photos=items)
    response = current_app.response_class(data, mimetype="application/zip")
    return as_public_download(response, f"{collection.slug}.zip", "koleksi.zip")
