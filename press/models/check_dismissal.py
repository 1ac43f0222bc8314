"""A finding of the editorial checks an editor chose to leave ("biarkan") in one release.

Kept by (check, text, occurrence): the check's code, the text the finding spans and which
occurrence of that (check, text) pair it is in the release, counted in text order, so the
choice survives edits elsewhere in the text.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class CheckDismissal(Base):
    __tablename__ = "check_dismissal"
    __table_args__ = (UniqueConstraint("release_id", "code", "text", "occurrence", name="uq_check_dismissal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    """The check's code (``press.drafting.finding.CODES``); not named ``check``, an SQL keyword."""
    text: Mapped[str] = mapped_column(String(300))
    occurrence: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<CheckDismissal {self.code} {self.text!r} #{self.occurrence} of release {self.release_id}>"
