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
import multiprocessing
import os
import time
from collections.abc import Collection
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from typing import Callable, Iterable, Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from .document import Delete, Document, PublicDocument, last_change_per_key
from .index import DriftReport, RebuildError
from .locking import IndexBusyError, _backoff
from .pg_query import visible
from .pg_rows import COLUMNS, LAYOUT, SEARCH_TABLES, STORAGE_DDL, TABLE, TABLE_DDL, index_ddl, key_ddl, rows_for
from .pg_search import PgSearch
from .query import SearchResult, paging
from .query_language import parse
from .result_cache import MAX_RESULTS, ResultCache

log = logging.getLogger(__name__)

NEXT, TOUCHED = SEARCH_TABLES[1:3]
LOCK_SPACE = 0x53524E  # the first key of every advisory lock Siaran's search takes
WRITE_LOCK, REBUILD_LOCK = 1, 2
# Every search condition is answered from the GIN or the date index: the planner prices
# ``tsv @@`` on a row at nothing, but it reads (de-TOASTs) the row's tsvector, so a
# sequential scan of a broad term was 20 times a bitmap scan's time. The bitmap of a broad
# term's matches stays exact (a lossy one rechecks every row); JIT costs more than it saves.
SESSION_OPTIONS = "-c enable_seqscan=off -c work_mem=64MB -c jit=off"
COPY_CHUNK = 2_000
INDEX_BUILD_MEMORY = "512MB"
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

    def __init__(self, url: str, *, lock_timeout: float = 60.0, kept_results: int = MAX_RESULTS):
        self.url = engine_url(url)
        self.lock_timeout = lock_timeout
        self.engine = create_engine(self.url, pool_size=4, max_overflow=8, pool_pre_ping=True,
                                    connect_args={"options": SESSION_OPTIONS})
        self._results = ResultCache(kept_results)
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
                create_table(conn, TABLE)
                for statement in sum(index_ddl(TABLE), []) + [key_ddl(TABLE)]:
                    conn.execute(text(statement))
            # An empty table's rows will all be written in today's layout; a filled one's
            # only after a rebuild.
            conn.execute(text(f"INSERT INTO search_state SELECT 'layout', :layout WHERE NOT EXISTS "
                              f"(SELECT 1 FROM {TABLE}) ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version"),
                         {"layout": LAYOUT})
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

    def _stamp_and_layout(self, conn, name: str) -> tuple[int | None, int]:
        found = dict(conn.execute(text("SELECT name, version FROM search_state WHERE name IN (:n, 'layout')"),
                                  {"n": name}).all())
        return found.get(name), found.get("layout", 0)

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
                rows, words = rows_for(docs)
                _insert(conn, TABLE, rows)
                _add_words(conn, words)
            if conn.scalar(text("SELECT to_regclass(:t)"), {"t": TOUCHED}) is not None:
                conn.execute(text(f"INSERT INTO {TOUCHED} SELECT unnest(CAST(:keys AS text[])) ON CONFLICT DO NOTHING"),
                             {"keys": keys})
            public = any(removed) or any(isinstance(d, PublicDocument) for d in docs)
            _bump(conn, public)
        return len(batch)

    def rebuild(self, documents: Iterable[Document], progress: Callable[[int], None] | None = None, *,
                procs: int | None = None, **_whoosh) -> int:
        """Fill a new table from ``documents`` and swap it in when complete; searches read the
        old one meanwhile. ``procs`` processes analyse the text (the CPUs, at most 4) while
        this one copies rows in. Raises :class:`RebuildError` if a rebuild is running anywhere."""
        self._ensure()
        procs = procs or min(4, os.cpu_count() or 1)
        with self.engine.connect() as holder:
            if not holder.scalar(text("SELECT pg_try_advisory_lock(:space, :key)"), {"space": LOCK_SPACE, "key": REBUILD_LOCK}):
                raise RebuildError("another rebuild of this search index is running")
            holder.commit()
            try:
                return self._rebuild(documents, progress, procs)
            except BaseException:
                with self.engine.begin() as conn:
                    conn.execute(text(f"DROP TABLE IF EXISTS {NEXT}, {TOUCHED}"))
                raise
            finally:
                holder.execute(text("SELECT pg_advisory_unlock(:space, :key)"), {"space": LOCK_SPACE, "key": REBUILD_LOCK})
                holder.commit()

    def _rebuild(self, documents, progress, procs: int) -> int:
        with self._writing() as conn:
            conn.execute(text(f"DROP TABLE IF EXISTS {NEXT}, {TOUCHED}"))
            conn.execute(text(f"CREATE TABLE {TOUCHED} (doc_key text PRIMARY KEY)"))
        count = 0
        # One transaction makes the table and copies every row into it, frozen: nobody
        # sees it before the commit, and no VACUUM is needed after (the rows are frozen
        # and, from PostgreSQL 14, their pages marked all-visible). The words are written
        # beside it, chunk by chunk, so that a writer adding the same word never waits.
        with self.engine.begin() as load, closing(_analysed(_chunks(documents), procs)) as analysed:
            create_table(load, NEXT)
            for rows, words in analysed:
                _insert(load, NEXT, rows, copy=True, freeze=True)
                with self.engine.begin() as conn:
                    _add_words(conn, words)
                count += len(rows)
                if progress:
                    progress(count)
        if progress and not count:
            progress(0)
        build_indexes(self.engine, NEXT, "_next")
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # The statistics, and the count of all-visible pages the planner's choices read.
            conn.execute(text(f"ANALYZE {NEXT}"))
        with self._writing() as conn:
            conn.execute(text(f"DELETE FROM {NEXT} WHERE doc_key IN (SELECT doc_key FROM {TOUCHED})"))
            conn.execute(text(f"INSERT INTO {NEXT} SELECT * FROM {TABLE} WHERE doc_key IN (SELECT doc_key FROM {TOUCHED})"))
            conn.execute(text(f"DROP TABLE {TABLE}, {TOUCHED}"))
            conn.execute(text(f"ALTER TABLE {NEXT} RENAME TO {TABLE}"))
            conn.execute(text(f"ALTER TABLE {TABLE} RENAME CONSTRAINT {NEXT}_pkey TO {TABLE}_pkey"))
            for suffix in ("tsv", "date", "sample", "sampled_tsv"):
                conn.execute(text(f"ALTER INDEX {NEXT}_{suffix} RENAME TO {TABLE}_{suffix}"))
            conn.execute(text("INSERT INTO search_state VALUES ('layout', :layout) "
                              "ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version"), {"layout": LAYOUT})
            _bump(conn, True)
        return count

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
            stamp, layout = self._stamp_and_layout(conn, name)
        key = (query_text, page, per_page, order, facets, stemming, None if units is None else tuple(sorted(units)))
        return self._results.get_or_run(name, stamp, key, lambda: self._search(
            query_text, public, page, per_page, order, facets, stemming, units, layout >= LAYOUT))

    def _search(self, query_text, public, page, per_page, order, facets, stemming, units, months) -> SearchResult:
        parsed = parse(query_text)
        try:
            with self.engine.connect() as conn:
                return PgSearch(conn, parsed, public, units, stemming, months).run(
                    query_text, page, per_page, order, facets)
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


def create_table(conn, table: str) -> None:
    """An empty documents table called ``table``, without its indexes."""
    conn.execute(text(TABLE_DDL.format(table=table)))
    for statement in STORAGE_DDL:
        conn.execute(text(statement.format(table=table)))


def build_indexes(engine, table: str, suffix: str) -> None:
    """The indexes of a loaded ``table``, the lanes of :func:`index_ddl` at the same time
    (two CREATE INDEX share the table's lock), then its primary key."""
    def build(statements: list[str]) -> None:
        with engine.begin() as conn:
            conn.execute(text(f"SET LOCAL maintenance_work_mem = '{INDEX_BUILD_MEMORY}'"))
            for statement in statements:
                conn.execute(text(statement))

    lanes = index_ddl(table, suffix)
    with ThreadPoolExecutor(len(lanes)) as pool:
        for done in [pool.submit(build, lane) for lane in lanes]:
            done.result()
    with engine.begin() as conn:
        conn.execute(text(key_ddl(table, suffix)))


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """The documents in lists of ``COPY_CHUNK``, each made its public twin when public."""
    chunk: list[Document] = []
    for doc in documents:
        chunk.append(doc.to_public() if doc.is_public and not isinstance(doc, PublicDocument) else doc)
        if len(chunk) >= COPY_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analysed(chunks: Iterable[list[Document]], procs: int) -> Iterator[tuple[list[tuple], set[str]]]:
    """:func:`rows_for` of each chunk, in order: the first here, the rest by ``procs`` spawned
    processes (none for a rebuild of one chunk), at most two each ahead of the copying."""
    pending: deque = deque()
    pool = None
    try:
        for n, chunk in enumerate(chunks):
            if procs <= 1 or n == 0:
                yield rows_for(chunk)
                continue
            if pool is None:
                pool = multiprocessing.get_context("spawn").Pool(procs)
            pending.append(pool.apply_async(rows_for, (chunk,)))
            while len(pending) > 2 * procs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        if pool is not None:
            pool.terminate()


def _insert(conn, table: str, rows: list[tuple], *, copy: bool = False, freeze: bool = False) -> None:
    """``rows`` into ``table``: by ``COPY`` (frozen if ``freeze``: only into a table made in
    this transaction), else by one multi-row ``INSERT``."""
    if copy:
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN{' (FREEZE)' * freeze}") as out:
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
