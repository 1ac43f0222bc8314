"""Units (OPD): the offices that host activities and employ staff."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow


class Unit(Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    abbreviation: Mapped[str | None] = mapped_column(String(60))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    parent: Mapped["Unit | None"] = relationship(remote_side="Unit.id")

    @property
    def label(self) -> str:
        return self.abbreviation or self.name

    def __repr__(self) -> str:
        return f"<Unit {self.slug}>"
