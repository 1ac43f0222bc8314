"""Usage rights: the licences the admin keeps, each unit's default, the terms a photo carries.

A photo's licence (``Media.licence``) says how journalists may use it; its restrictions are
free text beside it. Both are written into the public renditions (``terms``: XMP
``xmpRights:UsageTerms``/``WebStatement`` and IPTC, ``press.photos.public_meta``) and shown
on the public photo page, the kit's ``captions.txt`` and the API. A licence marked
``internal`` ("Hanya untuk internal") keeps its photos off the public side: that rule is in
``press.services.public``, not here. A new photo gets its activity's unit's default. No
Flask; nothing here commits.
"""
from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.errors import N_, ServiceError
from press.models import Activity, Licence, Unit, UnitLicence, User

from . import access
from .audit import record as audit

CODE_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,39}$")
MAX_RESTRICTIONS = 1000


class LicenceError(ServiceError):
    pass


def usage_terms(licence: Licence | None, restrictions: str | None) -> str | None:
    """The licence's name and the restrictions, as one line ("CC BY 4.0. Tidak untuk iklan.")."""
    parts = [p.strip().rstrip(".") for p in ((licence.name if licence else None), restrictions) if p and p.strip()]
    return ". ".join(parts) + "." if parts else None


def terms(licence: Licence | None, restrictions: str | None) -> dict:
    """The ``usage_terms`` and ``web_statement`` of ``PublicMeta``."""
    return {"usage_terms": usage_terms(licence, restrictions), "web_statement": licence.url if licence else None}


def as_dict(licence: Licence | None, restrictions: str | None = None) -> dict | None:
    """What the API and ``--json`` say of a photo's licence."""
    if licence is None and not restrictions:
        return None
    return {"code": licence.code if licence else None, "name": licence.name if licence else None,
            "url": licence.url if licence else None, "restrictions": restrictions or None}


def all_licences(session: Session) -> list[Licence]:
    return list(session.scalars(select(Licence).order_by(Licence.position, Licence.id)))


def by_code(session: Session, code: str | None) -> Licence | None:
    code = (code or "").strip().lower()
    return session.scalar(select(Licence).where(Licence.code == code)) if code else None


def default_for(session: Session, activity: Activity | None) -> Licence | None:
    """The licence new photos of ``activity`` get: its unit's default."""
    if activity is None or activity.unit_id is None:
        return None
    row = session.get(UnitLicence, activity.unit_id)
    return session.get(Licence, row.licence_id) if row else None


def clean_restrictions(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    if len(text) > MAX_RESTRICTIONS:
        raise LicenceError(N_("Batasan pemakaian paling panjang %(limit)s karakter."), limit=MAX_RESTRICTIONS)
    return text or None


def save(session: Session, actor: User | None, *, code: str, name: str, url: str | None = None,
         internal: bool = False, licence: Licence | None = None) -> Licence:
    """Add a licence to the list (``licence`` None) or change one (its code stays)."""
    access.require_user(session, actor, "licence.manage", None, error=LicenceError)
    name = " ".join((name or "").split())
    url = (url or "").strip() or None
    if not name or len(name) > 200:
        raise LicenceError(N_("Nama lisensi wajib diisi, paling panjang 200 karakter."))
    if url and (len(url) > 300 or not re.match(r"^https?://[^\s<>\"]+$", url)):
        raise LicenceError(N_("Alamat lisensi harus alamat web (http:// atau https://), paling panjang 300 karakter."))
    if licence is None:
        code = (code or "").strip().lower()
        if not CODE_RE.match(code):
            raise LicenceError(N_("Kode lisensi: huruf kecil, angka, titik atau tanda hubung, paling panjang 40."))
        if by_code(session, code) is not None:
            raise LicenceError(N_("Kode lisensi %(code)s sudah dipakai."), code=code)
        position = (session.scalar(select(func.max(Licence.position))) or 0) + 1
        licence = Licence(code=code, position=position)
        session.add(licence)
    licence.name, licence.url, licence.internal = name, url, bool(internal)
    session.flush()
    audit(session, actor, "licence.save", licence, code=licence.code, internal=licence.internal)
    return licence


def set_unit_default(session: Session, actor: User | None, unit: Unit, licence: Licence | None) -> None:
    access.require_user(session, actor, "licence.manage", None, error=LicenceError)
    row = session.get(UnitLicence, unit.id)
    if licence is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(UnitLicence(unit_id=unit.id, licence_id=licence.id))
    else:
        row.licence_id = licence.id
    session.flush()
    audit(session, actor, "licence.unit_default", unit, licence=licence.code if licence else None)


def unit_defaults(session: Session) -> list[tuple[Unit, int | None]]:
    """Every unit with the id of its default licence (or None), by name."""
    defaults = dict(session.execute(select(UnitLicence.unit_id, UnitLicence.licence_id)).all())
    return [(u, defaults.get(u.id)) for u in session.scalars(select(Unit).order_by(Unit.name))]
