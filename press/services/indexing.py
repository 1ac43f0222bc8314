"""Keeping the search indexes true to the database: the queue, the documents, the drain.

Every change that should reach search calls :func:`enqueue_index` in its own
transaction (one ``IndexQueueEntry`` row). :func:`drain` turns queue rows into index
changes: for each ``(kind, id)`` it builds the :class:`~press.search.Document` from the
database as it is now, upserts it (the public index gets it only when the document is
public: a published release, a photo with ``Media.is_public``) or deletes it when the
object is gone, and removes the queue rows only after the index write succeeded.
:func:`rebuild_all` recreates both indexes from the database; :func:`check` compares
them with it.

A kind becomes searchable by one builder function registered with :func:`kind`
(``document_for_<kind>(session, id) -> Document | None``), with the model whose ids
it covers and, if it can be public, the condition for that. ``media`` is accepted as
another name for ``photo`` in the queue.

Public photos follow the public site's one rule (``press.services.public``): a photo is
public when it is marked public (``Media.is_public``) or attached to a published release,
and its pixels are usable (``MediaStatus.OK``), so every public search hit has a public
photo page and no photo without one reaches the public index. A release's photos are
re-indexed with the release, since its state decides theirs.

The drain is the one unit of work here that does not run in the caller's transaction:
it reads committed data in its own session, under a lock shared by every process
(``drain.lock`` in the index folder), so that a document built from an older snapshot
can never be written over one built from a newer snapshot, and it commits the removal
of the rows it indexed. No Flask.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import PpidClass, ReleaseState
from press.models import (
    Activity, ActivityTag, IndexQueueEntry, Media, MediaTag, Note, Release, ReleasePhoto, ReleaseTag, Tag,
)
from press.dates import wall_time
from press.drafting.formatting import plain
from press.notes.accepted import read_accepted
from press.search import Delete, Document, DriftReport, IndexBusyError, SearchIndex, doc_key, upsert
from press.search.locking import file_lock

from .public import PUBLIC_RELEASE, public_media_condition, release_is_public

log = logging.getLogger(__name__)

KIND_ALIASES = {"media": "photo", "foto": "photo"}
DRAIN_BATCH = 500
DRAIN_JOB = "index.drain"
# Rows whose drain job was lost (a killed worker, a queue that could not be written) wait at most this long.
CATCH_UP_SECONDS = 60
# Tag kinds shown as the document's tags (people, places, unit, kind and dates have their own fields).
TOPIC_TAG_KINDS = ("topic", "organisation", "place", "venue")
PLACE_TAG_KINDS = ("place", "venue")


def normal_kind(kind: str) -> str:
    return KIND_ALIASES.get(kind, kind)


def enqueue_index(session: Session, kind: str, obj_id: int) -> None:
    """Ask for the search index to be brought up to date, in the caller's transaction;
    the drain job runs once it commits."""
    session.add(IndexQueueEntry(doc_kind=normal_kind(kind), doc_id=obj_id))
    jobs.after_commit(session, DRAIN_JOB)


# -- the registry of document kinds ------------------------------------------------

@dataclass(frozen=True)
class DocumentKind:
    """One searchable kind: its builder, the model whose ids it covers, when it is public,
    and which other documents repeat its data (and are rebuilt with it)."""

    name: str
    model: type
    build: Callable[[Session, int], Document | None]
    public_where: Callable[[], object] | None = None
    dependents: Callable[[Session, int], list[tuple[str, int]]] | None = None


# Every kind of document the indexes hold, by name, with its builder (``@kind`` below).
INDEXED_KINDS: dict[str, DocumentKind] = {}


def kind(name: str, model: type, *, public_where=None, dependents=None):
    """Register ``build(session, id) -> Document | None`` as the builder of ``name``."""

    def register(build):
        INDEXED_KINDS[name] = DocumentKind(name, model, build, public_where, dependents)
        return build

    return register


def document_for(session: Session, kind_name: str, obj_id: int) -> Document | None:
    """The document of ``kind:id`` as the database says now; None when it is gone."""
    entry = INDEXED_KINDS.get(normal_kind(kind_name))
    return entry.build(session, obj_id) if entry else None


# -- shared pieces of the builders -------------------------------------------------

def _activity_moment(activity: Activity | None) -> datetime | None:
    if activity is None or activity.starts_on is None:
        return None
    return datetime.combine(activity.starts_on, activity.starts_at_time or time(0, 0))


def _tags(session: Session, link, column, obj_id: int) -> list[Tag]:
    return list(session.scalars(
        select(Tag).join(link, link.tag_id == Tag.id).where(column == obj_id).order_by(Tag.kind, Tag.name)
    ))


def _names(tags: list[Tag], kinds) -> list[str]:
    return [t.name for t in tags if t.kind in kinds]


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


@dataclass
class _ActivityFacts:
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    unit: str = ""
    unit_id: int | None = None
    kind: str = ""
    title: str = ""


def _activity_facts(session: Session, activity: Activity | None) -> _ActivityFacts:
    if activity is None:
        return _ActivityFacts()
    tags = _tags(session, ActivityTag, ActivityTag.activity_id, activity.id)
    places = [activity.venue.name] if activity.venue else []
    if activity.venue and activity.venue.city:
        places.append(activity.venue.city)
    return _ActivityFacts(
        people=[p.name for p in activity.participants] + _names(tags, ("person",)),
        organisations=[p.organisation for p in activity.participants if p.organisation]
        + ([activity.guest_body] if activity.guest_body else []) + _names(tags, ("organisation",)),
        places=places + _names(tags, PLACE_TAG_KINDS),
        tags=_names(tags, TOPIC_TAG_KINDS),
        unit=activity.unit.label if activity.unit else "",
        unit_id=activity.unit_id,
        kind=activity.kind or "",
        title=activity.title,
    )


# -- the builders ------------------------------------------------------------------

def _activity_dependents(session: Session, activity_id: int) -> list[tuple[str, int]]:
    out = [("release", i) for i in session.scalars(select(Release.id).where(Release.activity_id == activity_id))]
    out += [("photo", i) for i in session.scalars(select(Media.id).where(Media.activity_id == activity_id))]
    out += [("note", i) for i in session.scalars(select(Note.id).where(Note.activity_id == activity_id))]
    return out


@kind("activity", Activity, dependents=_activity_dependents)
def document_for_activity(session: Session, activity_id: int) -> Document | None:
    activity = session.get(Activity, activity_id)
    if activity is None:
        return None
    facts = _activity_facts(session, activity)
    participants = [
        ", ".join(x for x in (p.title_and_name, p.organisation) if x) for p in activity.participants
    ]
    body = "\n".join(x for x in (activity.topic, activity.summary, activity.guest_body, *participants) if x)
    return Document(
        kind="activity", id=activity.id, title=activity.title, body=body,
        people=_unique(facts.people), organisations=_unique(facts.organisations), places=_unique(facts.places),
        unit=facts.unit, unit_id=facts.unit_id, activity_kind=facts.kind, tags=_unique(facts.tags),
        date=_activity_moment(activity), status="", url="",
        payload={"activity_id": activity.id},
    )


def _thumbnail_key(media: Media) -> str:
    thumb = media.rendition("thumb")
    return thumb.sha256 if thumb else ""


@kind("photo", Media, public_where=public_media_condition)
def document_for_photo(session: Session, media_id: int) -> Document | None:
    media = session.get(Media, media_id)
    if media is None:
        return None
    is_public = session.scalar(select(Media.id).where(Media.id == media_id, public_media_condition())) is not None
    facts = _activity_facts(session, media.activity)
    tags = _tags(session, MediaTag, MediaTag.media_id, media.id)
    camera = " ".join(x for x in (media.make, media.model) if x)
    facts_line = [x for x in (camera, media.lens, media.credit) if x]
    title = (media.caption or "").strip().split("\n")[0][:200] or facts.title or (media.original_filename or "")
    body = "\n".join(x for x in (media.caption, facts.title, " · ".join(facts_line)) if x)
    people = [p.name for p in media.people] + _names(tags, ("person",))
    return Document(
        kind="photo", id=media.id, title=title, body=body,
        people=_unique(people or facts.people), organisations=_unique(_names(tags, ("organisation",))),
        places=_unique(_names(tags, PLACE_TAG_KINDS) + facts.places),
        unit=facts.unit, unit_id=facts.unit_id, activity_kind=facts.kind,
        tags=_unique(_names(tags, TOPIC_TAG_KINDS) + facts.tags),
        date=wall_time(media.taken_at) or _activity_moment(media.activity) or wall_time(media.created_at),
        status="public" if is_public else "private",
        url=f"/foto/{media.id}" if is_public else "",
        thumbnail_key=_thumbnail_key(media),
        payload={"activity_id": media.activity_id, "thumb": _thumbnail_key(media), "public": is_public},
    )


def _note_names(note: Note, key: str) -> list[str]:
    """The names of the note's people, organisations or places: those the review accepted, else
    those extracted."""
    accepted = getattr(read_accepted(note.accepted), key)
    if accepted:
        return [item.name for item in accepted]
    items = (note.extraction or {}).get(key) or []
    return [i.get("name", "") for i in items if isinstance(i, dict)]


@kind("note", Note, dependents=lambda session, note_id: [
    ("activity", a) for a in session.scalars(select(Note.activity_id).where(Note.id == note_id))
])
def document_for_note(session: Session, note_id: int) -> Document | None:
    note = session.get(Note, note_id)
    if note is None:
        return None
    facts = _activity_facts(session, note.activity)
    title = facts.title or (note.filename or "")
    return Document(
        kind="note", id=note.id, title=title, body=note.text or "",
        people=_unique(_note_names(note, "people")),
        organisations=_unique(_note_names(note, "organisations")),
        places=_unique(_note_names(note, "places")),
        unit=facts.unit, unit_id=facts.unit_id, activity_kind=facts.kind, tags=_unique(facts.tags),
        date=_activity_moment(note.activity) or wall_time(note.created_at), status="", url="",
        payload={"activity_id": note.activity_id},
    )


@kind("release", Release, public_where=lambda: PUBLIC_RELEASE, dependents=lambda session, release_id: [
    ("photo", m) for m in session.scalars(select(ReleasePhoto.media_id).where(ReleasePhoto.release_id == release_id))
])
def document_for_release(session: Session, release_id: int) -> Document | None:
    release = session.get(Release, release_id)
    if release is None:
        return None
    facts = _activity_facts(session, release.activity)
    tags = _tags(session, ReleaseTag, ReleaseTag.release_id, release.id)
    unit = release.unit.label if release.unit else facts.unit
    text = "\n".join(plain(line) for line in (release.body or "").splitlines())
    body = "\n".join(x for x in (release.dateline, text, release.correction_note) if x)
    when = wall_time(release.published_at) or _activity_moment(release.activity) or wall_time(release.created_at)
    return Document(
        kind="release", id=release.id, title=release.title, body=body,
        people=_unique(facts.people + _names(tags, ("person",))),
        organisations=_unique(facts.organisations + _names(tags, ("organisation",))),
        places=_unique(facts.places + _names(tags, PLACE_TAG_KINDS)),
        unit=unit, unit_id=release.unit_id or facts.unit_id, activity_kind=facts.kind,
        tags=_unique(_names(tags, TOPIC_TAG_KINDS) + facts.tags),
        date=when, status=_release_status(release),
        url=f"/siaran/{release.slug}" if release_is_public(release) else "",
        payload={"activity_id": release.activity_id, "slug": release.slug, "state": release.state},
    )


def _release_status(release: Release) -> str:
    """The release's state, except that a published one the public may not see (its activity
    is ``dikecualikan``) is indexed as exempt, so it never reaches the public index."""
    if release.state == ReleaseState.PUBLISHED and not release_is_public(release):
        return PpidClass.DIKECUALIKAN
    return release.state


# -- drain -------------------------------------------------------------------------

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


def _drain_once(session: Session, index: SearchIndex, limit: int, report: DrainReport) -> int:
    rows = session.execute(
        select(IndexQueueEntry.id, IndexQueueEntry.doc_kind, IndexQueueEntry.doc_id)
        .order_by(IndexQueueEntry.id).limit(limit)
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


def drain(session: Session, index: SearchIndex, limit: int | None = None, *, lock_timeout: float | None = None) -> DrainReport:
    """Bring both indexes up to date with the queue; idempotent, safe from several processes.

    Reads committed data in a session of its own (``session`` gives the database) under
    the drain lock, writes the changes, then removes the rows it read and commits that.
    At most ``limit`` rows (all when None). When another process holds the lock past
    ``lock_timeout`` (the index's own timeout when None) or the index stays busy, the
    rows stay queued and the report says ``busy``; nothing is raised for that.
    """
    report = DrainReport()
    timeout = index.lock_timeout if lock_timeout is None else lock_timeout
    bind = session.get_bind()
    try:
        with file_lock(os.path.join(index.root, "drain.lock"), timeout=timeout, what="search queue"):
            with Session(bind=bind, expire_on_commit=False) as own:
                done = 0
                while limit is None or done < limit:
                    batch = DRAIN_BATCH if limit is None else min(DRAIN_BATCH, limit - done)
                    taken = _drain_once(own, index, batch, report)
                    done += taken
                    if taken < batch:
                        break
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


def rebuild_all(session: Session, index: SearchIndex, progress: Callable[[int], None] | None = None) -> int:
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


def repair(session: Session, index: SearchIndex, *, lock_timeout: float | None = None) -> int:
    """Rewrite every document :func:`check` finds missing or extra (a deleted index folder,
    a lost write) from the database as it is now; returns how many were rewritten. The
    queue is drained first. Raises what the index raises when it cannot be read at all."""
    drain(session, index, lock_timeout=lock_timeout)
    timeout = index.lock_timeout if lock_timeout is None else lock_timeout
    with file_lock(os.path.join(index.root, "drain.lock"), timeout=timeout, what="search queue"):
        with Session(bind=session.get_bind()) as own:
            drift = check(own, index)
            keys = drift.missing_staff | drift.extra_staff | drift.missing_public | drift.extra_public
            changes = []
            for key in sorted(keys):
                name, _, raw_id = key.partition(":")
                obj_id = int(raw_id) if raw_id.isdigit() else raw_id
                doc = document_for(own, name, obj_id) if name in INDEXED_KINDS else None
                changes.append(upsert(doc) if doc is not None else Delete(name, obj_id))
            index.apply(changes)
    return len(changes)


def check(session: Session, index: SearchIndex) -> DriftReport:
    """Compare both indexes with the database: keys missing from or extra in each."""
    staff, public = expected_keys(session)
    return index.check(staff, public)
