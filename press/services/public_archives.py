"""The public archives: published releases by month, unit, topic tag and person, with their
counts for the archive pages, feeds and lists. Every query goes through the one public rule
of ``press.services.public`` (``PUBLIC_RELEASE``, ``published_releases``). No Flask; read-only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from press.dates import OFFICE_ZONE
from press.models import Participant, Person, Release, ReleaseTag, Tag, Unit

from .public import PUBLIC_RELEASE, published_releases


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


def archive_months(session: Session) -> list[MonthCount]:
    """Months with published releases, newest first (months of the publication date, UTC+7)."""
    rows = session.execute(select(Release.published_at).where(PUBLIC_RELEASE)).scalars()
    counts: dict[tuple[int, int], int] = {}
    for moment in rows:
        local = _jakarta(moment)
        counts[(local.year, local.month)] = counts.get((local.year, local.month), 0) + 1
    return [MonthCount(y, m, c) for (y, m), c in sorted(counts.items(), reverse=True)]


def releases_in(session: Session, year: int, month: int | None = None) -> list[Release]:
    """Published releases of a year (or a month), by their Jakarta publication date.

    Years outside 1900 … 9998 have none (and their bounds in UTC+7 would not fit a datetime)."""
    if not 1900 <= year <= 9998:
        return []
    start = datetime(year, month or 1, 1, tzinfo=OFFICE_ZONE)
    if month is None:
        end = datetime(year + 1, 1, 1, tzinfo=OFFICE_ZONE)
    else:
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=OFFICE_ZONE)
    return published_releases(
        session, where=and_(Release.published_at >= start.astimezone(timezone.utc),
                            Release.published_at < end.astimezone(timezone.utc)),
    )


def _jakarta(moment: datetime) -> datetime:
    return moment.astimezone(OFFICE_ZONE)


def units_with_releases(session: Session) -> list[tuple[Unit, int]]:
    rows = session.execute(
        select(Unit, func.count(Release.id))
        .join(Release, Release.unit_id == Unit.id)
        .where(PUBLIC_RELEASE)
        .group_by(Unit.id)
        .order_by(Unit.name)
    ).all()
    return [(unit, count) for unit, count in rows]


def unit_by_slug(session: Session, slug: str) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.slug == slug)).first()


def releases_of_unit(session: Session, unit: Unit, *, limit: int | None = None) -> list[Release]:
    return published_releases(session, where=Release.unit_id == unit.id, limit=limit)


def tags_with_releases(session: Session) -> list[tuple[Tag, int]]:
    rows = session.execute(
        select(Tag, func.count(Release.id))
        .join(ReleaseTag, ReleaseTag.tag_id == Tag.id)
        .join(Release, Release.id == ReleaseTag.release_id)
        .where(PUBLIC_RELEASE, Tag.kind.notin_(("camera", "date")))
        .group_by(Tag.id)
        .order_by(Tag.kind, Tag.name)
    ).all()
    return [(tag, count) for tag, count in rows]


def tag_by_slug(session: Session, kind: str, slug: str) -> Tag | None:
    return session.scalars(select(Tag).where(Tag.kind == kind, Tag.slug == slug)).first()


def releases_with_tag(session: Session, tag: Tag) -> list[Release]:
    return published_releases(
        session,
        where=Release.id.in_(select(ReleaseTag.release_id).where(ReleaseTag.tag_id == tag.id)),
    )


def _person_condition(person: Person):
    in_activity = Release.activity_id.in_(
        select(Participant.activity_id).where(Participant.person_id == person.id)
    )
    tagged = Release.id.in_(
        select(ReleaseTag.release_id).join(Tag, Tag.id == ReleaseTag.tag_id)
        .where(Tag.kind == "person", Tag.slug == person.slug)
    )
    return or_(in_activity, tagged)


def people_with_releases(session: Session) -> list[tuple[Person, int]]:
    """People in published releases (as participants of the activity or tagged), by name."""
    pairs = set(session.execute(
        select(Participant.person_id, Release.id)
        .join(Release, Release.activity_id == Participant.activity_id)
        .where(PUBLIC_RELEASE, Participant.person_id.is_not(None))
    ).all())
    pairs |= set(session.execute(
        select(Person.id, Release.id)
        .join(Tag, and_(Tag.kind == "person", Tag.slug == Person.slug))
        .join(ReleaseTag, ReleaseTag.tag_id == Tag.id)
        .join(Release, Release.id == ReleaseTag.release_id)
        .where(PUBLIC_RELEASE)
    ).all())
    counts: dict[int, int] = {}
    for person_id, _release_id in pairs:
        counts[person_id] = counts.get(person_id, 0) + 1
    people = session.scalars(select(Person).where(Person.id.in_(counts)).order_by(Person.name)).all()
    return [(person, counts[person.id]) for person in people]


def person_by_slug(session: Session, slug: str) -> Person | None:
    return session.scalars(select(Person).where(Person.slug == slug)).first()


def releases_of_person(session: Session, person: Person) -> list[Release]:
    return published_releases(session, where=_person_condition(person))
