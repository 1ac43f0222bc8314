"""Consent records: a person's signed agreement that photos of a sensitive subject
(``Media.sensitive``) may be public, for a stated use, until a date.

The signed form is a scan in the blob store (``form_sha256``). A record covers its photo
from when it is recorded until ``valid_until`` (inclusive, the office's calendar) unless
withdrawn. ``lapse_handled_at`` is when the consent job took the photo off the public
places after the record lapsed (expired or withdrawn), so that is done once.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .media import Media


class ConsentRecord(Base):
    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), index=True)
    given_by: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(300))
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    form_sha256: Mapped[str] = mapped_column(String(64))
    form_mime: Mapped[str] = mapped_column(String(40))
    form_bytes: Mapped[int] = mapped_column(Integer)
    form_filename: Mapped[str | None] = mapped_column(String(255))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    lapse_handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    media: Mapped[Media] = relationship(back_populates="consents")

    def covers(self, day: date) -> bool:
        """Whether this record lets its photo be public on ``day``."""
        return self.withdrawn_at is None and self.valid_until >= day
