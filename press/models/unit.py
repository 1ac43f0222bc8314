"""Units (OPD): the offices that host activities and employ staff, as a tree
(Pemerintah Kota → Sekretariat Daerah → Bagian Humas; Dinas Kesehatan → Puskesmas …).

A ``central`` unit is the Humas office that edits for every unit: its staff reach every
unit. A unit that ``publishes_itself`` has its approved releases published by its own
unit editor instead of the central editor (``press.permissions``, ``release.publish_unit``).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow


class Unit(Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    abbreviation: Mapped[str | None] = mapped_column(String(60))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    central: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    publishes_itself: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    parent: Mapped["Unit | None"] = relationship(remote_side="Unit.id")

    @property
    def label(self) -> str:
        return self.abbreviation or self.name

    def __repr__(self) -> str:
        return f"<Unit {self.slug}>"
