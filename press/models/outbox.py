"""The outbox: every e-mail Siaran sends, one row per (purpose, object, address), written in
the transaction that causes it and sent later by the ``outbox.send`` job
(``press.services.outbox``); the addresses' delivery record; e-mail subscriptions.

A row whose ``subject`` is empty is written by its purpose's composer when it is sent
(release alerts, follow-ups, digests, assignment notices: ``data`` says what to write
about), so a publication adds its alerts with one ``INSERT … SELECT``.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import OutboxState, SubscriptionState

from .base import Base, UTCDateTime, utcnow


class OutboxMessage(Base):
    __tablename__ = "outbox_message"
    __table_args__ = (
        UniqueConstraint("purpose", "object_key", "address", name="uq_outbox_message_key"),
        Index("ix_outbox_message_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(24))
    object_key: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    sender_name: Mapped[str | None] = mapped_column(String(200))
    headers: Mapped[dict | None] = mapped_column(JSON)
    data: Mapped[dict | None] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(10), default=OutboxState.QUEUED.value)
    message_id: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # When the row may be tried next; once sent, when it was sent (the rate limit counts
    # the last minute's on the same index as the sender's search for due rows).
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When a sender marked it in flight (committed before the SMTP DATA).
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    images: Mapped[list["OutboxImage"]] = relationship(cascade="all, delete-orphan", order_by="OutboxImage.id")

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.purpose} {self.object_key} {self.state}>"


class OutboxImage(Base):
    """An image embedded in a message's HTML part, referred to as ``cid:<content_id>``."""

    __tablename__ = "outbox_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_message.id", ondelete="CASCADE"), index=True)
    content_id: Mapped[str] = mapped_column(String(120))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(60))


class MailOwed(Base):
    """Messages owed about one object (a release's alerts, the follow-ups of a change) to
    addresses not listed yet: the one row the transaction that publishes, corrects or
    retracts writes, however many subscribers there are. The send job expands it into one
    outbox row per address, a batch at a time (``cursor``: the last address queued,
    committed with its batch), and sets ``done_at``."""

    __tablename__ = "mail_owed"
    __table_args__ = (UniqueConstraint("purpose", "object_key", name="uq_mail_owed_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(24))
    object_key: Mapped[str] = mapped_column(String(120))
    data: Mapped[dict | None] = mapped_column(JSON)
    cursor: Mapped[str | None] = mapped_column(String(254))
    queued: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    def __repr__(self) -> str:
        return f"<MailOwed {self.id} {self.purpose} {self.object_key} {'done' if self.done_at else 'owed'}>"


class DigestListing(Base):
    """A release a digest message lists, recorded when the digest is queued: its follow-ups
    (a correction, a retraction) go to the digest's reader as to the alert's."""

    __tablename__ = "digest_listing"

    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_message.id", ondelete="CASCADE"), primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), primary_key=True, index=True)


class MailAddress(Base):
    """What delivery learnt of an address: permanent refusals in a row; disabled after three."""

    __tablename__ = "mail_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(254), unique=True)
    refusals: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Subscription(Base):
    """An address following all releases, a unit, a tag or an activity kind
    (``press.codes.SubscriptionScope``), at once or in the morning digest."""

    __tablename__ = "subscription"
    __table_args__ = (
        UniqueConstraint("address", "scope", "scope_value", name="uq_subscription_scope"),
        Index("ix_subscription_match", "state", "cadence", "scope", "scope_value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(254), index=True)
    scope: Mapped[str] = mapped_column(String(8))
    scope_value: Mapped[str] = mapped_column(String(60), default="")
    cadence: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(14), default=SubscriptionState.PENDING.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<Subscription {self.id} {self.scope}:{self.scope_value} {self.state}>"
