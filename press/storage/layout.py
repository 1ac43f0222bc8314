"""Where each thing lives in a store, the same on every backend, and what ``verify`` finds.

Keys are relative names with forward slashes: ``originals/ab/cd/<key>`` (the key is the
SHA-256 hex of the content), ``renditions/ab/cd/<key>/<variant>.jpg``,
``private/ab/cd/<key>/<name>.jpg`` and ``derived/<kind>/<name>``. The filesystem backend puts them under its root folder, the
object store backend under its bucket's prefix, so a store can be copied from one to the
other object by object. Imports nothing of ``press`` but its own package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .files import StorageError, validate_key, validate_variant

ORIGINALS = "originals"
RENDITIONS = "renditions"
PRIVATE = "private"
"""Files Siaran keeps beside an original for its own work (the crops' sources): never sent
to a browser, and outside ``renditions/``, which an object store serving public renditions
itself lets anyone read."""
DERIVED = "derived"
DERIVED_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}/[a-z0-9][a-z0-9_-]{0,127}\.[a-z0-9]{1,8}$")


@dataclass(frozen=True)
class StoreProblem:
    """One finding of a store's ``verify``: ``kind`` is ``missing``, ``corrupt``, ``stray``
    (``detail`` is the object's name) or ``orphan_renditions`` (renditions or private files
    whose original is gone)."""

    kind: str
    key: str
    detail: str


def _fanned(area: str, key: str) -> str:
    """``area/ab/cd/<key>``: a blob's place in one area, fanned out by its first four hex digits."""
    validate_key(key)
    return f"{area}/{key[:2]}/{key[2:4]}/{key}"


def original_name(key: str) -> str:
    return _fanned(ORIGINALS, key)


def renditions_folder(key: str) -> str:
    """The folder (prefix) holding every rendition of ``key``, without the trailing slash."""
    return _fanned(RENDITIONS, key)


def rendition_name(key: str, variant: str) -> str:
    """What a rendition row's ``path`` holds: its name relative to the store."""
    validate_variant(variant)
    return f"{renditions_folder(key)}/{variant}.jpg"


def private_folder(key: str) -> str:
    """The folder (prefix) holding the private files of ``key``, without the trailing slash."""
    return _fanned(PRIVATE, key)


def private_name(key: str, name: str) -> str:
    validate_variant(name)
    return f"{private_folder(key)}/{name}.jpg"


def derived_name(name: str) -> str:
    """A file made from the database and the blobs (``release-pdf/12-v3.pdf``), kept to
    save making it again; deleting one only costs its remaking."""
    if not isinstance(name, str) or not DERIVED_RE.match(name):
        raise StorageError(f"not a valid derived file name: {name!r}")
    return f"{DERIVED}/{name}"
