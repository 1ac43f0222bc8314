"""Releases (siaran pers): the text, its photos, its revisions and its workflow state."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import PpidClass, ReleaseState

from .activity import Activity
from .base import Base, UTCDateTime, utcnow
from .media import Media
from .unit import Unit

RELEASE_STATES = tuple(state.value for state in ReleaseState)


class Release(Base):
    __tablename__ = "release"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    slug: Mapped[str] = mapped_column(String(240), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    dateline: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str | None] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(12), default=ReleaseState.DRAFT.value, index=True)
    # The public-information class (``PpidClass``); a ``dikecualikan`` release is never public.
    ppid_class: Mapped[str] = mapped_column(
        String(16), default=PpidClass.SETIAP_SAAT.value, server_default=PpidClass.SETIAP_SAAT.value
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    embargo_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    corrected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    correction_note: Mapped[str | None] = mapped_column(Text)
    retracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retraction_notice: Mapped[str | None] = mapped_column(Text)
    # Incremented on every save; a save that names an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    activity: Mapped[Activity | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    photos: Mapped[list["ReleasePhoto"]] = relationship(
        back_populates="release", cascade="all, delete-orphan", order_by="ReleasePhoto.position"
    )
    revisions: Mapped[list["Revision"]] = relationship(
        back_populates="release", cascade="all, delete-orphan", order_by="Revision.number"
    )

    def __repr__(self) -> str:
        return f"<Release {self.id} {self.state}>"


class ReleasePhoto(Base):
    __tablename__ = "release_photo"
    __table_args__ = (UniqueConstraint("release_id", "media_id", name="uq_release_photo_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str | None] = mapped_column(Text)

    release: Mapped[Release] = relationship(back_populates="photos")
    media: Mapped[Media] = relationship()


class Revision(Base):
    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("release_id", "number", name="uq_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    dateline: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(String(60))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    release: Mapped[Release] = relationship(back_populates="revisions")


class ReleaseSlug(Base):
    """A slug a release was known by before its current one.

    The slug follows the headline until the release is first published; each slug it
    leaves is kept here, so an old address answers 301 to the current one once the
    release is public and no other release can take it.
    """

    __tablename__ = "release_slug"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(240), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReleaseTemplate(Base):
    """An admin's version of an activity kind's release template.

    The files under ``templates/releases/`` are the defaults; a row here overrides the
    file for its kind (or adds a named template) without a deploy.
    """

    __tablename__ = "release_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), unique=True)
    source: Mapped[str] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
