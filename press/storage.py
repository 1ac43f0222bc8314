"""Content-addressed blob store on a local filesystem.

Originals live under ``originals/ab/cd/<key>`` where ``key`` is the SHA-256 hex of the
content; renditions live under ``renditions/ab/cd/<key>/<variant>.jpg``. Every write goes
through a temporary file in ``tmp/`` that is fsynced and then renamed into place, and the
directory is fsynced after the rename, so a crash at any moment leaves either the whole
file under its key or nothing but a temporary file (which ``cleanup_temp`` removes).

Imports nothing of ``press``; every failure surfaces as ``StorageError``.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from typing import BinaryIO, Iterator

CHUNK = 1024 * 1024
_KEY_RE = re.compile(r"^[0-9a-f]{64}$")
_VARIANT_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_ORIGINALS = "originals"
_RENDITIONS = "renditions"
_TMP = "tmp"
_DERIVED = "derived"
_DERIVED_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}/[a-z0-9][a-z0-9_-]{0,127}\.[a-z0-9]{1,8}$")


class StorageError(Exception):
    """Any failure of the store: bad key, missing blob, full disk, unsafe path."""


@dataclass(frozen=True)
class StoreProblem:
    """One finding of ``FileStorage.verify``: ``kind`` is ``missing``, ``corrupt``, ``stray``
    (``detail`` is the file's path) or ``orphan_renditions`` (a rendition folder whose
    original is gone)."""

    kind: str
    key: str
    detail: str


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
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise StorageError(f"not a valid key (64 lowercase hex digits): {key!r}")
    return key


def _validate_variant(variant: str) -> str:
    if not isinstance(variant, str) or not _VARIANT_RE.match(variant):
        raise StorageError(f"not a valid rendition name: {variant!r}")
    return variant


def fsync_dir(path: str) -> None:
    """Make a rename or a new file in ``path`` durable (the directory entry itself)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _as_stream(data_or_stream) -> BinaryIO:
    if isinstance(data_or_stream, (bytes, bytearray, memoryview)):
        return io.BytesIO(data_or_stream)
    return data_or_stream


class Incoming:
    """A file being written into the store's ``tmp/`` and hashed as it goes (the
    multipart parser writes an upload's body here, so the original is written and hashed
    once). Written in ``CHUNK`` pieces; a failed write (a full disk) is remembered and
    raised by :meth:`finish`. Readable once written (``read``, ``seek``: what a form
    parser's container needs). Closing it removes the file unless it was kept."""

    def __init__(self, directory: str):
        try:
            self._fd, self.path = _mkstemp(directory)
        except OSError as exc:
            raise StorageError(f"cannot create a temporary file: {exc}") from exc
        self._digest = hashlib.sha256()
        self._pending = bytearray()
        self._reader: BinaryIO | None = None
        self.size = 0
        self.error: OSError | None = None
        self.finished = self.kept = self.closed = False

    def write(self, data) -> int:
        self.size += len(data)
        self._pending += data
        if len(self._pending) >= CHUNK:
            self._flush()
        return len(data)

    def _flush(self) -> None:
        """Hash and write what is pending: in ``CHUNK`` pieces, as each call lets other
        threads run and then waits to take the interpreter back (up to 5 ms when they are busy)."""
        data, self._pending = self._pending, bytearray()
        self._digest.update(data)
        if self.error is None:
            try:
                _write_all(self._fd, data)
            except OSError as exc:
                self.error = exc

    @property
    def key(self) -> str:
        """SHA-256 of everything written."""
        if self._pending:
            self._flush()
        return self._digest.hexdigest()

    def check_written(self) -> None:
        """Raise ``StorageError`` if a write failed (a full disk)."""
        if self.error is not None:
            raise StorageError(f"writing to the store failed: {self.error}") from self.error

    def finish(self) -> None:
        """Everything written is on disk (fsynced); raises ``StorageError`` if a write failed."""
        if not self.finished:
            if self._pending:
                self._flush()
            if self.error is None:
                try:
                    os.fsync(self._fd)
                except OSError as exc:
                    self.error = exc
            self.finished = True
        self.check_written()

    # -- reading back (the form parser rewinds its container; the checks read the head)

    def _read_handle(self) -> BinaryIO:
        if self._reader is None:
            if self._pending:
                self._flush()
            self._reader = open(self.path, "rb")
        return self._reader

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._read_handle().seek(offset, whence)

    def tell(self) -> int:
        return self._read_handle().tell()

    def read(self, size: int = -1) -> bytes:
        return self._read_handle().read(size)

    def readline(self, size: int = -1) -> bytes:
        return self._read_handle().readline(size)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self._reader is not None:
            self._reader.close()
        os.close(self._fd)
        if not self.kept:
            _unlink_quietly(self.path)

    def __enter__(self) -> "Incoming":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class FileStorage:
    """A content-addressed store rooted at ``root`` (created if absent)."""

    def __init__(self, root: str | os.PathLike):
        self.root = os.path.abspath(os.fspath(root))
        try:
            os.makedirs(self._tmp_dir(), exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the store at {self.root}: {exc}") from exc

    # -- paths --------------------------------------------------------------------

    def _tmp_dir(self) -> str:
        return safe_join(self.root, _TMP)

    def path(self, key: str) -> str:
        """Absolute path of the original stored under ``key``."""
        validate_key(key)
        return safe_join(self.root, _ORIGINALS, key[:2], key[2:4], key)

    def _rendition_dir(self, key: str) -> str:
        validate_key(key)
        return safe_join(self.root, _RENDITIONS, key[:2], key[2:4], key)

    def rendition_relpath(self, key: str, variant: str) -> str:
        """Path of a rendition relative to the root, with forward slashes."""
        validate_key(key)
        _validate_variant(variant)
        return "/".join((_RENDITIONS, key[:2], key[2:4], key, f"{variant}.jpg"))

    def rendition_path(self, key: str, variant: str) -> str:
        return safe_join(self.root, *self.rendition_relpath(key, variant).split("/"))

    # -- atomic writing -----------------------------------------------------------

    def receive(self) -> "Incoming":
        """A new file in ``tmp/`` to write an original into as it arrives (an upload's
        body), hashed on the way; :meth:`keep` puts it under its key."""
        return Incoming(self._tmp_dir())

    def _write_temp(self, stream: BinaryIO) -> Incoming:
        """Copy ``stream`` to a fsynced temp file, hashing it."""
        incoming = self.receive()
        try:
            while chunk := stream.read(CHUNK):
                incoming.write(chunk)
            incoming.finish()
        except BaseException:
            incoming.close()
            raise
        return incoming

    def _commit(self, tmp: str, final: str) -> None:
        """Rename ``tmp`` onto ``final`` and make the rename durable."""
        try:
            self._makedirs_durable(os.path.dirname(final))
            os.replace(tmp, final)
            fsync_dir(os.path.dirname(final))
        except OSError as exc:
            _unlink_quietly(tmp)
            raise StorageError(f"cannot move the file into place: {exc}") from exc

    def _place(self, data_or_stream, final: str) -> None:
        """Write to ``tmp/`` and rename onto ``final`` (a file not named by its content)."""
        incoming = self._write_temp(_as_stream(data_or_stream))
        try:
            self._commit(incoming.path, final)
            incoming.kept = True
        finally:
            incoming.close()

    def _makedirs_durable(self, directory: str) -> None:
        missing = []
        while not os.path.isdir(directory):
            missing.append(directory)
            directory = os.path.dirname(directory)
        for path in reversed(missing):
            os.makedirs(path, exist_ok=True)
            fsync_dir(os.path.dirname(path))

    # -- originals ----------------------------------------------------------------

    def put(self, stream) -> str:
        """Store the content of ``stream`` (or bytes); return its SHA-256 key.

        Storing content that is already present changes nothing.
        """
        return self.keep(self._write_temp(_as_stream(stream)))

    def keep(self, incoming: "Incoming") -> str:
        """Make a received file durable under its key and return the key (content already
        stored: the file is dropped). Raises ``StorageError`` when it could not be written."""
        try:
            incoming.finish()
            final = self.path(incoming.key)
            if os.path.exists(final):
                return incoming.key
            self._commit(incoming.path, final)
            incoming.kept = True
            return incoming.key
        finally:
            incoming.close()

    def open(self, key: str) -> BinaryIO:
        try:
            return open(self.path(key), "rb")
        except OSError as exc:
            raise StorageError(f"no blob under key {key}: {exc.strerror}") from exc

    def exists(self, key: str) -> bool:
        return os.path.isfile(self.path(key))

    def size(self, key: str) -> int:
        try:
            return os.path.getsize(self.path(key))
        except OSError as exc:
            raise StorageError(f"no blob under key {key}: {exc.strerror}") from exc

    def delete(self, key: str) -> None:
        """Remove the original and all its renditions; a missing key is an error."""
        original, renditions = self.path(key), self._rendition_dir(key)
        if not os.path.exists(original) and not os.path.exists(renditions):
            raise StorageError(f"no blob under key {key}")
        try:
            if os.path.exists(original):
                os.unlink(original)
            if os.path.exists(renditions):
                shutil.rmtree(renditions)
        except OSError as exc:
            raise StorageError(f"cannot delete {key}: {exc}") from exc

    def iter_keys(self) -> Iterator[str]:
        """Every key with a stored original, in no particular order."""
        for _dirpath, _dirs, files in os.walk(safe_join(self.root, _ORIGINALS)):
            for name in files:
                if _KEY_RE.match(name):
                    yield name

    # -- renditions ---------------------------------------------------------------

    def put_rendition(self, key: str, variant: str, data_or_stream) -> str:
        """Store (or replace) a rendition atomically; return its relative path."""
        self._place(data_or_stream, self.rendition_path(key, variant))
        return self.rendition_relpath(key, variant)

    def open_rendition(self, key: str, variant: str) -> BinaryIO:
        try:
            return open(self.rendition_path(key, variant), "rb")
        except OSError as exc:
            raise StorageError(f"no rendition {variant!r} of {key}: {exc.strerror}") from exc

    def rendition_exists(self, key: str, variant: str) -> bool:
        return os.path.isfile(self.rendition_path(key, variant))

    def rendition_variants(self, key: str) -> list[str]:
        """Names of the renditions stored for ``key``, sorted."""
        directory = self._rendition_dir(key)
        if not os.path.isdir(directory):
            return []
        return sorted(
            name[:-4] for name in os.listdir(directory)
            if name.endswith(".jpg") and _VARIANT_RE.match(name[:-4])
        )

    # -- derived files ------------------------------------------------------------

    def derived_path(self, name: str) -> str:
        """Path of a file made from the database and the blobs (``release-pdf/12-v3.pdf``),
        kept to save making it again; deleting one only costs its remaking."""
        if not isinstance(name, str) or not _DERIVED_RE.match(name):
            raise StorageError(f"not a valid derived file name: {name!r}")
        return safe_join(self.root, _DERIVED, *name.split("/"))

    def put_derived(self, name: str, data: bytes) -> None:
        self._place(data, self.derived_path(name))

    def read_derived(self, name: str) -> bytes | None:
        """The derived file's bytes, or None when it was never made (or was deleted)."""
        try:
            with open(self.derived_path(name), "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"cannot read {name}: {exc.strerror}") from exc

    # -- housekeeping -------------------------------------------------------------

    def cleanup_temp(self, older_than_seconds: float = 3600) -> int:
        """Remove temporary files older than the given age; return how many."""
        cutoff = time.time() - older_than_seconds
        removed = 0
        with os.scandir(self._tmp_dir()) as entries:
            for entry in entries:
                try:
                    if entry.is_file() and entry.stat().st_mtime <= cutoff:
                        os.unlink(entry.path)
                        removed += 1
                except FileNotFoundError:
                    continue
        return removed

    def verify(self, expected_keys=None) -> Iterator[StoreProblem]:
        """Re-hash every blob and yield what is wrong.

        ``corrupt``: the content no longer hashes to its key. ``stray``: a file in the
        originals tree that is not named by a key. ``orphan_renditions``: renditions whose
        original is gone.
        ``missing``: a key from ``expected_keys`` (e.g. the database's) that is absent.
        """
        seen = set()
        for dirpath, _dirs, files in os.walk(safe_join(self.root, _ORIGINALS)):
            for name in files:
                full = os.path.join(dirpath, name)
                if not _KEY_RE.match(name) or full != self.path(name):
                    yield StoreProblem("stray", name, full)
                    continue
                seen.add(name)
                actual = file_key(full)
                if actual != name:
                    yield StoreProblem("corrupt", name, f"content hashes to {actual}")
        yield from self._orphan_renditions(seen)
        for key in expected_keys or ():
            if key not in seen:
                yield StoreProblem("missing", key, "no original stored under this key")

    def _orphan_renditions(self, originals: set) -> Iterator[StoreProblem]:
        top = safe_join(self.root, _RENDITIONS)
        for dirpath, dirs, _files in os.walk(top):
            for name in dirs:
                if _KEY_RE.match(name) and name not in originals:
                    yield StoreProblem("orphan_renditions", name, "renditions without an original")


def content_key(data: bytes) -> str:
    """The key bytes are stored under: their SHA-256, 64 hex digits."""
    return hashlib.sha256(data).hexdigest()


def file_key(path: str | os.PathLike) -> str:
    """``content_key`` of a file's content, read in chunks (an original may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _mkstemp(directory: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix="put-", suffix=".part", dir=directory)


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
