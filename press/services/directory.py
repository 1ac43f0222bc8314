"""Units and venues: the admin's reference lists."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.models import Unit, User, Venue

from press.errors import N_, ServiceError
from press.text import clean_name, name_key

from .audit import record
from .people import unique_slug


class DirectoryError(ServiceError):
    """A unit or venue cannot be saved as asked; the message says why."""


def _unit_name(session: Session, name: str, unit: Unit | None = None) -> str:
    """The cleaned name (``press.text.clean_name``), refused when empty or when another
    unit has the same name once invisible characters, width and case are set aside."""
    name = clean_name(name)
    if not name:
        raise DirectoryError(N_("Unit harus punya nama."))
    key = name_key(name)
    for other in session.scalars(select(Unit)):
        if other is not unit and name_key(other.name) == key:
            raise DirectoryError(N_("Unit %(name)s sudah ada."), name=other.name)
    return name


def create_unit(session: Session, name: str, abbreviation: str | None = None, *, actor: User | None = None) -> Unit:
    name = _unit_name(session, name)
    abbreviation = clean_name(abbreviation or "") or None
    unit = Unit(name=name, abbreviation=abbreviation, slug=unique_slug(session, Unit, abbreviation or name))
    session.add(unit)
    record(session, actor, "unit.created", unit, name=name)
    return unit


def update_unit(session: Session, unit: Unit, name: str, abbreviation: str | None, *, actor: User | None = None) -> Unit:
    name = _unit_name(session, name, unit)
    unit.name, unit.abbreviation = name, clean_name(abbreviation or "") or None
    record(session, actor, "unit.updated", unit, name=name)
    return unit


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise DirectoryError(N_("Isi lintang dan bujur sekaligus, atau kosongkan keduanya."))
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise DirectoryError(N_("Koordinat di luar jangkauan."))


def save_venue(
    session: Session,
    venue: Venue | None,
    *,
    name: str,
    address: str | None = None,
    city: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    actor: User | None = None,
) -> Venue:
    name = clean_name(name)
    if not name:
        raise DirectoryError(N_("Tempat harus punya nama."))
    check_coordinates(latitude, longitude)
    clash = select(Venue).where(func.lower(Venue.name) == name.lower())
    if venue is not None:
        clash = clash.where(Venue.id != venue.id)
    if session.scalar(clash):
        raise DirectoryError(N_("Tempat %(name)s sudah ada."), name=name)
    created = venue is None
    venue = venue or Venue()
    venue.name, venue.address, venue.city = name, address or None, city or None
    venue.latitude, venue.longitude = latitude, longitude
    session.add(venue)
    record(session, actor, "venue.created" if created else "venue.updated", venue, name=name)
    return venue
