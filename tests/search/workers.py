"""Process entry points for the reliability tests (importable by spawned processes)."""
from __future__ import annotations

import os
import time
import traceback
from datetime import datetime


def add_documents(url: str, worker: int, count: int, barrier, errors) -> None:
    """Upsert ``count`` releases one change at a time, after every worker is ready."""
    from press.search import Document, open_index, upsert

    index = open_index(url, lock_timeout=600)
    barrier.wait()
    try:
        for i in range(count):
            doc = Document(
                kind="release", id=f"{worker}-{i}", title=f"Siaran pekerja{worker} nomor{i}",
                body=f"Kegiatan serentak pekerja{worker} dokumen{worker}x{i}.", status="published",
                date=datetime(2021, 9, 30),
            )
            index.apply([upsert(doc)])
    except Exception:
        errors.put(traceback.format_exc())


def slow_rebuild(url: str, ready_path: str) -> None:
    """Rebuild from an endless iterable that signals half-way, to be killed there."""
    from press.search import Document, open_index

    def documents():
        for i in range(10**9):
            if i == 200:
                with open(ready_path, "w") as f:
                    f.write(str(os.getpid()))
            if i >= 200:
                time.sleep(0.01)
            yield Document(kind="note", id=i, body=f"catatan baru nomor{i}")

    open_index(url).rebuild(documents(), procs=1)
