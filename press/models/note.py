"""Notes: the cleaned text of a writer's note and what the extractor found in it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import ExtractionState

from .activity import Activity
from .base import Base, UTCDateTime, utcnow

NOTE_SOURCES = ("typed", "txt", "md", "docx")


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    source: Mapped[str] = mapped_column(String(10))
    filename: Mapped[str | None] = mapped_column(String(255))
    encoding: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    cleaning: Mapped[dict] = mapped_column(JSON, default=dict)
    extraction: Mapped[dict] = mapped_column(JSON, default=dict)
    extraction_state: Mapped[str] = mapped_column(
        String(10), default=ExtractionState.DONE.value, server_default=ExtractionState.DONE.value
    )
    # Items the writer accepted or corrected, in the extraction's shape.
    accepted: Mapped[dict] = mapped_column(JSON, default=dict)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    activity: Mapped[Activity] = relationship()

    @property
    def extracted(self) -> bool:
        return self.extraction_state == ExtractionState.DONE
