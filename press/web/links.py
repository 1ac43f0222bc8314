"""Where each kind of document is shown: the one way pages, feeds and the API link to it.

A kind (``"release"``, ``"photo"``, ``"note"`` …) names its staff page and its public page
as a real endpoint and the URL values taken from the document. ``staff_url(kind, ref)``
and ``public_url(kind, ref)`` build them; ``ref`` is the document or its id (the row is
loaded only when the values need more than the id, such as a release's slug).
``rendition_url`` is a photo's image: for staff through the staff-only view by photo id,
for the public by content hash (the public view decides whether the photo may be seen).

The kinds of this module are registered at the bottom; a feature adding a kind of
document (notifications, agenda entries, placements) registers it with one ``register``
call beside its blueprint. The audit trail names objects by their model (``"media"``),
so a kind may list such names as aliases.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from flask import Flask, current_app, url_for

from press.extensions import db
from press.models import Activity, Media, Note, Person, Release, Tag, Unit, User, Venue
from press.search.query_language import filter_term
from press.services.index_documents import TOPIC_TAG_KINDS

Values = Callable[[Any], dict]


class UnknownKind(LookupError):
    """A kind nobody registered: a typo, never a guess."""


@dataclass(frozen=True)
class Place:
    """An endpoint and how its URL values come from the document.

    ``values`` is either the name of the URL parameter holding the document's id, or a
    function of the loaded document returning the URL values."""

    endpoint: str
    values: str | Values

    def url(self, model, ref, *, external: bool) -> str | None:
        if isinstance(self.values, str):
            values = {self.values: ref if isinstance(ref, int) else ref.id}
        else:
            document = db.session.get(model, ref) if isinstance(ref, int) else ref
            if document is None:
                return None
            values = self.values(document)
        return absolute(self.endpoint, **values) if external else url_for(self.endpoint, **values)


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    staff: Place
    public: Place | None


_KINDS: dict[str, Kind] = {}
_ALIASES: dict[str, str] = {}


def register(name: str, model: type, *, staff: tuple[str, str | Values],
             public: tuple[str, str | Values] | None = None, aliases: tuple[str, ...] = ()) -> Kind:
    """Add a kind: its model, its staff page and (when the public may see it) its public page.

    ``staff``/``public`` are ``(endpoint, values)``: ``values`` the URL parameter taking
    the id, or a function of the document giving the URL values."""
    if name in _KINDS or name in _ALIASES:
        raise ValueError(f"link kind {name!r} registered twice")
    kind = Kind(name, model, Place(*staff), Place(*public) if public else None)
    _KINDS[name] = kind
    for alias in aliases:
        _ALIASES[alias] = name
    return kind


def kind_of(name: str) -> Kind:
    try:
        return _KINDS[_ALIASES.get(name, name)]
    except KeyError:
        raise UnknownKind(name) from None


def is_kind(name: str) -> bool:
    return _ALIASES.get(name, name) in _KINDS


def kinds() -> list[Kind]:
    return list(_KINDS.values())


def staff_url(kind: str, ref, *, external: bool = False) -> str | None:
    """The staff page of a document (``ref``: the document or its id); None when its row is gone."""
    found = kind_of(kind)
    return found.staff.url(found.model, ref, external=external)


def public_url(kind: str, ref, *, external: bool = False) -> str | None:
    """The public page of a document; None for a kind the public never sees or a row that is gone.

    The page itself decides whether this document may be seen (404 otherwise)."""
    found = kind_of(kind)
    return found.public.url(found.model, ref, external=external) if found.public else None


def rendition_url(media: Media, variant: str, *, public: bool = False, external: bool = False) -> str | None:
    """A photo's image in ``variant`` (else its web size, else any): None before it has one."""
    rendition = media.rendition(variant) or media.rendition("web") or (media.renditions[0] if media.renditions else None)
    if rendition is None:
        return None
    if public:
        endpoint, values = "site.rendition", {"sha256": rendition.sha256, "variant": rendition.variant}
    else:
        endpoint, values = "photos.rendition", {"media_id": media.id, "variant": rendition.variant,
                                                "v": rendition.sha256[:12]}
    return absolute(endpoint, **values) if external else url_for(endpoint, **values)


def absolute(endpoint: str, **values) -> str:
    """An absolute URL, on ``SITE_URL`` when configured (feeds, sitemap, OpenGraph, export)."""
    base = current_app.config.get("SITE_URL")
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def init_app(app: Flask) -> None:
    """The link builders as template globals."""
    for helper in (staff_url, public_url, rendition_url, is_kind):
        app.add_template_global(helper)
    app.add_template_global(absolute, "absolute_url")


def _staff_search(query: str) -> dict:
    return {"q": query}


def _tag_search(tag: Tag) -> dict:
    """A tag's documents in the staff search: person tags are indexed as people, the others as tags."""
    if tag.kind == "person":
        return _staff_search(filter_term("orang", tag.name))
    if tag.kind in TOPIC_TAG_KINDS:
        return _staff_search(filter_term("tag", tag.name))
    return _staff_search(filter_term("", tag.name))


register("activity", Activity, staff=("activities.view", "activity_id"), public=("site.gallery", "activity_id"))
register("release", Release, staff=("releases.view", "release_id"),
         public=("site.release", lambda release: {"ref": release.slug}))
register("photo", Media, staff=("photos.view", "media_id"), public=("site.photo", "media_id"), aliases=("media",))
register("photo_status", Media, staff=("photos.status", lambda media: {"id": media.id}))
register("note", Note, staff=("notes.view", "note_id"))
register("unit", Unit, staff=("admin.unit_edit", "unit_id"), public=("site.unit", lambda unit: {"slug": unit.slug}))
register("person", Person, staff=("search.index", lambda person: _staff_search(filter_term("orang", person.name))),
         public=("site.person", lambda person: {"slug": person.slug}))
register("tag", Tag, staff=("search.index", _tag_search),
         public=("site.tag", lambda tag: {"kind": tag.kind, "slug": tag.slug}))
register("venue", Venue, staff=("admin.venue_edit", "venue_id"))
register("user", User, staff=("admin.user_edit", "user_id"))
