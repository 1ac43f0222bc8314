"""Where the photo stages run during ingest: in this process or in worker processes.

``process_file`` (everything at once) or ``check_file`` (the original checked and
stored, renditions left to the ``media.process`` job) is what
:func:`press.services.media_ingest.ingest_many` hands its executor for each photo.
:class:`InProcess` runs it at once in this process (the web upload, the demo loader); :func:`process_pool` gives spawned interpreters that import
this module and, through it, only the photo stages and the store: never Flask,
SQLAlchemy or the web layer (``press/__init__.py`` imports those inside ``create_app``),
so each worker stays small (``flask media import``, one per core). The caller owns the
database.
"""
from __future__ import annotations

import multiprocessing
import sys
import types
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from press.storage import open_store

from .errors import Rejected
from .process import CheckedPhoto, ProcessedPhoto, check_photo, process_photo



def process_file(source, store_spec, options: dict) -> ProcessedPhoto | Rejected:
    """``process_photo`` on one file (a path or its bytes); a rejection is returned
    (picklable), not raised. A store that cannot be written raises ``StorageError``."""
    return _run(process_photo, source, store_spec, options)


def check_file(source, store_spec, options: dict) -> CheckedPhoto | Rejected:
    """``check_photo`` on one file, as :func:`process_file`: the original checked and
    stored, its renditions left for later (the upload page's ingest)."""
    return _run(check_photo, source, store_spec,
                {"max_bytes": options["max_bytes"], "max_pixels": options["max_pixels"]})


def _run(stage, source, store_spec, options: dict):
    """``store_spec``: the store's ``spec`` (picklable), opened again here (a worker process)."""
    storage = open_store(store_spec)
    try:
        return stage(source, storage, **options)
    except Rejected as rejection:
        return rejection
    except (OSError, ValueError, MemoryError) as exc:  # an unreadable file never stops the batch
        return Rejected("corrupt_image", f"{type(exc).__name__}: {exc}")


class InProcess(Executor):
    """An executor that runs each job at once, in this process, when it is submitted."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to whoever asks the future, as a pool would
            future.set_exception(exc)
        return future


@contextmanager
def process_pool(workers: int) -> Iterator[Executor]:
    """``workers`` spawned worker processes (one: :class:`InProcess`), shut down on exit.

    Spawned workers import the parent's main script again (under ``flask``, the ``flask``
    script and with it Flask); with a bare stand-in as ``__main__`` while the pool lives
    they import only what they unpickle: this module, the stages and the store."""
    if workers <= 1:
        yield InProcess()
        return
    main_module = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)
        sys.modules["__main__"] = main_module
