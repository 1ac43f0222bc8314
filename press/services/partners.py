"""Media partners and their contracts, kept by editors (``partner.edit``).

A partner is an outlet of the register (``press.services.outlets``) with what paying it
needs; naming an outlet the register does not hold yet adds it there. A contract runs
from its first to its last day inclusive, pays ``rate`` (whole rupiah, gross) per
published piece up to ``quota`` pieces, and serves the units it lists (none listed: every
unit). The contract a placement falls under is :func:`contract_for`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import Contract, Outlet, Partner, Unit, User
from press.numbers import parse_int, rupiah  # noqa: F401  (rupiah: the pages' filter and the CLI use it from here)
from press.text import clean_name

from . import access, outlets
from .accounts import AccountError, checked_email
from .audit import record

MAX_LEGAL_NAME = 200
MAX_CONTACT = 120
MAX_PHONE = 30
MAX_ADDRESS = 1000
MAX_NUMBER = 80
MAX_RUPIAH = 10**15
MAX_QUOTA = 100_000
MAX_DAYS = 366
_RUPIAH = re.compile(r"(?:rp\.?\s*)?([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,-|,00)?", re.IGNORECASE)


class PartnerError(ServiceError):
    """A partner or contract cannot be recorded as asked; the message says why."""


@dataclass
class PartnerData:
    """What a partner is: its outlet (by name; kind and site for an outlet new to the
    register), legal entity, address and contact."""

    outlet_name: str
    legal_name: str
    outlet_kind: str = "online"
    site_url: str | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""


@dataclass
class ContractData:
    number: str
    starts_on: date | None
    ends_on: date | None
    value: int | None
    rate: int | None
    quota: int | None
    unit_ids: list[int] = field(default_factory=list)
    due_days: int | None = 3
    tolerance_days: int | None = 3


def parse_rupiah(text) -> int | None:
    """An amount in whole rupiah as people write it: ``15000000``, ``15.000.000``,
    ``Rp 15.000.000,-``; None for anything else (decimals, negative numbers, words)."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text if 0 <= text <= MAX_RUPIAH else None
    match = _RUPIAH.fullmatch(str(text or "").strip())
    if not match:
        return None
    return parse_int(match.group(1).replace(".", ""), low=0, high=MAX_RUPIAH)


def all_partners(session: Session) -> list[Partner]:
    return list(session.scalars(select(Partner).join(Partner.outlet).order_by(Outlet.name)))


def partner_of(session: Session, outlet: Outlet) -> Partner | None:
    return session.scalar(select(Partner).where(Partner.outlet_id == outlet.id))


def find_partner(session: Session, name: str) -> Partner | None:
    outlet = outlets.find(session, name)
    return partner_of(session, outlet) if outlet is not None else None


def _text(value: str | None, limit: int, message: str) -> str:
    value = clean_name(value or "")
    if len(value) > limit:
        raise PartnerError(message, n=limit)
    return value


def _checked(data: PartnerData) -> dict:
    legal_name = _text(data.legal_name, MAX_LEGAL_NAME, N_("Nama badan hukum paling panjang %(n)d karakter."))
    if not legal_name:
        raise PartnerError(N_("Tulis nama badan hukum mitra (misalnya PT Media Bekasi Raya)."))
    email = (data.contact_email or "").strip()
    if email:
        try:
            email = checked_email(email)
        except AccountError as exc:
            raise PartnerError(exc.message, **exc.params) from None
    address = " ".join((data.address or "").split())
    if len(address) > MAX_ADDRESS:
        raise PartnerError(N_("Alamat mitra paling panjang %(n)d karakter."), n=MAX_ADDRESS)
    return {"legal_name": legal_name, "address": address, "contact_email": email,
            "contact_name": _text(data.contact_name, MAX_CONTACT, N_("Nama kontak paling panjang %(n)d karakter.")),
            "contact_phone": _text(data.contact_phone, MAX_PHONE, N_("Nomor telepon paling panjang %(n)d karakter."))}


def save_partner(session: Session, actor: User | None, data: PartnerData, partner: Partner | None = None) -> Partner:
    """Add a partner (its outlet found in the register by name, or added to it) or change one."""
    access.require_user(session, actor, "partner.edit", error=PartnerError)
    values = _checked(data)
    outlet = outlets.find(session, data.outlet_name or "")
    if outlet is None:
        try:
            outlet = outlets.save(session, actor, name=data.outlet_name, kind=data.outlet_kind, site_url=data.site_url)
        except ServiceError as exc:
            raise PartnerError(exc.message, **exc.params) from None
    other = partner_of(session, outlet)
    if other is not None and other is not partner:
        raise PartnerError(N_("%(name)s sudah menjadi mitra."), name=outlet.name)
    if partner is None:
        partner = Partner(outlet=outlet)
        session.add(partner)
    partner.outlet = outlet
    for name, value in values.items():
        setattr(partner, name, value)
    session.flush()
    record(session, actor, "partner.saved", partner, outlet=outlet.name, legal_name=partner.legal_name)
    return partner


def _checked_contract(session: Session, data: ContractData, contract: Contract | None) -> dict:
    number = _text(data.number, MAX_NUMBER, N_("Nomor kontrak paling panjang %(n)d karakter."))
    if not number:
        raise PartnerError(N_("Tulis nomor kontrak."))
    other = session.scalar(select(Contract).where(Contract.number == number))
    if other is not None and other is not contract:
        raise PartnerError(N_("Nomor kontrak %(number)s sudah dipakai."), number=number)
    if data.starts_on is None or data.ends_on is None:
        raise PartnerError(N_("Tulis tanggal mulai dan tanggal akhir kontrak."))
    if data.ends_on < data.starts_on:
        raise PartnerError(N_("Kontrak tidak boleh berakhir sebelum dimulai."))
    for value, message in ((data.value, N_("Nilai kontrak harus bilangan bulat rupiah, 0 atau lebih.")),
                           (data.rate, N_("Tarif per tayang harus bilangan bulat rupiah, 0 atau lebih."))):
        if value is None or not 0 <= value <= MAX_RUPIAH:
            raise PartnerError(message)
    if data.quota is None or not 1 <= data.quota <= MAX_QUOTA:
        raise PartnerError(N_("Kuota tayang harus bilangan bulat 1 sampai %(n)d."), n=MAX_QUOTA)
    for days in (data.due_days, data.tolerance_days):
        if days is None or not 0 <= days <= MAX_DAYS:
            raise PartnerError(N_("Jumlah hari harus bilangan bulat 0 sampai %(n)d."), n=MAX_DAYS)
    units = [session.get(Unit, unit_id) for unit_id in dict.fromkeys(data.unit_ids)]
    if any(unit is None for unit in units):
        raise PartnerError(N_("Unit yang dipilih tidak ada."))
    return {"number": number, "starts_on": data.starts_on, "ends_on": data.ends_on, "value": data.value,
            "rate": data.rate, "quota": data.quota, "due_days": data.due_days,
            "tolerance_days": data.tolerance_days, "units": units}


def save_contract(session: Session, actor: User | None, partner: Partner, data: ContractData,
                  contract: Contract | None = None) -> Contract:
    """Add a contract to ``partner`` or change one of its contracts."""
    access.require_user(session, actor, "partner.edit", error=PartnerError)
    values = _checked_contract(session, data, contract)
    if contract is None:
        contract = Contract(partner=partner)
        session.add(contract)
    for name, value in values.items():
        setattr(contract, name, value)
    session.flush()
    record(session, actor, "contract.saved", contract, partner=partner.name, number=contract.number)
    return contract


def serves(contract: Contract, unit_id: int | None) -> bool:
    return not contract.units or any(unit.id == unit_id for unit in contract.units)


def contract_for(partner: Partner, unit_id: int | None, day: date) -> Contract | None:
    """The partner's contract running on ``day`` that serves ``unit_id`` (the one that
    started last, when several do)."""
    running = [c for c in partner.contracts if c.runs_on(day) and serves(c, unit_id)]
    return max(running, key=lambda c: (c.starts_on, c.id)) if running else None


def units_by_name(session: Session) -> dict[str, Unit]:
    """Every unit under its name and its abbreviation, in lower case (the CSV's ``units``)."""
    found: dict[str, Unit] = {}
    for unit in session.scalars(select(Unit)):
        for name in (unit.name, unit.abbreviation):
            if name:
                found[clean_name(name).lower()] = unit
    return found
