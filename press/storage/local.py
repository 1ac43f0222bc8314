"""The content-addressed blob store on a local filesystem (``file://`` media URLs).

Every name of :mod:`press.storage.layout` is a file under the root. Every write goes
through a temporary file in ``tmp/`` that is fsynced and then renamed into place, and the
directory is fsynced after the rename, so a crash at any moment leaves either the whole
file under its key or nothing but a temporary file (which ``cleanup_temp`` removes).
The object store backend (:mod:`press.storage.s3`) has the same methods.

Imports nothing of ``press`` outside this package; every failure surfaces as ``StorageError``.
"""
from __future__ import annotations

import os
import shutil
import time
from typing import BinaryIO, Iterator

from .files import (CHUNK, KEY_RE, VARIANT_RE, StorageError, as_stream, file_key, fsync_dir, safe_join,
                    unlink_quietly)
from .incoming import Incoming
from .layout import (ORIGINALS, PRIVATE, RENDITIONS, StoreProblem, derived_name, original_name, private_folder, private_name,
                     rendition_name, renditions_folder)

_TMP = "tmp"


class FileStorage:
    """A content-addressed store rooted at ``root`` (created if absent)."""

    def __init__(self, root: str | os.PathLike):
        self.root = os.path.abspath(os.fspath(root))
        self.spec = self.root  # what open_store needs to open it again (in a worker process)
        try:
            os.makedirs(self._tmp_dir(), exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the store at {self.root}: {exc}") from exc

    # -- paths --------------------------------------------------------------------

    def _tmp_dir(self) -> str:
        return safe_join(self.root, _TMP)

    def _file(self, name: str) -> str:
        return safe_join(self.root, *name.split("/"))

    def path(self, key: str) -> str:
        """Absolute path of the original stored under ``key`` (this backend only: the
        tests that damage a file on purpose)."""
        return self._file(original_name(key))

    def _rendition_dir(self, key: str) -> str:
        return self._file(renditions_folder(key))

    def rendition_relpath(self, key: str, variant: str) -> str:
        """Path of a rendition relative to the root, with forward slashes."""
        return rendition_name(key, variant)

    def rendition_path(self, key: str, variant: str) -> str:
        return self._file(rendition_name(key, variant))

    def describe(self) -> str:
        return f"file://{self.root}"

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
            unlink_quietly(tmp)
            raise StorageError(f"cannot move the file into place: {exc}") from exc

    def _place(self, data_or_stream, final: str) -> None:
        """Write to ``tmp/`` and rename onto ``final`` (a file not named by its content)."""
        incoming = self._write_temp(as_stream(data_or_stream))
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
        return self.keep(self._write_temp(as_stream(stream)))

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
        """Remove the original, all its renditions and its private files; a missing key is an error."""
        original, folders = self.path(key), (self._rendition_dir(key), self._file(private_folder(key)))
        if not os.path.exists(original) and not any(os.path.exists(folder) for folder in folders):
            raise StorageError(f"no blob under key {key}")
        try:
            if os.path.exists(original):
                os.unlink(original)
            for folder in folders:
                if os.path.exists(folder):
                    shutil.rmtree(folder)
        except OSError as exc:
            raise StorageError(f"cannot delete {key}: {exc}") from exc

    def iter_keys(self) -> Iterator[str]:
        """Every key with a stored original, in no particular order."""
        for _dirpath, _dirs, files in os.walk(safe_join(self.root, ORIGINALS)):
            for name in files:
                if KEY_RE.match(name):
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

    def delete_rendition(self, key: str, variant: str) -> None:
        """Remove one rendition; one already gone is no error."""
        try:
            os.unlink(self.rendition_path(key, variant))
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"cannot delete rendition {variant!r} of {key}: {exc.strerror}") from exc

    def rendition_url(self, key: str, variant: str) -> str | None:
        """A URL the browser may fetch the rendition from itself: never on this backend
        (Siaran sends the file)."""
        return None

    def rendition_variants(self, key: str) -> list[str]:
        """Names of the renditions stored for ``key``, sorted."""
        directory = self._rendition_dir(key)
        if not os.path.isdir(directory):
            return []
        return sorted(
            name[:-4] for name in os.listdir(directory)
            if name.endswith(".jpg") and VARIANT_RE.match(name[:-4])
        )

    # -- private files ------------------------------------------------------------

    def put_private(self, key: str, name: str, data: bytes) -> None:
        """Store (or replace) a private file of ``key`` atomically."""
        self._place(data, self._file(private_name(key, name)))

    def open_private(self, key: str, name: str) -> BinaryIO:
        try:
            return open(self._file(private_name(key, name)), "rb")
        except OSError as exc:
            raise StorageError(f"no private file {name!r} of {key}: {exc.strerror}") from exc

    def delete_private(self, key: str, name: str) -> None:
        """Remove one private file; one already gone is no error."""
        try:
            os.unlink(self._file(private_name(key, name)))
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"cannot delete private file {name!r} of {key}: {exc.strerror}") from exc

    def private_names(self, key: str) -> list[str]:
        """Names of the private files stored for ``key``, sorted."""
        directory = self._file(private_folder(key))
        if not os.path.isdir(directory):
            return []
        return sorted(name[:-4] for name in os.listdir(directory) if name.endswith(".jpg") and VARIANT_RE.match(name[:-4]))

    # -- derived files ------------------------------------------------------------

    def derived_path(self, name: str) -> str:
        return self._file(derived_name(name))

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

    def age(self, key: str) -> float:
        """Seconds since the original of ``key`` (or, without one, its renditions) was
        written; infinite when neither is there."""
        for path in (self.path(key), self._rendition_dir(key)):
            try:
                return time.time() - os.path.getmtime(path)
            except OSError:
                continue
        return float("inf")

    def temp_files(self) -> list[tuple[str, float]]:
        """The temporary files of writes in progress (or a crash's), with their ages in seconds."""
        try:
            with os.scandir(self._tmp_dir()) as entries:
                found = [(e.name, e.stat().st_mtime) for e in entries if e.is_file()]
        except FileNotFoundError:
            return []
        now = time.time()
        return sorted((name, now - mtime) for name, mtime in found)

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
        """Re-hash every original and yield what is wrong.

        ``corrupt``: the content no longer hashes to its key. ``stray``: a file in the
        originals tree that is not named by a key. ``orphan_renditions``: renditions or
        private files whose original is gone.
        ``missing``: a key from ``expected_keys`` (e.g. the database's) that is absent.
        """
        seen = set()
        for dirpath, _dirs, files in os.walk(safe_join(self.root, ORIGINALS)):
            for name in files:
                full = os.path.join(dirpath, name)
                if not KEY_RE.match(name) or full != self.path(name):
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
        orphans = set()
        for top in (RENDITIONS, PRIVATE):
            for _dirpath, dirs, _files in os.walk(safe_join(self.root, top)):
                orphans.update(name for name in dirs if KEY_RE.match(name) and name not in originals)
        for name in sorted(orphans):
            yield StoreProblem("orphan_renditions", name, "renditions without an original")
