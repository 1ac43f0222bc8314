"""Media partners and their contracts: the outlets the office pays to publish its releases
as advertorials.

A partner is an outlet of the register (``Outlet``: name, kind, site, Dewan Pers
verification) with what paying it needs: the legal entity, its address and a contact.
A contract sets what one partner is paid for, over a period, and for which units.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .journalist import Outlet
from .unit import Unit

contract_unit = Table(
    "contract_unit",
    Base.metadata,
    Column("contract_id", ForeignKey("contract.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True),
)
"""The units a contract serves: their releases may be placed with the partner under it."""


class Partner(Base):
    """A media partner: one outlet of the register (one partner per outlet) with its legal
    entity (``PT …``, the name on the invoice), postal address and contact person."""

    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlet.id"), unique=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    outlet: Mapped[Outlet] = relationship(lazy="joined")
    contracts: Mapped[list["Contract"]] = relationship(back_populates="partner", order_by="Contract.starts_on",
                                                       cascade="all, delete-orphan")

    @property
    def name(self) -> str:
        return self.outlet.name

    def __repr__(self) -> str:
        return f"<Partner {self.outlet_id}>"


class Contract(Base):
    """A contract with a partner: its number, the period it runs (inclusive), its total value
    and the rate paid per published piece (whole rupiah, gross), the quota of pieces, the
    days after sending a piece is due (``due_days``) and the days a publication date may
    miss the due date and still count (``tolerance_days``); the units it serves."""

    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(80), unique=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    rate: Mapped[int] = mapped_column(BigInteger)
    quota: Mapped[int] = mapped_column(Integer)
    due_days: Mapped[int] = mapped_column(Integer, default=3)
    tolerance_days: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    partner: Mapped[Partner] = relationship(back_populates="contracts")
    units: Mapped[list[Unit]] = relationship(secondary=contract_unit, order_by=Unit.name)

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def __repr__(self) -> str:
        return f"<Contract {self.number}>"
