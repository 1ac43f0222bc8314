"""The people register: persons (ranks, honorifics and degrees apart from the name), their
dated positions, and who held a title on a day."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from press.models import ACTING_PREFIXES, Person, Position, Unit
from press.models.base import IN_BATCH
from press.text import slugify


def unique_slug(session: Session, model, text: str) -> str:
    base = slugify(text)
    slug, n = base, 2
    while session.scalar(select(model.id).where(model.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def find_person(session: Session, name: str) -> Person | None:
    return session.scalar(select(Person).where(func.lower(Person.name) == name.strip().lower()))


def get_or_create_person(
    session: Session, name: str, *, ranks: str | None = None, honorifics: str | None = None,
    degrees: str | None = None,
) -> Person:
    """The register's person of that name, created with the ranks, honorifics and degrees
    given; a person already known gets those they had none of."""
    person = find_person(session, name)
    if person is not None:
        person.ranks = person.ranks or ranks or None
        person.honorifics = person.honorifics or honorifics or None
        person.degrees = person.degrees or degrees or None
    else:
        person = Person(
            name=name.strip(),
            ranks=ranks or None,
            honorifics=honorifics or None,
            degrees=degrees or None,
            slug=unique_slug(session, Person, name),
        )
        session.add(person)
        session.flush()
    return person


def add_position(
    session: Session,
    person: Person,
    title: str,
    *,
    unit: Unit | None = None,
    organisation: str | None = None,
    acting: str | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Position:
    if acting is not None and acting not in ACTING_PREFIXES:
        raise ValueError(f"acting must be one of {', '.join(ACTING_PREFIXES)}")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValueError("a position cannot end before it starts")
    position = Position(
        person=person,
        title=title,
        unit=unit,
        organisation=organisation,
        acting=acting,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    session.add(position)
    return position


def holders_of(
    session: Session,
    title: str,
    on: date,
    *,
    unit: Unit | None = None,
    organisation: str | None = None,
) -> list[Position]:
    """Every position with ``title`` held on ``on`` (in ``unit``/``organisation`` if given)."""
    query = select(Position).where(
        func.lower(Position.title) == title.strip().lower(),
        or_(Position.starts_on.is_(None), Position.starts_on <= on),
        or_(Position.ends_on.is_(None), Position.ends_on >= on),
    )
    if unit is not None:
        query = query.where(Position.unit_id == unit.id)
    if organisation is not None:
        query = query.where(func.lower(Position.organisation) == organisation.strip().lower())
    return list(session.scalars(query.order_by(Position.starts_on)))


def holder_of(session: Session, title: str, on: date, **where) -> Person | None:
    """The one person who held ``title`` on ``on``; ``None`` when nobody or several did.

    Several holders mean the register is ambiguous (two units, no unit given):
    the caller must narrow it rather than pick one silently.
    """
    held = holders_of(session, title, on, **where)
    return held[0].person if len(held) == 1 else None


def named_people(session: Session, ids) -> list[Person] | None:
    """The people of the register ``ids`` name, each once, in id order; None when any id
    names nobody. A list longer than the register is refused without reading it."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    if len(wanted) > (session.scalar(select(func.count()).select_from(Person)) or 0):
        return None
    found: list[Person] = []
    for start in range(0, len(wanted), IN_BATCH):
        found.extend(session.scalars(select(Person).where(Person.id.in_(wanted[start:start + IN_BATCH]))
                                     .order_by(Person.id)))
    return found if len(found) == len(wanted) else None


REGISTER_LIMIT = 20000


def register_people(session: Session) -> list[Person]:
    """The register's persons with their positions, as the title check reads them (through
    ``Person.position_on``)."""
    query = select(Person).join(Person.positions).options(selectinload(Person.positions)).distinct()
    return list(session.scalars(query.order_by(Person.id).limit(REGISTER_LIMIT)))
