"""A writer's correction of what the extractor proposed, remembered for the activity.

Made on the review page (``press.services.note_corrections``): a rejected "person"
(``kind`` "not_person", ``wrong`` the name) or a fixed field of a person (``kind`` the
field: "title", "name", "honorifics", "ranks", "degrees"; ``source_name`` the name the
extractor gave, ``wrong`` the value it proposed, ``right`` the writer's). The next note of
the same activity is extracted with them applied; the admin's glossary page offers them,
across activities, as glossary additions.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import CorrectionKind

from .activity import Activity
from .base import Base, UTCDateTime, utcnow

CORRECTION_KINDS = tuple(CorrectionKind)


class NoteCorrection(Base):
    __tablename__ = "note_correction"
    __table_args__ = (UniqueConstraint("activity_id", "kind", "source_name", "wrong"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(12))
    source_name: Mapped[str] = mapped_column(String(200), default="")
    wrong: Mapped[str] = mapped_column(String(200))
    right: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    activity: Mapped[Activity] = relationship()

    def __repr__(self) -> str:
        return f"<NoteCorrection {self.kind} {self.wrong!r} -> {self.right!r} of activity {self.activity_id}>"
