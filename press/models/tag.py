"""Tags (kind + name) and their links to media, activities and releases, with the source."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base

TAG_KINDS = ("person", "organisation", "place", "topic", "camera", "date", "kind", "unit", "venue")
TAG_SOURCES = ("exif", "notes", "activity", "manual", "gps")


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("kind", "slug", name="uq_tag_kind_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(220), index=True)

    def __repr__(self) -> str:
        return f"<Tag {self.kind}:{self.name}>"


class MediaTag(Base):
    __tablename__ = "media_tag"

    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String(10))

    tag: Mapped[Tag] = relationship()


class ActivityTag(Base):
    __tablename__ = "activity_tag"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String(10))

    tag: Mapped[Tag] = relationship()


class ReleaseTag(Base):
    __tablename__ = "release_tag"

    release_id: Mapped[int] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String(10))

    tag: Mapped[Tag] = relationship()
