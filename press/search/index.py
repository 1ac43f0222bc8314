"""The two indexes on disk: writing changes, rebuilding, checking, cached searchers.

Owns the folder layout under ``root``::

    root/current -> generations/<gen>     a symlink, swapped atomically by a rebuild
    root/generations/<gen>/staff           activities, releases in every state, photos, notes
    root/generations/<gen>/public          published releases and public photos only
    root/write.lock, root/rebuild.lock     fcntl locks shared by every process
    root/rebuilding                        names the generation a rebuild is filling

and :class:`SearchIndex`. Imports whoosh and the sibling modules, never Flask nor the
database: callers hand in :mod:`document` changes and documents.

The public index is written by :func:`_write_public` only, which accepts nothing but a
:class:`PublicDocument` (a type that cannot be built for a draft); a staff-only upsert
removes the key from the public index.
"""
from __future__ import annotations

import os
import pickle
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from collections.abc import Collection
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from press.storage.files import fsync_dir

from .document import Change, Delete, Document, NotPublicError, PublicDocument, last_change_per_key
from .locking import file_lock, is_locked, retry_whoosh_lock
from .query import SearchResult, search as run_search
from .result_cache import MAX_RESULTS, ResultCache
from .schema import build_schema, fields_for

INDEX_NAMES = ("staff", "public")


@dataclass
class DriftReport:
    """Keys the database expects but an index lacks (``missing``) and the reverse (``extra``)."""

    missing_staff: set = field(default_factory=set)
    extra_staff: set = field(default_factory=set)
    missing_public: set = field(default_factory=set)
    extra_public: set = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not (self.missing_staff or self.extra_staff or self.missing_public or self.extra_public)


class RebuildError(RuntimeError):
    """A rebuild could not start (another one is running)."""


@contextmanager
def _together(staff_writer, public_writer, *, commit_public: bool = False):
    """Commit both indexes' writers when the block ends, cancel both when it raises:
    the staff and public indexes never disagree about a batch. A batch that changed
    nothing public (a staff-only photo processed) leaves the public index's generation
    as it was, so its searchers and kept results stay valid: the block yields a list to
    which it appends when it changes the public index (``commit_public``: commit it anyway)."""
    public_changes: list = []
    try:
        yield public_changes
    except BaseException:
        staff_writer.cancel()
        public_writer.cancel()
        raise
    staff_writer.commit()
    if public_changes or commit_public:
        public_writer.commit()
    else:
        public_writer.cancel()


def _write_public(writer, doc: Document, values: dict, *, new_index: bool = False) -> None:
    """The only way into the public index: a :class:`PublicDocument` that is still public."""
    if not isinstance(doc, PublicDocument) or not doc.is_public:
        raise NotPublicError(f"{doc.key} is not a PublicDocument and cannot reach the public index")
    if new_index:
        writer.add_document(**values)
    else:
        writer.update_document(**values)


class SearchIndex:
    """Both indexes under one root. Safe to share across threads; one per process is enough."""

    def __init__(self, root: str | os.PathLike, *, lock_timeout: float = 60.0, kept_results: int = MAX_RESULTS):
        self.root = os.fspath(root)
        self.lock_timeout = lock_timeout
        self.searcher_opens = 0
        self._local = threading.local()
        self._results = ResultCache(kept_results)
        os.makedirs(os.path.join(self.root, "generations"), exist_ok=True)

    # -- layout -----------------------------------------------------------------

    def _path(self, *parts: str) -> str:
        return os.path.join(self.root, *parts)

    def _current_generation(self) -> str | None:
        try:
            return os.path.basename(os.readlink(self._path("current")))
        except FileNotFoundError:
            return None

    def _new_generation(self) -> str:
        gen = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        schema = build_schema()
        for name in INDEX_NAMES:
            folder = self._path("generations", gen, name)
            os.makedirs(folder)
            whoosh_index.create_in(folder, schema)
        return gen

    def _point_current_at(self, gen: str) -> None:
        tmp = self._path(f".current-{uuid.uuid4().hex}")
        os.symlink(os.path.join("generations", gen), tmp)
        os.replace(tmp, self._path("current"))
        fsync_dir(self.root)

    def _ensure_current(self) -> str:
        gen = self._current_generation()
        if gen is None:
            with file_lock(self._path("write.lock"), timeout=self.lock_timeout, what="search index"):
                gen = self._current_generation()
                if gen is None:
                    gen = self._new_generation()
                    self._point_current_at(gen)
        return gen

    def _open(self, gen: str, name: str):
        return whoosh_index.open_dir(self._path("generations", gen, name))

    # -- writing ----------------------------------------------------------------

    def apply(self, changes: Iterable[Change]) -> int:
        """Write upserts and deletes to both indexes; idempotent; returns how many were applied.

        Raises :class:`IndexBusyError` if the index stays locked past ``lock_timeout``.
        """
        batch = last_change_per_key(changes)
        if not batch:
            return 0
        self._ensure_current()
        with file_lock(self._path("write.lock"), timeout=self.lock_timeout, what="search index"):
            gen = self._current_generation()
            self._apply_to(gen, batch)
            building = self._building_generation()
            if building and building != gen:
                with open(self._path("generations", building, "journal.pickle"), "ab") as journal:
                    pickle.dump(batch, journal, protocol=pickle.HIGHEST_PROTOCOL)
        return len(batch)

    def _apply_to(self, gen: str, batch: list[Change]) -> None:
        staff, public = self._open(gen, "staff"), self._open(gen, "public")
        staff_writer = retry_whoosh_lock(staff.writer, timeout=self.lock_timeout)
        try:
            public_writer = retry_whoosh_lock(public.writer, timeout=self.lock_timeout)
        except BaseException:
            staff_writer.cancel()
            raise
        with _together(staff_writer, public_writer) as public_changes:
            for change in batch:
                if isinstance(change, Delete):
                    staff_writer.delete_by_term("doc_key", change.key)
                    if public_writer.delete_by_term("doc_key", change.key):
                        public_changes.append(change.key)
                    continue
                values = fields_for(change.document)
                staff_writer.update_document(**values)
                if isinstance(change.document, PublicDocument):
                    _write_public(public_writer, change.document, values)
                    public_changes.append(change.key)
                elif public_writer.delete_by_term("doc_key", change.key):
                    public_changes.append(change.key)

    def _building_generation(self) -> str | None:
        try:
            with open(self._path("rebuilding")) as f:
                gen = f.read().strip()
        except FileNotFoundError:
            return None
        if not is_locked(self._path("rebuild.lock")):
            os.unlink(self._path("rebuilding"))
            return None
        return gen if os.path.isdir(self._path("generations", gen)) else None

    def rebuild(
        self,
        documents: Iterable[Document],
        progress: Callable[[int], None] | None = None,
        *,
        procs: int | None = None,
        limitmb: int = 512,
    ) -> int:
        """Build both indexes from ``documents`` into a new generation and swap it in when complete.

        Searches keep answering from the old generation meanwhile; if the iterable raises or
        the process dies, the old generation stays current. Changes applied during the
        rebuild are replayed into the new generation before the swap. Returns the count.
        """
        procs = procs or min(4, os.cpu_count() or 1)
        if is_locked(self._path("rebuild.lock")):
            raise RebuildError("another rebuild of this search index is running")
        with file_lock(self._path("rebuild.lock"), timeout=0.0, what="search rebuild"):
            self._remove_stale_generations()
            gen = self._new_generation()
            with file_lock(self._path("write.lock"), timeout=self.lock_timeout, what="search index"):
                _write_text(self._path("rebuilding"), gen)
            try:
                count = self._fill(gen, documents, progress, procs, limitmb)
                with file_lock(self._path("write.lock"), timeout=self.lock_timeout, what="search index"):
                    self._replay_journal(gen)
                    old = self._current_generation()
                    self._point_current_at(gen)
                    os.unlink(self._path("rebuilding"))
                self._remove_stale_generations(keep=old)
                return count
            except BaseException:
                with file_lock(self._path("write.lock"), timeout=self.lock_timeout, what="search index"):
                    if os.path.exists(self._path("rebuilding")):
                        os.unlink(self._path("rebuilding"))
                shutil.rmtree(self._path("generations", gen), ignore_errors=True)
                raise

    def _fill(self, gen, documents, progress, procs, limitmb) -> int:
        staff_writer = self._open(gen, "staff").writer(procs=procs, limitmb=limitmb, multisegment=procs > 1)
        public_writer = self._open(gen, "public").writer(procs=procs, limitmb=limitmb, multisegment=procs > 1)
        count = 0
        with _together(staff_writer, public_writer, commit_public=True):
            for doc in documents:
                if doc.is_public and not isinstance(doc, PublicDocument):
                    doc = doc.to_public()
                values = fields_for(doc)
                staff_writer.add_document(**values)
                if isinstance(doc, PublicDocument):
                    _write_public(public_writer, doc, values, new_index=True)
                count += 1
                if progress and count % 1000 == 0:
                    progress(count)
        if progress:
            progress(count)
        return count

    def _replay_journal(self, gen: str) -> None:
        path = self._path("generations", gen, "journal.pickle")
        if not os.path.exists(path):
            return
        with open(path, "rb") as journal:
            while True:
                try:
                    batch = pickle.load(journal)
                except EOFError:
                    break
                self._apply_to(gen, batch)
        os.unlink(path)

    def _remove_stale_generations(self, keep: str | None = None) -> None:
        current = self._current_generation()
        for gen in os.listdir(self._path("generations")):
            if gen not in (current, keep):
                shutil.rmtree(self._path("generations", gen), ignore_errors=True)

    # -- reading ----------------------------------------------------------------

    def searcher(self, public: bool):
        """This thread's searcher on one index, reopened only when the index changed.

        A changed index gets a new searcher rather than ``searcher.refresh()``: whoosh's
        refresh reuses segment readers whose deletions have since changed, so a deleted
        (retracted) document would stay visible.
        """
        name = "public" if public else "staff"
        gen = self._current_generation() or self._ensure_current()
        cache = self._local.__dict__.setdefault("searchers", {})
        cached = cache.get(name)
        if cached and cached[0] == gen:
            if cached[1].up_to_date():
                return cached[1]
        if cached:
            cached[1].close()
        searcher = self._open(gen, name).searcher()
        self.searcher_opens += 1
        cache[name] = (gen, searcher)
        return searcher

    def search(
        self,
        query_text: str,
        *,
        public: bool,
        page: int = 1,
        per_page: int = 20,
        order: str = "relevance",
        facets: bool = True,
        stemming: bool = True,
        units: Collection[int] | None = None,
    ) -> SearchResult:
        """Search one index with the user's query; never raises on what the user typed.
        ``units``: the staff reader's units (``press.search.query.search``). The same search
        on an unchanged index is answered from :class:`~press.search.result_cache.ResultCache`."""
        searcher = self.searcher(public)
        name = "public" if public else "staff"
        stamp = (self._current_generation(), searcher.reader().generation())
        key = (query_text, page, per_page, order, facets, stemming, None if units is None else tuple(sorted(units)))
        return self._results.get_or_run(name, stamp, key, lambda: run_search(
            searcher, query_text, page=page, per_page=per_page, order=order, facets=facets,
            stemming=stemming, units=units,
        ))

    def schema_is_current(self) -> bool:
        """Do both indexes hold every field of today's schema? An upgrade adding one (the
        staff readers' ``readers``) needs a rebuild, which ``flask setup`` then makes."""
        wanted = set(build_schema().names())
        return all(wanted <= set(self.searcher(public).schema.names()) for public in (False, True))

    def doc_keys(self, public: bool) -> set[str]:
        """The keys of every live document in one index."""
        reader = self.searcher(public).reader()
        if not reader.has_column("key"):
            return set()
        column = reader.column_reader("key")
        return {column[n].decode("utf-8") for n in reader.all_doc_ids()}

    def check(self, expected_keys_staff: Iterable[str], expected_keys_public: Iterable[str]) -> DriftReport:
        """Compare both indexes with the keys the database says they should hold."""
        staff, public = self.doc_keys(public=False), self.doc_keys(public=True)
        expected_staff, expected_public = set(expected_keys_staff), set(expected_keys_public)
        return DriftReport(
            missing_staff=expected_staff - staff,
            extra_staff=staff - expected_staff,
            missing_public=expected_public - public,
            extra_public=public - expected_public,
        )

    def prepare(self) -> None:
        """Create the folder when it is missing (deleted by hand); the indexes follow on first use."""
        os.makedirs(self._path("generations"), exist_ok=True)

    @contextmanager
    def exclusive(self, name: str, *, timeout: float | None = None):
        """Hold the lock called ``name`` across the processes of this machine (``root/name.lock``)."""
        timeout = self.lock_timeout if timeout is None else timeout
        with file_lock(self._path(f"{name}.lock"), timeout=timeout, what=f"search {name}"):
            yield

    def close(self) -> None:
        for _, searcher in self._local.__dict__.pop("searchers", {}).values():
            searcher.close()


def _write_text(path: str, text: str) -> None:
    tmp = f"{path}.{uuid.uuid4().hex}"
    with open(tmp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


