"""One fix to whoosh-reloaded 2.7.5's segment reader, applied when ``press.search`` is imported.

``W3PerDocReader._cached_reader`` caches the lengths column of a field it found, but
not the absence of one: for a field without lengths (``pairs``, the ID fields,
``date``) every call asks the storage again, and writing postings calls it once per
posting, so a rebuild made one ``stat()`` per pair posting (637,000 for 5,000
documents). A segment's files never change once written, so "no such column" is as
safe to remember as the column itself. Measured on 20,000 generated documents with
two processes: 543 -> 689 documents/s (``bench/search.py`` prints the 100,000 figure).
"""
from __future__ import annotations

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
