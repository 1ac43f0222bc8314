"""Entry point for photo worker processes (``flask media import`` runs one per core).

A spawned worker imports this module and, through it, only the photo stages and the
store: never Flask, SQLAlchemy or the web layer (``press/__init__.py`` imports those
inside ``create_app``), so each worker stays small. The parent owns the database.
"""
from __future__ import annotations

from press.storage import FileStorage

from .errors import Rejected
from .process import ProcessedPhoto, process_photo

_storages: dict[str, FileStorage] = {}


def process_file(path: str, store_root: str, options: dict) -> ProcessedPhoto | Rejected:
    """``process_photo`` on one file; a rejection is returned (picklable), not raised."""
    storage = _storages.get(store_root)
    if storage is None:
        storage = _storages[store_root] = FileStorage(store_root)
    try:
        return process_photo(path, storage, **options)
    except Rejected as rejection:
        return rejection
    except (OSError, ValueError, MemoryError) as exc:  # an unreadable file never stops the batch
        return Rejected("corrupt_image", f"{type(exc).__name__}: {exc}")
