"""The file-level pieces of the blob store: its error, safe paths, content keys, durable writes.

``StorageError`` is every failure of the store; ``safe_join`` keeps a path under the
store's root, ``validate_key``/``validate_variant`` check what a path is built from;
``content_key``/``stream_key``/``file_key`` are the SHA-256 a blob is stored under (``new_digest`` the
one hash the store uses, also for a file hashed as it arrives); ``write_all``,
``fsync_dir``, ``make_temp`` and ``unlink_quietly`` are the writes every durable put is
made of. Imports nothing of ``press``.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from typing import BinaryIO

CHUNK = 1024 * 1024
KEY_RE = re.compile(r"^[0-9a-f]{64}$")
VARIANT_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class StorageError(Exception):
    """Any failure of the store: bad key, missing blob, full disk, unsafe path."""


def safe_join(root: str | os.PathLike, *parts: str) -> str:
    """Join ``parts`` under ``root``, refusing anything that would land outside it."""
    base = os.path.abspath(os.fspath(root))
    for part in parts:
        if not isinstance(part, str) or part == "" or "\x00" in part:
            raise StorageError(f"unsafe path component: {part!r}")
        if os.path.isabs(part) or "\\" in part:
            raise StorageError(f"unsafe path component: {part!r}")
    joined = os.path.normpath(os.path.join(base, *parts))
    if joined != base and not joined.startswith(base + os.sep):
        raise StorageError(f"path escapes the store: {'/'.join(parts)!r}")
    return joined


def validate_key(key: str) -> str:
    """Return ``key`` if it is 64 lowercase hex digits, else raise ``StorageError``."""
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise StorageError(f"not a valid key (64 lowercase hex digits): {key!r}")
    return key


def validate_variant(variant: str) -> str:
    if not isinstance(variant, str) or not VARIANT_RE.match(variant):
        raise StorageError(f"not a valid rendition name: {variant!r}")
    return variant


def fsync_dir(path: str) -> None:
    """Make a rename or a new file in ``path`` durable (the directory entry itself)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def as_stream(data_or_stream) -> BinaryIO:
    if isinstance(data_or_stream, (bytes, bytearray, memoryview)):
        return io.BytesIO(data_or_stream)
    return data_or_stream


def new_digest():
    """The hash a blob is keyed by (SHA-256), to be fed piece by piece."""
    return hashlib.sha256()


def content_key(data: bytes) -> str:
    """The key bytes are stored under: their SHA-256, 64 hex digits."""
    digest = new_digest()
    digest.update(data)
    return digest.hexdigest()


def stream_key(stream: BinaryIO) -> str:
    """``content_key`` of what is left to read in ``stream``, read in chunks (an original may be large)."""
    digest = new_digest()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def file_key(path: str | os.PathLike) -> str:
    """``content_key`` of a file's content."""
    with open(path, "rb") as handle:
        return stream_key(handle)


def make_temp(directory: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix="put-", suffix=".part", dir=directory)


def unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
