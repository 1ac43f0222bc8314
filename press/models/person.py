"""The people register: persons with their ranks, honorifics and degrees kept apart from the
name, and the positions they held.

A position is a title held in a unit (or a named organisation) from a date to a date,
possibly as acting holder ("Plt.", "Pj.", "Plh.", "Pjs."), so that "the Bupati on
30 September 2021" has one answer.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .unit import Unit

ACTING_PREFIXES = ("Plt.", "Plh.", "Pj.", "Pjs.")


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    ranks: Mapped[str | None] = mapped_column(String(120))
    """Military or police rank and corps as written ("Letkol Kav"), apart from the honorifics."""
    honorifics: Mapped[str | None] = mapped_column(String(120))
    degrees: Mapped[str | None] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    positions: Mapped[list["Position"]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Position.starts_on"
    )

    @property
    def full_name(self) -> str:
        """The name as written formally: "Letkol Kav H. Nama, S.Sos., M.Si" (ranks,
        honorifics, name, degrees)."""
        parts = [self.ranks, self.honorifics, self.name]
        text = " ".join(p for p in parts if p)
        return f"{text}, {self.degrees}" if self.degrees else text

    def position_on(self, day: date) -> "Position | None":
        held = [p for p in self.positions if p.held_on(day)]
        return held[-1] if held else None

    def __repr__(self) -> str:
        return f"<Person {self.name!r}>"


class Position(Base):
    __tablename__ = "position"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    acting: Mapped[str | None] = mapped_column(String(8))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    organisation: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="positions")
    unit: Mapped[Unit | None] = relationship()

    def held_on(self, day: date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or day <= self.ends_on
        )

    @property
    def display_title(self) -> str:
        return f"{self.acting} {self.title}" if self.acting else self.title

    def __repr__(self) -> str:
        return f"<Position {self.display_title!r} of person {self.person_id}>"
