"""Media: one uploaded photo keyed by the SHA-256 of its bytes, its EXIF facts and renditions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import MediaStatus

from .activity import Activity
from .base import Base, UTCDateTime, utcnow
from .person import Person
from .photo_desk import Licence

media_person = Table(
    "media_person",
    Base.metadata,
    Column("media_id", ForeignKey("media.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
)


class Media(Base):
    __tablename__ = "media"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    original_filename: Mapped[str | None] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(40))
    bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    # Camera wall-clock time, with its UTC offset in minutes where the file records one.
    taken_at: Mapped[datetime | None] = mapped_column(index=True)
    taken_at_offset: Mapped[int | None] = mapped_column(Integer)
    make: Mapped[str | None] = mapped_column(String(120))
    model: Mapped[str | None] = mapped_column(String(120))
    lens: Mapped[str | None] = mapped_column(String(200))
    exposure_time: Mapped[float | None] = mapped_column(Float)
    f_number: Mapped[float | None] = mapped_column(Float)
    iso: Mapped[int | None] = mapped_column(Integer)
    focal_length: Mapped[float | None] = mapped_column(Float)
    orientation: Mapped[int | None] = mapped_column(Integer)
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    exif_problems: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=MediaStatus.OK.value)
    problems: Mapped[list] = mapped_column(JSON, default=list)
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(String(200))
    copyright: Mapped[str | None] = mapped_column(String(200))
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    is_highlight: Mapped[bool] = mapped_column(Boolean, default=False)
    # Usage rights: a licence of the admin's list (``photo_desk.Licence``) and free-text restrictions.
    licence_id: Mapped[int | None] = mapped_column(ForeignKey("licence.id", ondelete="SET NULL"))
    restrictions: Mapped[str | None] = mapped_column(Text)
    dhash: Mapped[str | None] = mapped_column(String(16))
    sharpness: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Moves on every change the public may see (caption, credit, flags, renditions):
    # the public site's Last-Modified is derived from it (``public.last_change``).
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)
    # A sensitive subject (``SensitiveSubject``): never public without a consent record covering it.
    sensitive: Mapped[str | None] = mapped_column(String(30))
    # Where the crops are centred, as fractions of the upright width and height (None: the centre).
    focal_x: Mapped[float | None] = mapped_column(Float)
    focal_y: Mapped[float | None] = mapped_column(Float)
    # The crops are to be (re)made by the ``media.crops`` job.
    crops_pending: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # The private files the crops are cut from (``press.photos.crop_sources``): a list of
    # {"name", "sha256", "width", "height"}; never served, never in ``renditions``.
    crop_sources: Mapped[list | None] = mapped_column(JSON, default=list)

    activity: Mapped[Activity | None] = relationship()
    renditions: Mapped[list["Rendition"]] = relationship(
        back_populates="media", cascade="all, delete-orphan"
    )
    people: Mapped[list[Person]] = relationship(secondary=media_person)
    licence: Mapped[Licence | None] = relationship()
    consents: Mapped[list["ConsentRecord"]] = relationship(  # noqa: F821 (press.models.consent)
        back_populates="media", cascade="all, delete-orphan", order_by="ConsentRecord.id")

    @property
    def exposure_label(self) -> str | None:
        if not self.exposure_time:
            return None
        if self.exposure_time >= 1:
            return f"{self.exposure_time:g} s"
        return f"1/{round(1 / self.exposure_time)} s"

    def rendition(self, variant: str) -> "Rendition | None":
        return next((r for r in self.renditions if r.variant == variant), None)

    @property
    def renditions_pending(self) -> bool:
        """Its renditions are still being made (the ``media.process`` job has not finished
        it): pages show "sedang diproses" in its place, never an image that is not there."""
        return self.status == MediaStatus.PROCESSING or (self.status == MediaStatus.OK and not self.renditions)

    @property
    def usable_in_release(self) -> bool:
        """Whole pixels and a web rendition: a photo a release may carry."""
        return self.status == MediaStatus.OK and self.rendition("web") is not None

    def __repr__(self) -> str:
        return f"<Media {self.id} {self.sha256[:12]}>"


class Rendition(Base):
    __tablename__ = "rendition"

    id: Mapped[int] = mapped_column(primary_key=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), index=True)
    variant: Mapped[str] = mapped_column(String(20))
    # SHA-256 of the rendition file: it changes when the caption is rewritten,
    # so a public URL that carries it names one version of the file.
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(300))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)

    media: Mapped[Media] = relationship(back_populates="renditions")
