"""Which search backend a deployment uses: :func:`open_index` reads ``PRESS_SEARCH_URL``.

- a folder, ``file:///folder`` or ``whoosh:///folder``: the whoosh indexes on this
  machine's disk (:class:`~press.search.index.SearchIndex`; the default, in
  ``PRESS_INDEX_ROOT``);
- ``postgresql://…`` (or ``postgresql+psycopg://…``): PostgreSQL full text search shared
  by every node (:class:`~press.search.pg_index.PgSearchIndex`).

Both answer the same calls: ``apply(changes)``, ``rebuild(documents, progress)``,
``search(text, public=…, page, per_page, order, facets, stemming, units)``,
``check(staff_keys, public_keys)``, ``doc_keys(public)``, ``exclusive(name, timeout=…)``
(a lock every process of the deployment shares), ``prepare()``, ``schema_is_current()``,
``close()`` and ``lock_timeout``. Imports the sibling modules only.
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from .index import SearchIndex
from .pg_index import PgSearchIndex
from .result_cache import MAX_RESULTS

SearchBackend = SearchIndex | PgSearchIndex
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class SearchUrlError(ValueError):
    """``PRESS_SEARCH_URL`` names no backend Siaran has."""


def open_index(url: str, *, lock_timeout: float = 60.0, kept_results: int = MAX_RESULTS) -> SearchBackend:
    """The backend ``url`` names, ready to search (its folder or tables created on first use);
    ``kept_results``: how many results each index keeps while unchanged (0: none, the benchmarks)."""
    scheme = urlsplit(url).scheme if "://" in url else ""
    if scheme in POSTGRES_SCHEMES:
        return PgSearchIndex(url, lock_timeout=lock_timeout, kept_results=kept_results)
    if scheme in ("file", "whoosh"):
        return SearchIndex(unquote(urlsplit(url).path), lock_timeout=lock_timeout, kept_results=kept_results)
    if scheme:
        raise SearchUrlError(
            f"PRESS_SEARCH_URL {scheme}://… is not a search backend: give a folder (whoosh) "
            "or postgresql://user@host/database (PostgreSQL full text search)"
        )
    return SearchIndex(url, lock_timeout=lock_timeout, kept_results=kept_results)
