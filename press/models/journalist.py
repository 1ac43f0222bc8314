"""Journalists and their outlets; scheduled releases opened to them and what they looked at.

A journalist is not a staff user: the account signs in on the public site, holds the
``journalist`` role of ``press.permissions`` and nothing else. Outlets are a register kept
by editors (the Media partners work builds on it); whether the Dewan Pers verified an
outlet is recorded by an editor only.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import EmbargoAudience, JournalistState

from .base import Base, UTCDateTime, utcnow
from .media import Media
from .release import Release
from .user import User


class Outlet(Base):
    __tablename__ = "outlet"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # ``press.text.name_key`` of the name: one outlet per name, whatever its spelling.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    site_url: Mapped[str | None] = mapped_column(String(300))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_on: Mapped[date | None] = mapped_column(Date)
    # Proposed by a journalist at registration, not yet looked at by an editor.
    proposed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<Outlet {self.name}>"


class Journalist(Base):
    __tablename__ = "journalist"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(256))
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlet.id"), index=True)
    whatsapp: Mapped[str] = mapped_column(String(20))
    """``+62…``, digits only after the plus."""
    credential: Mapped[str] = mapped_column(String(60))
    """The press card number or the competency certificate (UKW) number."""
    ukw_level: Mapped[str | None] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), default=JournalistState.PENDING.value, index=True)
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    outlet: Mapped[Outlet] = relationship()
    decided_by: Mapped[User | None] = relationship()

    @property
    def active(self) -> bool:
        """Only an approved journalist signs in (``accounts.check_credentials``)."""
        return self.state == JournalistState.APPROVED

    def session_id(self) -> str:
        """What the journalist's browser session holds: id and session version."""
        return f"{self.id}:{self.session_version or 0}"

    def __repr__(self) -> str:
        return f"<Journalist {self.email} {self.state}>"


class EmbargoOpening(Base):
    """A scheduled release an editor opened to approved journalists before its embargo ends."""

    __tablename__ = "embargo_opening"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), unique=True)
    audience: Mapped[str] = mapped_column(String(10), default=EmbargoAudience.ALL.value)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    release: Mapped[Release] = relationship()
    opened_by: Mapped[User | None] = relationship()


class EmbargoView(Base):
    """One look at an embargoed release by a journalist: the page, or a photo downloaded."""

    __tablename__ = "embargo_view"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    journalist_id: Mapped[int] = mapped_column(ForeignKey("journalist.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(10))
    media_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    journalist: Mapped[Journalist] = relationship()
    media: Mapped[Media | None] = relationship()
