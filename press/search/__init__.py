"""Search: a staff and a public index with Indonesian analysis, on whoosh or PostgreSQL. No Flask.

Public API::

    from press.search import open_index, Document, PublicDocument, upsert, Delete

    index = open_index(url)                        # one per process; thread-safe; ``backends``
                                                   # (SearchIndex: whoosh folders; PgSearchIndex)
    index.apply([upsert(doc), Delete("note", 7)])  # -> int; idempotent, locked across processes
    index.rebuild(documents, progress=callback)    # -> int; new generation swapped in when complete
    index.search(text, *, public, page=1, per_page=20, order="relevance"|"date", facets=True,
                 stemming=True)
        # -> SearchResult(hits=[Hit(kind, id, doc_key, title, title_html, snippet, score,
        #    date, url, thumbnail_key, payload)], total, page, per_page, pages,
        #    facets={"kind"|"unit"|"year"|"tag"|"person": [(value, count)]},
        #    did_you_mean, notices=[code], notice=str|None)
    index.check(expected_keys_staff, expected_keys_public)  # -> DriftReport(missing_*, extra_*, ok)
    index.doc_keys(public)                         # -> set of "kind:id"
    index.exclusive(name, timeout=…)               # a lock all processes share (the drain's)
    index.searcher(public)                         # whoosh only: the cached searcher (reopened on change)

Documents (``document``): ``Document(kind, id, title, body, people, organisations, places,
unit, activity_kind, tags, date, status, url, thumbnail_key, payload)``; kind is one of
activity, release, photo, note. ``PublicDocument`` is the only type the public index
accepts and raises :class:`NotPublicError` when built for anything but a published
release or a public photo; ``doc.to_public()`` builds one, ``upsert(doc)`` makes the
change (public twin when public, staff-only — and removed from public — otherwise).

Relevance order is whoosh's BM25 when the words match at most 2,000 documents; beyond
that (a broad query on a big archive) it is every word in the title first, then newest
first, because whoosh scores in pure Python (PostgreSQL: ``ts_rank`` under the same rule).
Totals are always exact; facets are exact on whoosh, and on PostgreSQL up to 5,000
matches, past which they are estimated from a fixed hash sample (``facets_estimated``).

Errors: :class:`IndexBusyError` when the index stays locked past ``lock_timeout``;
:class:`RebuildError` when a rebuild is already running. ``search`` never raises for
what the user typed.

Modules: ``backends`` (which one ``PRESS_SEARCH_URL`` names), ``analysis`` (tokens, stop
words, stems), ``document`` (what is indexed),
``schema`` (fields), ``query`` (query language, search), ``snippets``, ``facets``,
``locking``, ``index`` (folders, writing, rebuild, cached searchers), ``codec_fix`` (a
whoosh segment reader that remembers a missing column; applied on import); on PostgreSQL
``pg_rows`` (a document as a row and its ``tsvector``), ``pg_query`` (the one query builder,
visibility included), ``pg_search`` (one search), ``pg_index`` (tables, writing, rebuild).
"""
from . import codec_fix
from .document import DOCUMENT_KINDS, Change, Delete, Document, NotPublicError, PublicDocument, Upsert, doc_key, upsert
from .backends import SearchBackend, SearchUrlError, open_index
from .index import DriftReport, RebuildError, SearchIndex
from .pg_index import PgSearchIndex
from .locking import IndexBusyError
from .query import Hit, SearchResult
from .query_language import parse

codec_fix.apply()

__all__ = [
    "DOCUMENT_KINDS", "Change", "Delete", "Document", "DriftReport", "Hit", "IndexBusyError", "NotPublicError",
    "PgSearchIndex", "PublicDocument", "RebuildError", "SearchBackend", "SearchIndex", "SearchResult", "SearchUrlError",
    "Upsert", "doc_key", "open_index", "parse", "upsert",
]
