"""A file received into the store's ``tmp/`` and hashed as it is written (:class:`Incoming`).

The multipart parser writes an upload's body here (``press/web/upload_stream.py``), so
the original is written and hashed once; ``FileStorage.keep`` puts it under its key.
Imports nothing of ``press`` but its own package.
"""
from __future__ import annotations

import os
from typing import BinaryIO

from .files import CHUNK, StorageError, make_temp, new_digest, unlink_quietly, write_all


class Incoming:
    """A file being written into the store's ``tmp/`` and hashed as it goes (the
    multipart parser writes an upload's body here, so the original is written and hashed
    once). Written in ``CHUNK`` pieces; a failed write (a full disk) is remembered and
    raised by :meth:`finish`. Readable once written (``read``, ``seek``: what a form
    parser's container needs). Closing it removes the file unless it was kept.
    ``durable=False``: not fsynced (a spool file the object store's upload replaces:
    durability is the store's)."""

    def __init__(self, directory: str, *, durable: bool = True):
        self.durable = durable
        try:
            self._fd, self.path = make_temp(directory)
        except OSError as exc:
            raise StorageError(f"cannot create a temporary file: {exc}") from exc
        self._digest = new_digest()
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
                write_all(self._fd, data)
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
        """Everything written is on disk (fsynced when durable); raises ``StorageError`` if a write failed."""
        if not self.finished:
            if self._pending:
                self._flush()
            if self.error is None and self.durable:
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
            unlink_quietly(self.path)

    def __enter__(self) -> "Incoming":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
