"""Planning an activity: who is assigned to cover it, and the in-app notifications that
tell them (assigned, taken off, time changed, cancelled).

A notification stores its kind and the activity, never a sentence: the page writes it in
the reader's language. ``data`` holds what the sentence needs beyond the activity (the
time before a change).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import AssignmentRole, NotificationKind

from .activity import Activity
from .base import Base, UTCDateTime, utcnow
from .user import User

ASSIGNMENT_ROLES = tuple(AssignmentRole)
NOTIFICATION_KINDS = tuple(NotificationKind)


class Assignment(Base):
    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("activity_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(String(300))
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    activity: Mapped[Activity] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])

    def __repr__(self) -> str:
        return f"<Assignment {self.user_id} as {self.role} at activity {self.activity_id}>"


class Notification(Base):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    activity: Mapped[Activity] = relationship()
    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Notification {self.kind} of activity {self.activity_id} for {self.user_id}>"
