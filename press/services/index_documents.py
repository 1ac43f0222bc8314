"""The search documents of the database's objects: one builder per kind.

A kind becomes searchable by one builder function registered with :func:`kind`
(``document_for_<kind>(session, id) -> Document | None``), with the model whose ids
it covers and, if it can be public, the condition for that. ``media`` is accepted as
another name for ``photo`` in the queue.

Public photos follow the public site's one rule (``press.services.public``): a photo is
public when it is marked public (``Media.is_public``) or attached to a published release,
and its pixels are usable (``MediaStatus.OK``), so every public search hit has a public
photo page and no photo without one reaches the public index. A release's photos are
re-indexed with the release, since its state decides theirs. Read by the drain, the
rebuild and the check (``press.services.indexing``). No Flask.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import PpidClass, ReleaseState
from press.models import Activity, ActivityTag, Media, MediaTag, Note, Release, ReleasePhoto, ReleaseTag, Tag
from press.dates import wall_time
from press.drafting.formatting import plain
from press.notes.accepted import read_accepted
from press.search import Document

from .public import PUBLIC_RELEASE, public_media_condition, release_is_public

KIND_ALIASES = {"media": "photo", "foto": "photo"}
# Tag kinds shown as the document's tags (people, places, unit, kind and dates have their own fields).
TOPIC_TAG_KINDS = ("topic", "organisation", "place", "venue")
PLACE_TAG_KINDS = ("place", "venue")


def normal_kind(kind: str) -> str:
    return KIND_ALIASES.get(kind, kind)


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
