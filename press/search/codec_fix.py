"""Two fixes to whoosh-reloaded 2.7.5, applied when ``press.search`` is imported.

Names of the files it writes. ``whoosh.util.random_name`` names every new segment (and
its temporary files) from the process-wide ``random`` generator, which anything may
reseed: Hypothesis and pytest-randomly do before each example, so the next commit drew
the name of a segment already on disk and whoosh failed its "no compound file yet"
assertion in ``create_compound_file``. Names come from the operating system's entropy
instead, which no one reseeds.

The segment reader's missing columns.
``W3PerDocReader._cached_reader`` caches the lengths column of a field it found, but
not the absence of one: for a field without lengths (``pairs``, the ID fields,
``date``) every call asks the storage again, and writing postings calls it once per
posting, so a rebuild made one ``stat()`` per pair posting (637,000 for 5,000
documents). A segment's files never change once written, so "no such column" is as
safe to remember as the column itself. Measured on 20,000 generated documents with
two processes: 543 -> 689 documents/s (``bench/search.py`` prints the 100,000 figure).
"""
from __future__ import annotations

import random

import whoosh.util
from whoosh.codec import whoosh3


def _cached_reader(self, fieldname, column):
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh.util.random = random.SystemRandom()
