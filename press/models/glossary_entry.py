"""The admin's additions to the built-in glossary, one row per glossary key.

Kept in the database, not in a node's instance folder, so every web node and worker
reads the same glossary and sees a change at once. ``value`` is the key's JSON, shaped as
the built-in value (``press.notes.glossary``); ``position`` keeps the admin's order.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class GlossaryEntry(Base):
    __tablename__ = "glossary_entry"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<GlossaryEntry {self.key}>"
