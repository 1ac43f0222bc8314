"""The search backend on PostgreSQL full text search: :class:`PgSearchIndex`.

The same interface as the whoosh :class:`~press.search.index.SearchIndex` (``apply``,
``rebuild``, ``search``, ``check``, ``doc_keys``, ``exclusive``, ``prepare``), shared by
every node of a deployment. Tables (created by migration ``0021`` on the application's
database, or by :meth:`PgSearchIndex.prepare` on a database of their own):

    search_documents   one row per document; ``public`` true only for a PublicDocument
    search_words       the words "did you mean" may offer (only ever grows; an offer is
                       checked against the documents the reader may see)
    search_state       a version per index (staff, public), raised by every write that
                       changes it: the kept results' stamp, valid across nodes

A rebuild fills ``search_documents_next`` with ``COPY``, builds its indexes, and swaps
it in under the write lock; writes made meanwhile name their keys in
``search_rebuild_touched`` and are copied over from the live table at the swap, so the
newer wins as on whoosh. Locks are advisory locks: the write lock per transaction, the
rebuild and :meth:`exclusive` (the drain's) per session, released by the server when a
killed process's connection drops. Imports SQLAlchemy, psycopg and the sibling modules.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Collection
from contextlib import contextmanager
from typing import Callable, Iterable

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from .document import Delete, Document, PublicDocument, last_change_per_key
from .index import DriftReport, RebuildError
from .locking import IndexBusyError, _backoff
from .pg_query import visible
from .pg_rows import COLUMNS, TABLE, TABLE_DDL, index_ddl, row_for, vocabulary
from .pg_search import PgSearch
from .query import SearchResult, paging
from .query_language import parse
from .result_cache import ResultCache

log = logging.getLogger(__name__)

NEXT, TOUCHED = f"{TABLE}_next", "search_rebuild_touched"
LOCK_SPACE = 0x53524E  # the first key of every advisory lock Siaran's search takes
WRITE_LOCK, REBUILD_LOCK = 1, 2
COPY_CHUNK = 5_000
COPY_TYPES = ["text", "text", "bool", "text", "timestamp", "int2", "text", "text[]", "text[]", "text", "text",
              "text", "text"]

SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch",
    "CREATE TABLE IF NOT EXISTS search_words (word text PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS search_words_prefix ON search_words (word text_pattern_ops)",
    "CREATE TABLE IF NOT EXISTS search_state (name text PRIMARY KEY, version bigint NOT NULL)",
    "INSERT INTO search_state VALUES ('staff', 0), ('public', 0) ON CONFLICT DO NOTHING",
]


def engine_url(url: str) -> str:
    """``postgresql://…`` as SQLAlchemy's psycopg 3 driver URL."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


def _is_lock_timeout(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "55P03"


class PgSearchIndex:
    """Both indexes as one PostgreSQL table. Thread-safe; one per process is enough."""

    def __init__(self, url: str, *, lock_timeout: float = 60.0):
        self.url = engine_url(url)
        self.lock_timeout = lock_timeout
        self.engine = create_engine(self.url, pool_size=4, max_overflow=8, pool_pre_ping=True)
        self._results = ResultCache()
        self._prepared = False

    def __repr__(self) -> str:
        return f"PgSearchIndex({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- tables and locks -----------------------------------------------------------

    def prepare(self) -> None:
        """Create the tables when they are missing (a database of their own); idempotent."""
        with self.engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": LOCK_SPACE, "key": WRITE_LOCK})
            for statement in SCHEMA:
                conn.execute(text(statement))
            if conn.scalar(text("SELECT to_regclass(:t)"), {"t": TABLE}) is None:
                conn.execute(text(TABLE_DDL.format(table=TABLE)))
                for statement in index_ddl(TABLE):
                    conn.execute(text(statement))
        self._prepared = True

    def _ensure(self) -> None:
        if not self._prepared:
            self.prepare()

    @contextmanager
    def _writing(self):
        """A transaction holding the write lock, waited for at most ``lock_timeout``."""
        self._ensure()
        try:
            with self.engine.begin() as conn:
                conn.execute(text(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'"))
                conn.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": LOCK_SPACE, "key": WRITE_LOCK})
                conn.execute(text("SET LOCAL lock_timeout = 0"))
                yield conn
        except OperationalError as exc:
            if _is_lock_timeout(exc):
                raise IndexBusyError(f"the search tables stayed locked for {self.lock_timeout:.0f} s") from None
            raise

    @contextmanager
    def exclusive(self, name: str, *, timeout: float | None = None):
        """Hold the lock called ``name`` across every node (the drain's), waiting at most
        ``timeout`` seconds; :class:`IndexBusyError` after that."""
        timeout = self.lock_timeout if timeout is None else timeout
        with self.engine.connect() as conn:
            deadline, attempt = time.monotonic() + timeout, 0
            while not conn.scalar(text("SELECT pg_try_advisory_lock(:space, hashtext(:name))"),
                                  {"space": LOCK_SPACE, "name": name}):
                conn.commit()
                if time.monotonic() >= deadline:
                    raise IndexBusyError(f"the search {name} lock stayed taken for {timeout:.0f} s")
                time.sleep(_backoff(attempt))
                attempt += 1
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:space, hashtext(:name))"), {"space": LOCK_SPACE, "name": name})
                conn.commit()

    def _stamp(self, conn, name: str):
        return conn.scalar(text("SELECT version FROM search_state WHERE name = :n"), {"n": name})

    # -- writing --------------------------------------------------------------------

    def apply(self, changes: Iterable) -> int:
        """Write upserts and deletes; idempotent; the public column only for a public twin."""
        batch = last_change_per_key(changes)
        if not batch:
            return 0
        keys = [change.key for change in batch]
        docs = [change.document for change in batch if not isinstance(change, Delete)]
        with self._writing() as conn:
            removed = conn.execute(text(f"DELETE FROM {TABLE} WHERE doc_key = ANY(:keys) RETURNING public"),
                                   {"keys": keys}).scalars().all()
            if docs:
                _insert(conn, TABLE, [row_for(d) for d in docs])
                _add_words(conn, set().union(*(vocabulary(d) for d in docs)))
            if conn.scalar(text("SELECT to_regclass(:t)"), {"t": TOUCHED}) is not None:
                conn.execute(text(f"INSERT INTO {TOUCHED} SELECT unnest(CAST(:keys AS text[])) ON CONFLICT DO NOTHING"),
                             {"keys": keys})
            public = any(removed) or any(isinstance(d, PublicDocument) for d in docs)
            _bump(conn, public)
        return len(batch)

    def rebuild(self, documents: Iterable[Document], progress: Callable[[int], None] | None = None, **_whoosh) -> int:
        """Fill a new table from ``documents`` and swap it in when complete; searches read the
        old one meanwhile. Raises :class:`RebuildError` if a rebuild is running anywhere."""
        self._ensure()
        with self.engine.connect() as holder:
            if not holder.scalar(text("SELECT pg_try_advisory_lock(:space, :key)"), {"space": LOCK_SPACE, "key": REBUILD_LOCK}):
                raise RebuildError("another rebuild of this search index is running")
            holder.commit()
            try:
                return self._rebuild(documents, progress)
            except BaseException:
                with self.engine.begin() as conn:
                    conn.execute(text(f"DROP TABLE IF EXISTS {NEXT}, {TOUCHED}"))
                raise
            finally:
                holder.execute(text("SELECT pg_advisory_unlock(:space, :key)"), {"space": LOCK_SPACE, "key": REBUILD_LOCK})
                holder.commit()

    def _rebuild(self, documents, progress) -> int:
        with self._writing() as conn:
            conn.execute(text(f"DROP TABLE IF EXISTS {NEXT}, {TOUCHED}"))
            conn.execute(text(TABLE_DDL.format(table=NEXT)))
            conn.execute(text(f"CREATE TABLE {TOUCHED} (doc_key text PRIMARY KEY)"))
        count = 0
        chunk: list[Document] = []
        for doc in documents:
            if doc.is_public and not isinstance(doc, PublicDocument):
                doc = doc.to_public()
            chunk.append(doc)
            if len(chunk) >= COPY_CHUNK:
                count += self._copy(chunk)
                chunk = []
                if progress:
                    progress(count)
        count += self._copy(chunk)
        if progress:
            progress(count)
        with self.engine.begin() as conn:
            for statement in index_ddl(NEXT, "_next"):
                conn.execute(text(statement))
            conn.execute(text(f"ANALYZE {NEXT}"))
        with self._writing() as conn:
            conn.execute(text(f"DELETE FROM {NEXT} WHERE doc_key IN (SELECT doc_key FROM {TOUCHED})"))
            conn.execute(text(f"INSERT INTO {NEXT} SELECT * FROM {TABLE} WHERE doc_key IN (SELECT doc_key FROM {TOUCHED})"))
            conn.execute(text(f"DROP TABLE {TABLE}, {TOUCHED}"))
            conn.execute(text(f"ALTER TABLE {NEXT} RENAME TO {TABLE}"))
            conn.execute(text(f"ALTER TABLE {TABLE} RENAME CONSTRAINT {NEXT}_pkey TO {TABLE}_pkey"))
            for suffix in ("tsv", "date", "sample"):
                conn.execute(text(f"ALTER INDEX {NEXT}_{suffix} RENAME TO {TABLE}_{suffix}"))
            _bump(conn, True)
        return count

    def _copy(self, docs: list[Document]) -> int:
        if not docs:
            return 0
        with self.engine.begin() as conn:
            _insert(conn, NEXT, [row_for(d) for d in docs], copy=True)
            _add_words(conn, set().union(*(vocabulary(d) for d in docs)))
        return len(docs)

    # -- reading --------------------------------------------------------------------

    def search(self, query_text: str, *, public: bool, page: int = 1, per_page: int = 20, order: str = "relevance",
               facets: bool = True, stemming: bool = True, units: Collection[int] | None = None) -> SearchResult:
        """Search with the user's query as :meth:`SearchIndex.search` does; never raises on
        what the user typed. Kept results are stamped with the index's version."""
        page, per_page = paging(page, per_page)
        query_text = query_text if isinstance(query_text, str) else ""
        name = "public" if public else "staff"
        self._ensure()
        with self.engine.connect() as conn:
            stamp = self._stamp(conn, name)
        key = (query_text, page, per_page, order, facets, stemming, None if units is None else tuple(sorted(units)))
        return self._results.get_or_run(name, stamp, key, lambda: self._search(
            query_text, public, page, per_page, order, facets, stemming, units))

    def _search(self, query_text, public, page, per_page, order, facets, stemming, units) -> SearchResult:
        parsed = parse(query_text)
        try:
            with self.engine.connect() as conn:
                return PgSearch(conn, parsed, public, units, stemming).run(query_text, page, per_page, order, facets)
        except Exception:
            log.exception("search failed for %r", query_text[:200])
            parsed.notice("index_error")
            return SearchResult([], 0, page, per_page, {}, None, parsed.notices)

    def doc_keys(self, public: bool) -> set[str]:
        self._ensure()
        where = visible(public)
        with self.engine.connect() as conn:
            return set(conn.scalars(text(f"SELECT doc_key FROM {TABLE} WHERE {where.sql}"), where.params))

    def check(self, expected_keys_staff: Iterable[str], expected_keys_public: Iterable[str]) -> DriftReport:
        staff, public = self.doc_keys(public=False), self.doc_keys(public=True)
        expected_staff, expected_public = set(expected_keys_staff), set(expected_keys_public)
        return DriftReport(missing_staff=expected_staff - staff, extra_staff=staff - expected_staff,
                           missing_public=expected_public - public, extra_public=public - expected_public)

    def schema_is_current(self) -> bool:
        """Does the documents table hold every column of today's layout?"""
        self._ensure()
        with self.engine.connect() as conn:
            found = set(conn.scalars(text("SELECT column_name FROM information_schema.columns WHERE table_name = :t"),
                                     {"t": TABLE}))
        return set(COLUMNS) <= found

    def close(self) -> None:
        self.engine.dispose()


def _insert(conn, table: str, rows: list[tuple], *, copy: bool = False) -> None:
    if copy:
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as out:
            out.set_types(COPY_TYPES)
            for row in rows:
                out.write_row(row)
        return
    values = ", ".join(f"CAST(:{c} AS {kind})" if kind else f":{c}"
                       for c, kind in zip(COLUMNS, [""] * 11 + ["jsonb", "tsvector"]))
    conn.execute(text(f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({values})"),
                 [dict(zip(COLUMNS, row)) for row in rows])


def _add_words(conn, words: set[str]) -> None:
    if words:
        conn.execute(text("INSERT INTO search_words SELECT unnest(CAST(:w AS text[])) ON CONFLICT DO NOTHING"),
                     {"w": sorted(words)})


def _bump(conn, public: bool) -> None:
    conn.execute(text("UPDATE search_state SET version = version + 1 WHERE name = 'staff' OR (name = 'public' AND :p)"),
                 {"p": public})
