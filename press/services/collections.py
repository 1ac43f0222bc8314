"""Collections: photos of one theme (HUT Kota, Ramadan, a flood response) across activities.

Named, ordered by staff, with a cover photo, public or not (``photo.collect``: the central
editors). A public collection has its page, feed and ZIP on the public site, which show
only its photos the one public rule allows (``public.public_media_condition``), in the
collection's order; its cover is the chosen photo when that one is public, else its first
public photo. No Flask; nothing here commits.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from press.errors import N_, ServiceError
from press.models import Collection, CollectionItem, Media, User, utcnow
from press.text import slugify

from . import access, public
from .audit import record as audit
from .bulk_edit import parse_ids


class CollectionError(ServiceError):
    pass


def _require(session: Session, actor: User | None) -> None:
    access.require_user(session, actor, "photo.collect", None, error=CollectionError)


def _unique_slug(session: Session, name: str) -> str:
    base = slugify(name)[:200] or "koleksi"
    slug, number = base, 1
    while session.scalar(select(Collection.id).where(Collection.slug == slug)) is not None:
        number += 1
        slug = f"{base}-{number}"
    return slug


def save(session: Session, actor: User | None, *, name: str, description: str | None = None,
         public_: bool = False, cover_id: int | None = None, collection: Collection | None = None) -> Collection:
    """Create a collection (``collection`` None) or change its name, description, cover and visibility."""
    _require(session, actor)
    name = " ".join((name or "").split())
    description = (description or "").strip() or None
    if not name or len(name) > 200:
        raise CollectionError(N_("Nama koleksi wajib diisi, paling panjang 200 karakter."))
    if description and len(description) > 2000:
        raise CollectionError(N_("Keterangan koleksi paling panjang 2000 karakter."))
    if cover_id is not None and (collection is None or cover_id not in {i.media_id for i in collection.items}):
        raise CollectionError(N_("Sampul harus salah satu foto koleksi ini."))
    if collection is None:  # the slug is given once: the public address stays when the name changes
        collection = Collection(items=[], slug=_unique_slug(session, name))
        session.add(collection)
    collection.name, collection.description, collection.is_public = name, description, bool(public_)
    collection.cover_id = cover_id
    session.flush()
    audit(session, actor, "collection.save", collection, name=name, public=collection.is_public)
    return collection


def add_photos(session: Session, actor: User | None, collection: Collection, media_ids) -> list[int]:
    """Append photos (ids as typed) in the order given; those already in it stay where they are."""
    _require(session, actor)
    ids = parse_ids(media_ids)
    known = set(session.scalars(select(Media.id).where(Media.id.in_(ids))))
    missing = [i for i in ids if i not in known]
    if missing:
        raise CollectionError(N_("Foto tidak ada: %(ids)s."), ids=", ".join(map(str, missing[:10])))
    present = {i.media_id for i in collection.items}
    position = max((i.position for i in collection.items), default=0)
    added = []
    for media_id in ids:
        if media_id not in present:
            position += 1
            collection.items.append(CollectionItem(media_id=media_id, position=position))
            added.append(media_id)
    collection.updated_at = utcnow()
    session.flush()
    audit(session, actor, "collection.add", collection, media=added)
    return added


def remove_photo(session: Session, actor: User | None, collection: Collection, media_id: int) -> None:
    _require(session, actor)
    item = next((i for i in collection.items if i.media_id == media_id), None)
    if item is None:
        raise CollectionError(N_("Foto itu tidak ada di koleksi ini."))
    collection.items.remove(item)
    if collection.cover_id == media_id:
        collection.cover_id = None
    collection.updated_at = utcnow()
    session.flush()
    audit(session, actor, "collection.remove", collection, media=media_id)


def move_photo(session: Session, actor: User | None, collection: Collection, media_id: int, step: int) -> None:
    """Move a photo one place up (``step`` -1) or down (+1)."""
    _require(session, actor)
    items = sorted(collection.items, key=lambda i: (i.position, i.media_id))
    index = next((n for n, i in enumerate(items) if i.media_id == media_id), None)
    if index is None:
        raise CollectionError(N_("Foto itu tidak ada di koleksi ini."))
    other = index + (1 if step > 0 else -1)
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items, start=1):
        item.position = position
    collection.updated_at = utcnow()
    session.flush()
    audit(session, actor, "collection.order", collection, media=[i.media_id for i in items])


def all_collections(session: Session) -> list[tuple[Collection, int]]:
    """Every collection with its number of photos, by name (staff, ``flask collections list``)."""
    counts = dict(session.execute(select(CollectionItem.collection_id, func.count())
                                  .group_by(CollectionItem.collection_id)).all())
    rows = session.scalars(select(Collection).order_by(Collection.name, Collection.id))
    return [(c, counts.get(c.id, 0)) for c in rows]


def photos_of(session: Session, collection: Collection, *, only_public: bool) -> list[Media]:
    """The collection's photos in its order; ``only_public``: those the public may see."""
    query = (select(Media).join(CollectionItem, CollectionItem.media_id == Media.id)
             .where(CollectionItem.collection_id == collection.id)
             .order_by(CollectionItem.position, CollectionItem.media_id)
             .options(selectinload(Media.renditions), selectinload(Media.licence)))
    if only_public:
        query = query.where(public.public_media_condition())
    return list(session.scalars(query))


def public_collections(session: Session) -> list[tuple[Collection, list[Media]]]:
    """Public collections with at least one public photo, by name, with those photos."""
    found = []
    for collection in session.scalars(select(Collection).where(Collection.is_public.is_(True)).order_by(Collection.name)):
        photos = photos_of(session, collection, only_public=True)
        if photos:
            found.append((collection, photos))
    return found


def public_collection(session: Session, slug: str) -> tuple[Collection, list[Media]] | None:
    """A public collection by slug with its public photos; None when not public or empty."""
    collection = session.scalar(select(Collection).where(Collection.slug == slug, Collection.is_public.is_(True)))
    if collection is None:
        return None
    photos = photos_of(session, collection, only_public=True)
    return (collection, photos) if photos else None


def cover_of(collection: Collection, photos: list[Media]) -> Media | None:
    """The chosen cover if it is among ``photos`` (those shown), else the first of them."""
    return next((m for m in photos if m.id == collection.cover_id), photos[0] if photos else None)


def as_dict(collection: Collection, count: int) -> dict:
    return {"id": collection.id, "name": collection.name, "slug": collection.slug, "public": collection.is_public,
            "cover_id": collection.cover_id, "photos": count}
