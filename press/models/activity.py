"""Activities (kegiatan) and their participants."""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import ActivityKind, ActivityState, ParticipantRole, PpidClass

from .base import Base, UTCDateTime, utcnow
from .person import Person
from .unit import Unit
from .venue import Venue

ACTIVITY_KINDS = tuple(kind.value for kind in ActivityKind)

PARTICIPANT_ROLES = tuple(role.value for role in ParticipantRole)

ACTIVITY_STATES = tuple(state.value for state in ActivityState)


class Activity(Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    # Local wall-clock date and time of the activity (WIB/WITA/WIT as the unit lives).
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at_time: Mapped[time | None] = mapped_column(Time)
    ends_at_time: Mapped[time | None] = mapped_column(Time)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    guest_body: Mapped[str | None] = mapped_column(String(300))
    topic: Mapped[str | None] = mapped_column(String(400))
    summary: Mapped[str | None] = mapped_column(Text)
    # The public-information class (``PpidClass``); the activity's photos follow it.
    ppid_class: Mapped[str] = mapped_column(
        String(16), default=PpidClass.SETIAP_SAAT.value, server_default=PpidClass.SETIAP_SAAT.value
    )
    state: Mapped[str] = mapped_column(
        String(12), default=ActivityState.PLANNED.value, server_default=ActivityState.PLANNED.value, index=True
    )
    # The public agenda (``/agenda``, ``/agenda.ics``) shows only activities marked for it;
    # the dress code and the contact are what a press invitation tells journalists.
    on_agenda: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    dress_code: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(300))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    venue: Mapped[Venue | None] = relationship()
    unit: Mapped[Unit] = relationship()
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="activity",
        cascade="all, delete-orphan",
        order_by="Participant.position",
    )

    def participants_in(self, role: str) -> list["Participant"]:
        return [p for p in self.participants if p.role == role]

    def __repr__(self) -> str:
        return f"<Activity {self.id} {self.kind} {self.starts_on}>"


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12), default=ParticipantRole.ATTENDEE.value)
    position: Mapped[int] = mapped_column(Integer, default=0)

    activity: Mapped[Activity] = relationship(back_populates="participants")
    person: Mapped[Person | None] = relationship()

    @property
    def title_and_name(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name

    def __repr__(self) -> str:
        return f"<Participant {self.name!r} {self.role}>"
