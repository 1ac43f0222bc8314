"""Search: two whoosh indexes (staff, public) with Indonesian analysis. No Flask, no database.

Public API::

    from press.search import SearchIndex, Document, PublicDocument, upsert, Delete

    index = SearchIndex(root)                      # one per process; thread-safe
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
    index.searcher(public)                         # the cached whoosh searcher (reopened on change)

Documents (``document``): ``Document(kind, id, title, body, people, organisations, places,
unit, activity_kind, tags, date, status, url, thumbnail_key, payload)``; kind is one of
activity, release, photo, note. ``PublicDocument`` is the only type the public index
accepts and raises :class:`NotPublicError` when built for anything but a published
release or a public photo; ``doc.to_public()`` builds one, ``upsert(doc)`` makes the
change (public twin when public, staff-only — and removed from public — otherwise).

Relevance order is whoosh's BM25 when the words match at most 2,000 documents; beyond
that (a broad query on a big archive) it is every word in the title first, then newest
first, because whoosh scores in pure Python. Totals and facets are always exact.

Errors: :class:`IndexBusyError` when the index stays locked past ``lock_timeout``;
:class:`RebuildError` when a rebuild is already running. ``search`` never raises for
what the user typed.

Modules: ``analysis`` (tokens, stop words, stems), ``document`` (what is indexed),
``schema`` (fields), ``query`` (query language, search), ``snippets``, ``facets``,
``locking``, ``index`` (folders, writing, rebuild, cached searchers), ``codec_fix`` (a
whoosh segment reader that remembers a missing column; applied on import).
"""
from . import codec_fix
from .document import DOCUMENT_KINDS, Change, Delete, Document, NotPublicError, PublicDocument, Upsert, doc_key, upsert
from .index import DriftReport, RebuildError, SearchIndex
from .locking import IndexBusyError
from .query import Hit, SearchResult
from .query_language import parse

codec_fix.apply()

__all__ = [
    "DOCUMENT_KINDS", "Change", "Delete", "Document", "DriftReport", "Hit", "IndexBusyError", "NotPublicError",
    "PublicDocument", "RebuildError", "SearchIndex", "SearchResult", "Upsert", "doc_key", "parse", "upsert",
]
