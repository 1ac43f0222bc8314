"""A public photo whose ``print`` rendition was asked for and is not made yet.

The ``media.print`` job's pending work: made on a journalist's first request (never on
ingest), the row goes once the rendition exists, so a lost job is picked up by the next run.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class PrintRequest(Base):
    __tablename__ = "print_request"

    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), primary_key=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
