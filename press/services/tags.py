"""Tags: attach tags (kind, name, source) to a photo, activity or release, creating the ones that are new."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.models import ActivityTag, MediaTag, ReleaseTag, Tag
from press.models.base import IN_BATCH
from press.text import slugify

LINKS = {"media": (MediaTag, "media_id"), "activity": (ActivityTag, "activity_id"), "release": (ReleaseTag, "release_id")}


def attach_tags(session: Session, target: str, object_id: int, tags: list[tuple[str, str, str]]) -> list[Tag]:
    """Attach ``(kind, name, source)`` tags to a media, activity or release; idempotent.

    A tag already attached keeps its first source: a manual tag stays manual even
    when the EXIF later says the same thing. Three statements for up to a thousand
    tags (one lookup of the tags, one of the object's links, the inserts), since
    ingest attaches a dozen to every photo; a longer list (a pasted one) is looked up
    a thousand slugs per statement, as an ``IN`` list: one condition per (kind, slug)
    made an expression deeper than SQLite parses (1,000).
    """
    link_model, column = LINKS[target]
    wanted = []
    for kind, name, source in tags:
        if not name or not str(name).strip():
            continue
        name = " ".join(str(name).split())
        wanted.append((kind, name, slugify(name), source))
    if not wanted:
        session.flush()
        return []
    keys = {(kind, slug) for kind, _name, slug, _source in wanted}
    slugs = sorted({slug for _kind, slug in keys})
    found = {}
    for start in range(0, len(slugs), IN_BATCH):
        for tag in session.scalars(select(Tag).where(Tag.slug.in_(slugs[start:start + IN_BATCH]))):
            if (tag.kind, tag.slug) in keys:
                found[(tag.kind, tag.slug)] = tag
    for kind, name, slug, _source in wanted:
        if (kind, slug) not in found:
            found[(kind, slug)] = Tag(kind=kind, name=name, slug=slug)
            session.add(found[(kind, slug)])
    session.flush()
    linked = set(session.scalars(select(link_model.tag_id).where(getattr(link_model, column) == object_id)))
    attached = []
    for kind, _name, slug, source in wanted:
        tag = found[(kind, slug)]
        if tag.id not in linked:
            session.add(link_model(**{column: object_id, "tag_id": tag.id}, source=source))
            linked.add(tag.id)
        attached.append(tag)
    session.flush()
    return attached


def tags_of(session: Session, target: str, object_id: int) -> list[tuple[Tag, str]]:
    link_model, column = LINKS[target]
    rows = session.execute(
        select(Tag, link_model.source).join(link_model, link_model.tag_id == Tag.id)
        .where(getattr(link_model, column) == object_id).order_by(Tag.kind, Tag.name)
    )
    return [(tag, source) for tag, source in rows]
