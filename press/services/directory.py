"""Units and venues: the admin's reference lists (the unit tree's reading is ``units``)."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.models import Unit, User, Venue

from press.errors import N_, ServiceError
from press.text import clean_name, name_key

from . import units
from .audit import record
from .people import unique_slug

TOP_UNIT_NAME = "Pemerintah Daerah"


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


def create_unit(session: Session, name: str, abbreviation: str | None = None, *, parent_id: int | None = None,
                central: bool = False, publishes_itself: bool = False, actor: User | None = None) -> Unit:
    name = _unit_name(session, name)
    abbreviation = clean_name(abbreviation or "") or None
    _check_parent(session, None, parent_id)
    unit = Unit(name=name, abbreviation=abbreviation, slug=unique_slug(session, Unit, abbreviation or name),
                parent_id=parent_id, central=central, publishes_itself=publishes_itself)
    session.add(unit)
    record(session, actor, "unit.created", unit, name=name, parent=parent_id)
    return unit


def update_unit(session: Session, unit: Unit, name: str, abbreviation: str | None, *, parent_id: int | None = None,
                central: bool | None = None, publishes_itself: bool | None = None,
                actor: User | None = None) -> Unit:
    """Rename ``unit``, hang it under ``parent_id`` (refused when that makes a loop), and set
    whether it is the central office and whether it publishes itself (``None``: unchanged)."""
    name = _unit_name(session, name, unit)
    _check_parent(session, unit, parent_id)
    unit.name, unit.abbreviation, unit.parent_id = name, clean_name(abbreviation or "") or None, parent_id
    if central is not None:
        unit.central = central
    if publishes_itself is not None:
        unit.publishes_itself = publishes_itself
    record(session, actor, "unit.updated", unit, name=name, parent=parent_id, central=unit.central,
           publishes_itself=unit.publishes_itself)
    return unit


def _check_parent(session: Session, unit: Unit | None, parent_id: int | None) -> None:
    if parent_id is None:
        return
    if session.get(Unit, parent_id) is None:
        raise DirectoryError(N_("Unit induk %(id)s tidak ada."), id=parent_id)
    if unit is not None and unit.id is not None and parent_id in units.below(session, unit.id):
        raise DirectoryError(N_("Unit %(name)s tidak bisa berada di bawah dirinya sendiri atau unit bawahannya."),
                             name=unit.name)


def ensure_top_unit(session: Session) -> Unit:
    """The top unit; a central "Pemerintah Daerah" for an instance without units (its first
    account must belong to one)."""
    unit = units.top_unit(session)
    if unit is None:
        unit = create_unit(session, TOP_UNIT_NAME, central=True)
        session.flush()
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
