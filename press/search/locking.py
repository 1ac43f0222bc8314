"""Inter-process locks for the index folder, and the one error callers see when busy.

Owns :class:`FileLock` (``fcntl.flock`` on a file under the index root, waited for
with capped exponential backoff), :func:`retry_whoosh_lock` (whoosh's own write-lock
errors retried within a bound) and :class:`IndexBusyError`. Standard library and whoosh
only.
"""
from __future__ import annotations

import fcntl
import os
import random
import time
from contextlib import contextmanager

from whoosh.index import LockError

DEFAULT_TIMEOUT = 60.0


class IndexBusyError(RuntimeError):
    """The index could not be locked within the allowed time."""


def _backoff(attempt: int) -> float:
    return min(0.5, 0.005 * (2 ** attempt)) * (0.5 + random.random())


@contextmanager
def file_lock(path: str, *, timeout: float = DEFAULT_TIMEOUT, what: str = "index"):
    """Hold an exclusive ``flock`` on ``path``; raise :class:`IndexBusyError` after ``timeout``."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusyError(f"the {what} stayed locked for {timeout:.0f} s ({path})") from None
                time.sleep(_backoff(attempt))
                attempt += 1
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def is_locked(path: str) -> bool:
    """True if some process holds the ``flock`` on ``path`` right now."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def retry_whoosh_lock(fn, *, timeout: float = DEFAULT_TIMEOUT):
    """Call ``fn()``, retrying while whoosh raises its ``LockError``; then :class:`IndexBusyError`."""
    deadline = time.monotonic() + timeout
    attempt = 0
    while True:
        try:
            return fn()
        except LockError:
            if time.monotonic() >= deadline:
                raise IndexBusyError(f"whoosh's write lock stayed taken for {timeout:.0f} s") from None
            time.sleep(_backoff(attempt))
            attempt += 1
