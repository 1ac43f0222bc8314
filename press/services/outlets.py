"""The register of news outlets: kept by editors, named or proposed by journalists.

Whether the Dewan Pers verified an outlet (and on which day) is set only through
:func:`set_verification`, which needs ``outlet.verify``: a journalist proposing an outlet
gives its name, kind and site, never its status.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import OutletKind
from press.dates import office_today
from press.errors import N_, ServiceError
from press.models import Outlet, User
from press.text import clean_name, name_key

from . import access
from .audit import record

MAX_NAME = 200
MAX_SITE = 300


class OutletError(ServiceError):
    """An outlet cannot be recorded as asked; the message says why."""


def all_outlets(session: Session) -> list[Outlet]:
    return list(session.scalars(select(Outlet).order_by(Outlet.name)))


def find(session: Session, name: str) -> Outlet | None:
    return session.scalar(select(Outlet).where(Outlet.name_key == name_key(name)))


def _checked(name: str, kind: str, site_url: str | None) -> tuple[str, str, str | None]:
    name = clean_name(name or "")
    if not name:
        raise OutletError(N_("Nama media tidak boleh kosong."))
    if len(name) > MAX_NAME:
        raise OutletError(N_("Nama media paling panjang %(n)d karakter."), n=MAX_NAME)
    if kind not in set(OutletKind):
        raise OutletError(N_("Jenis media %(kind)s tidak dikenal; pilih daring, cetak, TV, radio atau media sosial."), kind=kind)
    site_url = clean_name(site_url or "") or None
    if site_url:
        if "://" not in site_url:
            site_url = "https://" + site_url
        parts = urlsplit(site_url)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or len(site_url) > MAX_SITE:
            raise OutletError(N_("Alamat situs %(site)s tidak terbaca; tulis misalnya https://contoh.co.id."),
                              site=site_url)
    return name, kind, site_url


def propose(session: Session, name: str, kind: str, site_url: str | None = None) -> Outlet:
    """The outlet a registering journalist names: the register's own when it has one of that
    name, else a new one marked proposed and unverified."""
    name, kind, site_url = _checked(name, kind, site_url)
    existing = find(session, name)
    if existing is not None:
        return existing
    outlet = Outlet(name=name, name_key=name_key(name), kind=kind, site_url=site_url, verified=False, proposed=True)
    session.add(outlet)
    session.flush()
    return outlet


def save(session: Session, actor: User | None, *, name: str, kind: str, site_url: str | None,
         outlet: Outlet | None = None) -> Outlet:
    """Add an outlet to the register, or change one (an editor; ``outlet.edit``)."""
    access.require_user(session, actor, "outlet.edit", error=OutletError)
    name, kind, site_url = _checked(name, kind, site_url)
    other = find(session, name)
    if other is not None and other is not outlet:
        raise OutletError(N_("Media %(name)s sudah ada di daftar."), name=other.name)
    if outlet is None:
        outlet = Outlet(verified=False)
        session.add(outlet)
    outlet.name, outlet.name_key, outlet.kind, outlet.site_url = name, name_key(name), kind, site_url
    outlet.proposed = False
    session.flush()
    record(session, actor, "outlet.saved", outlet, name=name, kind=kind)
    return outlet


def set_verification(session: Session, actor: User | None, outlet: Outlet, verified: bool,
                     on: date | None = None) -> None:
    """Record the Dewan Pers verification of ``outlet`` (an editor; ``outlet.verify``)."""
    access.require_user(session, actor, "outlet.verify", error=OutletError)
    if verified and on is None:
        raise OutletError(N_("Tulis tanggal verifikasi Dewan Pers."))
    if on is not None and on > office_today():
        raise OutletError(N_("Tanggal verifikasi tidak boleh di masa depan."))
    outlet.verified = verified
    outlet.verified_on = on if verified else None
    record(session, actor, "outlet.verification", outlet, verified=verified, on=on.isoformat() if on else None)
