"""The photo desk: usage licences, bulk edits (with what each changed, for undo) and collections.

A ``Licence`` is one entry of the list the admin keeps ("Boleh dipakai media dengan
kredit", CC BY 4.0, "Hanya untuk internal"); an ``internal`` one keeps every photo under
it off the public side (``press.services.public``). A ``BulkEdit`` remembers, per photo,
the values before and after, so it can be undone; ``pending`` are the photos whose public
renditions still wait for the ``photos.bulk-render`` job. A ``Collection`` gathers photos
across activities in the order staff give them.
"""
from __future__ import annotations

from datetime import datetime
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow

BULK_STATES = ("applied", "undone")


class Licence(Base):
    __tablename__ = "licence"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(300))
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<Licence {self.code}>"


class UnitLicence(Base):
    """The licence a unit's new photos get."""

    __tablename__ = "unit_licence"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licence.id", ondelete="CASCADE"))


class BulkEdit(Base):
    __tablename__ = "photo_bulk_edit"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    state: Mapped[str] = mapped_column(String(10), default="applied")
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    # [{"id": media id, "before": {...}, "after": {...}}] for each photo changed
    photos: Mapped[list] = mapped_column(JSON, default=list)
    # [{"media_id": id, "code": ..., ...params}] for each photo refused
    refused: Mapped[list] = mapped_column(JSON, default=list)
    pending: Mapped[list] = mapped_column(JSON, default=list)
    rendered: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the photos an undo left as they were, edited again since
    kept: Mapped[list] = mapped_column(JSON, default=list)


class Collection(Base):
    __tablename__ = "collection"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    cover: Mapped["Media | None"] = relationship("Media")  # noqa: F821 (media.py imports this module)
    items: Mapped[list["CollectionItem"]] = relationship(
        back_populates="collection", cascade="all, delete-orphan", order_by="CollectionItem.position")


class CollectionItem(Base):
    __tablename__ = "collection_item"

    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id", ondelete="CASCADE"), primary_key=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    collection: Mapped[Collection] = relationship(back_populates="items")
    media: Mapped["Media"] = relationship("Media")  # noqa: F821
