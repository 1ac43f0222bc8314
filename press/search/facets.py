"""Per-document column values held in memory, facet counts and newest-first ordering.

Owns :func:`column_values` (a column of every segment decoded once and cached by
segment, so a new document costs one small segment's decode, not the whole index),
:func:`count_facets` (kind, unit, year, tag, person over a set of matching documents)
and :func:`newest_first`. Imports the sibling ``schema`` module; works on the whoosh
readers it is handed.
"""
from __future__ import annotations

import heapq
import threading
from collections import Counter, OrderedDict
from itertools import chain

from .schema import FACETS, facet_values

_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SEGMENTS = 512


def _segment_column(leaf, fieldname: str, decode) -> list:
    segment = leaf.segment()
    if segment is None:  # whoosh's reader of an index that holds no document yet
        return []
    key = (segment.segment_id(), fieldname)
    with _cache_lock:
        values = _cache.get(key)
        if values is not None:
            _cache.move_to_end(key)
            return values
    if leaf.has_column(fieldname):
        values = [decode(raw) for raw in leaf.column_reader(fieldname, translate=False)]
    else:
        values = [decode(None) for _ in range(leaf.doc_count_all())]
    with _cache_lock:
        _cache[key] = values
        while len(_cache) > _CACHE_SEGMENTS:
            _cache.popitem(last=False)
    return values


def column_values(reader, fieldname: str, decode=lambda raw: raw) -> list:
    """Every document's value of a column, indexed by global document number."""
    leaves = reader.leaf_readers()
    if len(leaves) == 1:
        return _segment_column(leaves[0][0], fieldname, decode)
    values: list = []
    for leaf, offset in leaves:
        values.extend(_segment_column(leaf, fieldname, decode))
    return values


SINGLE_VALUED = {"kind", "unit", "year"}


def _facet(raw):
    return facet_values(raw) if raw else ()


def _single(raw):
    return raw.decode("utf-8") if raw else None


def count_facets(reader, docnums, *, top: int = 10) -> dict[str, list[tuple[str, int]]]:
    """``{facet: [(value, count), …]}`` over ``docnums``: most frequent first, years newest first."""
    result = {}
    for name in FACETS:
        if name in SINGLE_VALUED:
            values = column_values(reader, f"facet_{name}", _single)
            counter = Counter(map(values.__getitem__, docnums))
            counter.pop(None, None)
        else:
            values = column_values(reader, f"facet_{name}", _facet)
            counter = Counter(chain.from_iterable(map(values.__getitem__, docnums)))
        if name == "year":
            result[name] = sorted(counter.items(), reverse=True)[:top]
        else:
            result[name] = sorted(counter.items(), key=lambda vc: (-vc[1], vc[0]))[:top]
    return result


def newest_first(reader, docnums, limit: int) -> list[int]:
    """The ``limit`` most recent of ``docnums`` by the ``date`` column."""
    dates = column_values(reader, "date", lambda raw: raw or 0)
    return heapq.nlargest(limit, docnums, key=dates.__getitem__)
