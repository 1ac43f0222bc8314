"""Placements of releases with media partners, their proofs of publication, and clippings.

A placement is one published release sent to one partner to publish; its state
(``press.codes.PlacementState``) moves from ``sent`` to ``proof_received`` when the partner
(through the signed link) or staff give a proof, to ``verified`` or ``rejected`` when an
editor decides, or to ``late`` when the daily job finds the due date passed with no proof.
Every check of a page (``ProofCheck``) is kept, with its snapshot in the blob store; files
for print, TV, radio and social media are ``ProofFile`` rows. A clipping is coverage
nobody paid for, checked the same way.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (JSON, Boolean, CheckConstraint, Date, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from press.codes import PlacementState

from .base import Base, UTCDateTime, utcnow
from .journalist import Outlet
from .partner import Contract, Partner
from .release import Release
from .user import User

MAX_URL = 2000


class Placement(Base):
    """A release placed with a partner: due by ``due_on``; ``verdict`` and ``published_on``
    (the publication date the editor accepted; the monthly report counts a piece in its
    month) are set when an editor decides; ``rejection_reason`` when they reject.
    ``proof_url`` is the last page address given as proof."""

    __tablename__ = "placement"
    __table_args__ = (UniqueConstraint("release_id", "partner_id", name="uq_placement_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id", ondelete="SET NULL"), index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(16), default=PlacementState.SENT.value, index=True)
    proof_url: Mapped[str | None] = mapped_column(String(MAX_URL))
    proof_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verdict: Mapped[str | None] = mapped_column(String(16))
    published_on: Mapped[date | None] = mapped_column(Date, index=True)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    release: Mapped[Release] = relationship()
    partner: Mapped[Partner] = relationship()
    contract: Mapped[Contract | None] = relationship()
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    checks: Mapped[list["ProofCheck"]] = relationship(back_populates="placement", order_by="ProofCheck.id",
                                                      cascade="all, delete-orphan")
    files: Mapped[list["ProofFile"]] = relationship(back_populates="placement", order_by="ProofFile.id",
                                                    cascade="all, delete-orphan")

    @property
    def latest_check(self) -> "ProofCheck | None":
        return self.checks[-1] if self.checks else None

    def __repr__(self) -> str:
        return f"<Placement {self.id} {self.state}>"


class Clipping(Base):
    """Coverage nobody paid for: a page of an outlet that wrote about a release, on
    ``published_on``; checked like a proof (its ``checks``), counted apart in the report."""

    __tablename__ = "clipping"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"), index=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlet.id"), index=True)
    url: Mapped[str] = mapped_column(String(MAX_URL))
    published_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    release: Mapped[Release] = relationship()
    outlet: Mapped[Outlet] = relationship()
    checks: Mapped[list["ProofCheck"]] = relationship(back_populates="clipping", order_by="ProofCheck.id",
                                                      cascade="all, delete-orphan")

    @property
    def latest_check(self) -> "ProofCheck | None":
        return self.checks[-1] if self.checks else None


class ProofCheck(Base):
    """One run of the proof check on a page (of a placement, or of a clipping): asked for
    (``checked_at`` empty) and run by the ``proofs.check`` job. The snapshot is one blob of
    the store (``snapshot_key``): a ZIP of the pages as received, the extracted text and a
    manifest (URLs, statuses, SHA-256 of each page, fetched at), written by ``press.proofs``;
    ``sha256`` is that of the pages' bytes, ``fetched_at`` when they were fetched. Then what
    the comparison found: the share of the release's sentences on the page
    (``similarity``), the paragraphs missing or changed, the page's title and date, the
    advertorial label seen (``label_found``, the words), the reasons as codes with
    parameters, and the verdict it proposes (``press.codes.ProofVerdict``); a refusal of the
    fetch as its code and parameters (``refusal``: verdict ``unreachable``).
    ``requested_by`` empty: the partner, through the placement's link (or the system)."""

    __tablename__ = "proof_check"
    __table_args__ = (CheckConstraint("(placement_id IS NULL) <> (clipping_id IS NULL)", name="one_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    clipping_id: Mapped[int | None] = mapped_column(ForeignKey("clipping.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(MAX_URL))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    final_url: Mapped[str | None] = mapped_column(String(MAX_URL))
    snapshot_key: Mapped[str | None] = mapped_column(String(64))
    sha256: Mapped[str | None] = mapped_column(String(64))
    page_title: Mapped[str | None] = mapped_column(String(500))
    title_match: Mapped[bool | None] = mapped_column(Boolean)
    similarity: Mapped[float | None] = mapped_column(Float)
    label_found: Mapped[str | None] = mapped_column(String(60))
    page_date: Mapped[date | None] = mapped_column(Date)
    page_date_from: Mapped[str | None] = mapped_column(String(30))
    missing_paragraphs: Mapped[list] = mapped_column(JSON, default=list)
    changed_paragraphs: Mapped[list] = mapped_column(JSON, default=list)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    verdict: Mapped[str | None] = mapped_column(String(16))
    refusal: Mapped[dict | None] = mapped_column(JSON)

    placement: Mapped[Placement | None] = relationship(back_populates="checks")
    clipping: Mapped[Clipping | None] = relationship(back_populates="checks")
    requested_by: Mapped[User | None] = relationship()

    @property
    def done(self) -> bool:
        return self.checked_at is not None


class ProofFile(Base):
    """A proof an editor judges by eye (print, TV, radio, social media): a scan, photo, PDF
    or screenshot in the blob store (``sha256``), or a recording's reference (``reference``:
    programme, air time, archive number) with no file."""

    __tablename__ = "proof_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    sha256: Mapped[str | None] = mapped_column(String(64))
    mime: Mapped[str | None] = mapped_column(String(60))
    size: Mapped[int | None] = mapped_column(Integer)
    filename: Mapped[str | None] = mapped_column(String(255))
    reference: Mapped[str | None] = mapped_column(Text)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="files")
