"""Files of the blob store sent to browsers: the one way a page opens the store and sends
what it holds, whichever backend ``PRESS_MEDIA_URL`` chose.

``store()`` is the application's store; ``send_original`` and ``send_rendition`` send a
blob through Siaran (conditional on its hash, 404 when it is not there);
``public_rendition`` may instead redirect the browser to the object store
(``PRESS_MEDIA_SERVE=presigned`` or ``public``): only for what the public rule allows,
which the caller has checked.
"""
from __future__ import annotations

from flask import abort, current_app, redirect, send_file

from press.storage import StorageError, Store, store_from_config


def store() -> Store:
    try:
        return store_from_config(current_app.config)
    except StorageError:
        current_app.logger.exception("the media store cannot be opened")
        abort(503)


def send_original(key: str, mimetype: str | None, **options):
    """An original (a photo, a consent scan, a proof file) under its key; 404 when absent or damaged."""
    try:
        handle = store().open(key)
    except StorageError:
        abort(404)
    return send_file(handle, mimetype=mimetype or "application/octet-stream", conditional=True, etag=key, **options)


def send_rendition(key: str, variant: str, etag: str, **options):
    """A rendition of the original ``key``, sent through Siaran; 404 when absent."""
    try:
        handle = store().open_rendition(key, variant)
    except StorageError:
        abort(404)
    return send_file(handle, mimetype="image/jpeg", conditional=True, etag=etag, **options)


def read_rendition(key: str, variant: str) -> bytes:
    """A rendition's bytes (to be changed before sending: the embargo's watermark); 404 when absent."""
    try:
        with store().open_rendition(key, variant) as handle:
            return handle.read()
    except StorageError:
        abort(404)


def public_rendition(key: str, variant: str, etag: str, *, cache_seconds: int):
    """A rendition the public rule allows: a redirect to the object store when it serves
    them itself (the redirect cached for less than a pre-signed URL lives), else sent."""
    try:
        url = store().rendition_url(key, variant)
    except StorageError:
        abort(404)
    if url is None:
        response = send_rendition(key, variant, etag)
    else:
        response = redirect(url, 302)
        if current_app.config.get("MEDIA_SERVE") == "presigned":
            cache_seconds = min(cache_seconds, current_app.config.get("MEDIA_URL_SECONDS", 300) // 2)
    response.headers["Cache-Control"] = f"public, max-age={cache_seconds}"
    return response
