"""A unit's press contact card: the person journalists call about its releases.

Set by the admin on the unit (``directory.manage``); shown on the unit's public release
pages. A unit without a card shows the nearest unit above it that has one (a Puskesmas
without its own press officer is answered by its Dinas, then by the Humas office).
Numbers are kept as typed (cleaned) and turned into ``tel:`` and ``wa.me`` links here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import Unit, User
from press.text import clean_name

from . import access, audit

FIELDS = ("contact_name", "contact_role", "contact_phone", "contact_whatsapp", "contact_email")
TEXT_LENGTH = 120
EMAIL_LENGTH = 200
PHONE = re.compile(r"^\+?[0-9(][0-9 ().-]{4,18}[0-9]$")
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


class ContactError(ServiceError):
    """A contact card refused, with the reason."""


@dataclass(frozen=True)
class ContactCard:
    unit: Unit
    name: str
    role: str | None
    phone: str | None
    whatsapp: str | None
    email: str | None

    @property
    def tel_url(self) -> str | None:
        return f"tel:+{international(self.phone)}" if self.phone else None

    @property
    def whatsapp_url(self) -> str | None:
        return f"https://wa.me/{international(self.whatsapp)}" if self.whatsapp else None


def international(number: str) -> str:
    """An Indonesian number as the digits WhatsApp and ``tel:`` want: ``0812…`` → ``62812…``."""
    digits = re.sub(r"\D", "", number or "")
    if number.strip().startswith("+"):
        return digits
    if digits.startswith("0"):
        return "62" + digits[1:]
    return digits


def _phone(value, message: str) -> str | None:
    text = clean_name(value or "")
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if not PHONE.match(text) or not 6 <= len(digits) <= 15:
        raise ContactError(message, number=text)
    return text


def _text(value, length: int, message: str) -> str | None:
    text = clean_name(value or "")
    if len(text) > length:
        raise ContactError(message, length=length)
    return text or None


def set_contact(session: Session, unit: Unit, actor: User | None, *, name=None, role=None, phone=None,
                whatsapp=None, email=None) -> Unit:
    """Set (or, all fields empty, clear) ``unit``'s card; refused with the reason for a
    number or an address that cannot be one, or a card without a name."""
    access.require_user(session, actor, "directory.manage")
    values = {
        "contact_name": _text(name, TEXT_LENGTH, N_("Nama kontak paling panjang %(length)s karakter.")),
        "contact_role": _text(role, TEXT_LENGTH, N_("Jabatan kontak paling panjang %(length)s karakter.")),
        "contact_phone": _phone(phone, N_("Nomor telepon %(number)s tidak terbaca; tulis misalnya 0812 3456 7890.")),
        "contact_whatsapp": _phone(whatsapp, N_("Nomor WhatsApp %(number)s tidak terbaca; tulis misalnya "
                                                "0812 3456 7890.")),
        "contact_email": _text(email, EMAIL_LENGTH, N_("Alamat e-mail paling panjang %(length)s karakter.")),
    }
    if values["contact_email"] and not EMAIL.match(values["contact_email"]):
        raise ContactError(N_("Alamat e-mail %(email)s tidak terbaca."), email=values["contact_email"])
    if any(values.values()) and not values["contact_name"]:
        raise ContactError(N_("Kartu kontak pers perlu nama orang yang dihubungi."))
    if any(values.values()) and not (values["contact_phone"] or values["contact_whatsapp"] or values["contact_email"]):
        raise ContactError(N_("Kartu kontak pers perlu nomor telepon, WhatsApp atau e-mail."))
    for field, value in values.items():
        setattr(unit, field, value)
    audit.record(session, actor, "unit.contact", unit, **values)
    return unit


def card_of(unit: Unit | None) -> ContactCard | None:
    """The card of ``unit`` or of the nearest unit above it that has one."""
    seen = set()
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        if unit.contact_name:
            return ContactCard(unit, unit.contact_name, unit.contact_role, unit.contact_phone,
                               unit.contact_whatsapp, unit.contact_email)
        unit = unit.parent
    return None
