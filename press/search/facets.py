"""Facet counts (kind, unit, year, tag, person) over a set of matching documents.

Owns :func:`count_facets`. Values come from the byte columns the schema fills; each
segment's values are decoded once and kept in a small cache keyed by segment, so a new
document costs one small segment's decode, not the whole index. Imports whoosh's reader
API (through the objects it is handed) and the sibling ``schema`` module.
"""
from __future__ import annotations

import threading
from collections import Counter, OrderedDict

from .schema import FACETS, facet_values

_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SEGMENTS = 256


def _segment_values(leaf, name: str) -> list:
    key = (leaf.segment().segment_id(), name)
    with _cache_lock:
        values = _cache.get(key)
        if values is not None:
            _cache.move_to_end(key)
            return values
    if leaf.has_column(f"facet_{name}"):
        values = [facet_values(raw) for raw in leaf.column_reader(f"facet_{name}")]
    else:
        values = [[] for _ in range(leaf.doc_count_all())]
    with _cache_lock:
        _cache[key] = values
        while len(_cache) > _CACHE_SEGMENTS:
            _cache.popitem(last=False)
    return values


def _global_values(reader, name: str) -> list:
    leaves = reader.leaf_readers()
    if len(leaves) == 1:
        return _segment_values(leaves[0][0], name)
    values: list = []
    for leaf, offset in leaves:
        if len(values) < offset:
            values.extend([] for _ in range(offset - len(values)))
        values.extend(_segment_values(leaf, name))
    return values


def count_facets(reader, docnums, *, top: int = 10) -> dict[str, list[tuple[str, int]]]:
    """``{facet: [(value, count), …]}``, most frequent first, over ``docnums``."""
    result = {}
    for name in FACETS:
        values = _global_values(reader, name)
        counter: Counter = Counter()
        for n in docnums:
            counter.update(values[n])
        ordered = sorted(counter.items(), key=lambda vc: (-vc[1], vc[0]))
        if name == "year":
            ordered = sorted(counter.items(), key=lambda vc: vc[0], reverse=True)
        result[name] = ordered[:top]
    return result
