"""Search results kept while the index they came from stays the same.

A search is a pure function of its arguments and of the index's state: the same words
on the same generation of the same index give the same hits, counts, facets and "did you
mean". Visitors ask the same few searches over and over, so :class:`ResultCache` keeps
the last results of each index, stamped with the generation they were read from (the
rebuild's folder and whoosh's commit generation), and forgets them all the moment either
moves. The staff reader's units are part of the key, so one reader's results never reach
a reader of other units. A result carrying the ``index_error`` notice is never kept.
"""
from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from .query import SearchResult

MAX_RESULTS = 512  # per index; the oldest goes first


class ResultCache:
    """Results per index name, each set valid for one stamp; shared by the threads of a process."""

    def __init__(self, size: int = MAX_RESULTS):
        self.size = size
        self._lock = threading.Lock()
        self._stamps: dict[str, Hashable] = {}
        self._results: dict[str, OrderedDict] = {}

    def get_or_run(self, name: str, stamp: Hashable, key: Hashable, run: Callable[[], SearchResult]) -> SearchResult:
        """The result for ``key`` on index ``name`` at ``stamp``: kept, or ``run()`` and kept."""
        with self._lock:
            if self._stamps.get(name) != stamp:
                self._stamps[name] = stamp
                self._results[name] = OrderedDict()
            results = self._results[name]
            found = results.get(key)
            if found is not None:
                results.move_to_end(key)
        if found is not None:
            return _copy(found)
        result = run()
        if "index_error" not in result.notices:
            with self._lock:
                if self._stamps.get(name) == stamp:
                    results = self._results[name]
                    results[key] = result
                    while len(results) > self.size:
                        results.popitem(last=False)
        return _copy(result)


def _copy(result: SearchResult) -> SearchResult:
    """A result of its own for each caller (its lists may be changed; the hits are shared)."""
    return dataclasses.replace(result, hits=list(result.hits), facets=dict(result.facets),
                               notices=list(result.notices))
