"""Keeping the search indexes true to the database: the queue and the drain.

Every change that should reach search calls :func:`enqueue_index` in its own
transaction (one ``IndexQueueEntry`` row). :func:`drain` turns queue rows into index
changes: for each ``(kind, id)`` it builds the :class:`~press.search.Document` from the
database as it is now (``press.services.index_documents``), upserts it (the public index
gets it only when the document is public: a published release, a public photo) or
deletes it when the object is gone, and removes the queue rows only after the index
write succeeded. :func:`rebuild_all` recreates both indexes from the database;
:func:`check` compares them with it.

The drain is the one unit of work here that does not run in the caller's transaction:
it reads committed data in its own session, under a lock shared by every process
(the index's ``exclusive("drain")``: a file lock beside whoosh's folders, an advisory lock on PostgreSQL), so that a document built from an older snapshot
can never be written over one built from a newer snapshot, and it commits the removal
of the rows it indexed. No Flask.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from press import jobs
from press.models import IndexQueueEntry
from press.search import Delete, Document, DriftReport, IndexBusyError, SearchBackend, doc_key, upsert

from .index_documents import INDEXED_KINDS, document_for, normal_kind

log = logging.getLogger(__name__)

DRAIN_BATCH = 500
DRAIN_JOB = "index.drain"
# Rows whose drain job was lost (a killed worker, a queue that could not be written) wait at most this long.
CATCH_UP_SECONDS = 60


def enqueue_index(session: Session, kind: str, obj_id: int) -> None:
    """Ask for the search index to be brought up to date, in the caller's transaction;
    the drain job runs once it commits."""
    session.add(IndexQueueEntry(doc_kind=normal_kind(kind), doc_id=obj_id))
    jobs.after_commit(session, DRAIN_JOB)



@dataclass
class DrainReport:
    """What one :func:`drain` did."""

    rows: int = 0          # queue rows read (and removed)
    upserted: int = 0      # documents written to the staff index
    public: int = 0        # of those, written to the public index too
    deleted: int = 0       # documents removed because their object is gone
    unknown: int = 0       # rows of a kind nothing builds (removed, logged)
    busy: bool = False     # the index was locked by someone else; rows left for later
    remaining: int = 0     # rows still queued afterwards

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _expand(session: Session, wanted: dict[tuple[str, int], None]) -> dict[tuple[str, int], None]:
    out: dict[tuple[str, int], None] = {}
    todo = list(wanted)
    while todo:
        key = todo.pop(0)
        if key in out:
            continue
        out[key] = None
        entry = INDEXED_KINDS.get(key[0])
        if entry and entry.dependents:
            todo.extend(k for k in entry.dependents(session, key[1]) if k not in out)
    return out


def _drain_once(session: Session, index: SearchBackend, limit: int, report: DrainReport) -> int:
    rows = session.execute(
        select(IndexQueueEntry.id, IndexQueueEntry.doc_kind, IndexQueueEntry.doc_id)
        .order_by(IndexQueueEntry.id).limit(limit).with_for_update(skip_locked=True)
    ).all()
    if not rows:
        return 0
    wanted: dict[tuple[str, int], None] = {}
    for _row_id, doc_kind, doc_id in rows:
        name = normal_kind(doc_kind)
        if name not in INDEXED_KINDS:
            report.unknown += 1
            log.warning("index queue: nothing builds documents of kind %r (id %s)", doc_kind, doc_id)
            continue
        wanted[(name, doc_id)] = None
    changes = []
    for name, doc_id in _expand(session, wanted):
        doc = INDEXED_KINDS[name].build(session, doc_id)
        if doc is None:
            changes.append(Delete(name, doc_id))
            report.deleted += 1
        else:
            changes.append(upsert(doc))
            report.upserted += 1
            report.public += doc.is_public
    index.apply(changes)
    session.execute(delete(IndexQueueEntry).where(IndexQueueEntry.id.in_([r[0] for r in rows])))
    session.commit()
    report.rows += len(rows)
    return len(rows)


def drain(session: Session, index: SearchBackend) -> DrainReport:
    """Bring both indexes up to date with the queue; idempotent, safe from several processes.

    Reads committed data in a session of its own (``session`` gives the database) under
    the drain lock, writes the changes, then removes the rows it read and commits that,
    ``DRAIN_BATCH`` rows at a time until the queue is empty. When another process holds the
    lock past the index's ``lock_timeout`` or the index stays busy, the rows stay queued and
    the report says ``busy``; nothing is raised for that.
    """
    report = DrainReport()
    bind = session.get_bind()
    try:
        with index.exclusive("drain"):
            with Session(bind=bind, expire_on_commit=False) as own:
                while _drain_once(own, index, DRAIN_BATCH, report) == DRAIN_BATCH:
                    own.expunge_all()
    except IndexBusyError as exc:
        log.info("search index busy, queue left for the next drain: %s", exc)
        report.busy = True
    report.remaining = queue_length(session, bind=bind)
    return report


@jobs.periodic(DRAIN_JOB, every=CATCH_UP_SECONDS)
def drain_job(ctx: jobs.JobContext) -> None:
    """The index queue into the app's search index: after each commit that queued rows, and
    every minute for rows whose job was lost. The rows go only once indexed, so a drain
    cut off is simply done again."""
    drain(ctx.session, ctx.extensions["search_index"])


def queue_length(session: Session, *, bind=None) -> int:
    """How many rows wait in the index queue (committed ones, read in a session of its own)."""
    with Session(bind=bind or session.get_bind()) as own:
        return own.scalar(select(func.count()).select_from(IndexQueueEntry)) or 0


# -- rebuild and check -------------------------------------------------------------

def count_documents(session: Session) -> int:
    return sum(session.scalar(select(func.count()).select_from(k.model)) or 0 for k in INDEXED_KINDS.values())


def all_documents(session: Session, chunk: int = 200) -> Iterator[Document]:
    """Every document the database holds, kind by kind, in id order."""
    for entry in INDEXED_KINDS.values():
        ids = list(session.scalars(select(entry.model.id).order_by(entry.model.id)))
        for start in range(0, len(ids), chunk):
            for obj_id in ids[start:start + chunk]:
                doc = entry.build(session, obj_id)
                if doc is not None:
                    yield doc
            session.expunge_all()


def rebuild_all(session: Session, index: SearchBackend, progress: Callable[[int], None] | None = None) -> int:
    """Recreate both indexes from the database into a new generation, swapped in when
    complete (search keeps answering from the old one meanwhile). Returns the count.
    Raises :class:`press.search.RebuildError` if another rebuild is running."""
    with Session(bind=session.get_bind()) as own:
        return index.rebuild(all_documents(own), progress=progress)


def expected_keys(session: Session) -> tuple[set[str], set[str]]:
    """The document keys the staff and the public index should hold, from the database."""
    staff: set[str] = set()
    public: set[str] = set()
    for entry in INDEXED_KINDS.values():
        for obj_id in session.scalars(select(entry.model.id)):
            staff.add(doc_key(entry.name, obj_id))
        if entry.public_where is not None:
            for obj_id in session.scalars(select(entry.model.id).where(entry.public_where())):
                public.add(doc_key(entry.name, obj_id))
    return staff, public


def repair(session: Session, index: SearchBackend) -> int:
    """Rewrite every document :func:`check` finds missing or extra (a deleted index folder,
    a lost write) from the database as it is now; returns how many were rewritten. The
    queue is drained first. Under the drain lock, so it never writes beside a drain; raises
    :class:`IndexBusyError` when that lock stays taken, and what the index raises when it
    cannot be read at all."""
    drain(session, index)
    with index.exclusive("drain"):
        with Session(bind=session.get_bind()) as own:
            drift = check(own, index)
            keys = drift.missing_staff | drift.extra_staff | drift.missing_public | drift.extra_public
            changes = []
            for key in sorted(keys):
                name, _, raw_id = key.partition(":")
                obj_id = int(raw_id) if raw_id.isdigit() else raw_id
                known = name in INDEXED_KINDS and isinstance(obj_id, int)  # "release:lama" is no row's key
                doc = document_for(own, name, obj_id) if known else None
                changes.append(upsert(doc) if doc is not None else Delete(name, obj_id))
            index.apply(changes)
    return len(changes)


def check(session: Session, index: SearchBackend) -> DriftReport:
    """Compare both indexes with the database: keys missing from or extra in each."""
    staff, public = expected_keys(session)
    return index.check(staff, public)
