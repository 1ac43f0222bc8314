"""The office's WhatsApp groups and which published release was sent to which of them.

Staff paste a release into the groups by hand (WhatsApp has no API for groups); Siaran
keeps the register of groups (editors) and, per release, a tick per group with who sent
it and when, so the editor sees which groups still have to get it. The cut length of the
WhatsApp text is one office-wide setting (``WhatsAppSetting``, a single row).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .unit import Unit
from .user import User


class WhatsAppGroup(Base):
    __tablename__ = "whatsapp_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    admin: Mapped[str | None] = mapped_column(String(120))
    members: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    active: Mapped[bool] = mapped_column(default=True, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    unit: Mapped[Unit | None] = relationship()


class WhatsAppSend(Base):
    """One release sent to one group: who ticked it and when."""

    __tablename__ = "whatsapp_send"
    __table_args__ = (UniqueConstraint("release_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("whatsapp_group.id", ondelete="CASCADE"), index=True)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    group: Mapped[WhatsAppGroup] = relationship()
    sent_by: Mapped[User | None] = relationship()


class WhatsAppSetting(Base):
    """The office's one row (``id`` 1): where the WhatsApp text is cut."""

    __tablename__ = "whatsapp_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    cut_length: Mapped[int] = mapped_column(Integer)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

