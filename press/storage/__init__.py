"""The content-addressed blob store: originals under their SHA-256, their renditions,
derived files, on one of two backends with the same methods and guarantees.

``PRESS_MEDIA_URL`` chooses: ``file:///path`` (or a plain path: ``PRESS_MEDIA_ROOT``, its
alias; the default is the checkout's ``media_store/``) is :class:`FileStorage`;
``s3://bucket/prefix`` is :class:`press.storage.s3.S3Storage`, with the endpoint, region
and keys of ``PRESS_S3_*`` (or boto3's own ``AWS_*`` chain). :func:`store_from_config` is
the one way the application opens its store; every caller goes through the store's
methods, never a path under it. The names inside a store are :mod:`.layout`; the
file-level pieces (safe paths, keys, durable writes) :mod:`.files`; a file received as
it arrives :mod:`.incoming`.

Imports nothing of ``press`` outside this package; every failure surfaces as ``StorageError``.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from .files import StorageError, safe_join
from .incoming import Incoming
from .interface import Store
from .layout import StoreProblem
from .local import FileStorage

__all__ = ["FileStorage", "Incoming", "StorageError", "Store", "StoreProblem", "open_store", "safe_join",
           "store_from_config", "store_spec"]

_opened: dict = {}
_lock = threading.Lock()


def store_spec(config: Mapping):
    """What opens the store the configuration names: a folder path (filesystem) or an
    ``S3Spec`` (object storage); both picklable, for the photo worker processes."""
    url = config.get("MEDIA_URL") or config["MEDIA_ROOT"]
    parts = urlsplit(str(url))
    if parts.scheme in ("", "file") or len(parts.scheme) == 1:  # a plain path (C: on Windows included)
        path = unquote(parts.netloc + parts.path) if parts.scheme == "file" else str(url)
        if not path:
            raise StorageError(f"the media URL {url!r} names no folder: write file:///absolute/path")
        return os.path.abspath(path)
    if parts.scheme == "s3":
        from .s3 import S3Spec

        if not parts.netloc:
            raise StorageError(f"the media URL {url!r} names no bucket: write s3://bucket/prefix")
        return S3Spec(
            bucket=parts.netloc, prefix=unquote(parts.path).strip("/"), endpoint=config.get("S3_ENDPOINT_URL"),
            region=config.get("S3_REGION"), access_key=config.get("S3_ACCESS_KEY_ID"),
            secret_key=config.get("S3_SECRET_ACCESS_KEY"), addressing_style=config.get("S3_ADDRESSING_STYLE") or "path",
            spool_dir=config.get("MEDIA_SPOOL_DIR"), serve=config.get("MEDIA_SERVE") or "siaran",
            public_base_url=config.get("MEDIA_PUBLIC_BASE_URL"), url_seconds=int(config.get("MEDIA_URL_SECONDS") or 300),
        )
    raise StorageError(f"the media URL {url!r} is neither file:// nor s3://")


def open_store(spec):
    """The store for a spec of :func:`store_spec` (or a folder path). A folder is opened
    each time (which makes its ``tmp/`` again if it went); an object store once per
    process and shared (its client is safe to use from several threads, and costly to make)."""
    if isinstance(spec, (str, os.PathLike)):
        return FileStorage(spec)
    with _lock:
        store = _opened.get(spec)
        if store is None:
            from .s3 import S3Storage

            store = _opened[spec] = S3Storage(spec)
        return store


def store_from_config(config: Mapping):
    """The application's store (``MEDIA_URL``, else ``MEDIA_ROOT``): ``FileStorage`` or ``S3Storage``."""
    return open_store(store_spec(config))
