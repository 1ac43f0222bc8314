"""What goes into a search index: documents and the changes that carry them.

Owns :class:`Document` (everything the staff index may hold), :class:`PublicDocument`
(the only type the public index accepts, and which cannot be built from anything
unpublished) and the change records :class:`Upsert` and :class:`Delete`. Plain
dataclasses; imports nothing but the standard library.

A kind of thing becomes searchable by building a ``Document`` for it; there is no
other mechanism. ``status`` carries what decides public visibility: the release
state for releases (``draft`` … ``published``, ``retracted``) and ``public`` or
``private`` for photos.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Union

from press.codes import ReleaseState

# Who reads a document in the staff index: every staff member (``READ_BY_ALL``), or the
# staff whose reach holds its unit (``unit_token``): published and retracted releases and
# public photos are open to all staff; activities, notes and the rest only to their unit.
READ_BY_ALL = "all"


def unit_token(unit_id: int | None) -> str:
    return f"u{unit_id or 0}"


# The kinds of document in the indexes.
DOCUMENT_KINDS = ("activity", "release", "photo", "note")
PUBLIC_STATUSES = {"release": ReleaseState.PUBLISHED, "photo": "public"}


class NotPublicError(ValueError):
    """Raised when a public document is built from something that is not published."""


def doc_key(kind: str, id: Any) -> str:
    """The unique key of a document in both indexes: ``kind:id``."""
    return f"{kind}:{id}"


@dataclass(frozen=True)
class Document:
    """One searchable thing as the staff index sees it."""

    kind: str
    id: Any
    title: str = ""
    body: str = ""
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    unit: str = ""
    unit_id: int | None = None
    activity_kind: str = ""
    tags: tuple[str, ...] = ()
    date: datetime | None = None
    status: str = ""
    url: str = ""
    thumbnail_key: str = ""
    payload: Any = None

    def __post_init__(self):
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}; expected one of {DOCUMENT_KINDS}")
        if self.id is None or str(self.id) == "":
            raise ValueError("a document needs an id")
        for name in ("people", "organisations", "places", "tags"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(v for v in value if v))

    @property
    def key(self) -> str:
        return doc_key(self.kind, self.id)

    @property
    def is_public(self) -> bool:
        """True when this thing may be seen without login (a published release, a public photo)."""
        return PUBLIC_STATUSES.get(self.kind) == self.status

    @property
    def readers(self) -> str:
        """:data:`READ_BY_ALL` for what every staff member reads, else its unit's token."""
        open_to_staff = self.is_public or (self.kind == "release" and self.status == ReleaseState.RETRACTED)
        return READ_BY_ALL if open_to_staff else unit_token(self.unit_id)

    def to_public(self) -> "PublicDocument":
        """The public twin of this document; raises :class:`NotPublicError` if it is not public."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(Document)}
        return PublicDocument(**values)


@dataclass(frozen=True)
class PublicDocument(Document):
    """A document the public index may hold. Building one for anything unpublished raises."""

    def __post_init__(self):
        super().__post_init__()
        if not self.is_public:
            raise NotPublicError(
                f"{self.key} with status {self.status!r} is not public: only "
                + ", ".join(f"{k} {v}" for k, v in PUBLIC_STATUSES.items())
                + " may reach the public index"
            )


@dataclass(frozen=True)
class Upsert:
    """Write ``document`` to the staff index, and to the public one only if it is a
    :class:`PublicDocument`; otherwise its key is removed from the public index, which is
    how an unpublished or retracted release leaves it."""

    document: Document

    @property
    def key(self) -> str:
        return self.document.key


@dataclass(frozen=True)
class Delete:
    """Remove ``kind:id`` from both indexes."""

    kind: str
    id: Any

    @property
    def key(self) -> str:
        return doc_key(self.kind, self.id)


Change = Union[Upsert, Delete]


def upsert(document: Document) -> Upsert:
    """The change for ``document``: public twin if it is public, staff-only otherwise."""
    if document.is_public and not isinstance(document, PublicDocument):
        document = document.to_public()
    return Upsert(document)


def last_change_per_key(changes: Iterable[Change]) -> list[Change]:
    """The batch as written: one change per key, the last one given, a public document's
    upsert made its public twin's."""
    latest: dict[str, Change] = {}
    for change in changes:
        if isinstance(change, Upsert) and change.document.is_public and not isinstance(change.document, PublicDocument):
            change = upsert(change.document)
        latest.pop(change.key, None)
        latest[change.key] = change
    return list(latest.values())
