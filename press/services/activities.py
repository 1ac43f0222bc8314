"""Activities (kegiatan): create, update, list with filters, and their JSON shape."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import extract, select
from sqlalchemy.orm import Session, selectinload

from press.codes import ParticipantRole
from press.models import (
    ACTIVITY_KINDS,
    PARTICIPANT_ROLES,
    Activity,
    Assignment,
    Participant,
    User,
)

from press.errors import N_, ServiceError
from press.numbers import parse_int

from . import access
from .audit import record
from .indexing import enqueue_index  # noqa: F401  (re-exported: callers import it from here)
from .people import get_or_create_person
from .planning import notify_time_change


# A ceremony (a swearing-in, a graduation) may name hundreds of people; beyond this the
# list is no longer something a writer reads or a release names, and the form refuses it.
MAX_PARTICIPANTS = 1000


class ActivityError(ServiceError):
    """An activity cannot be saved as asked; the message says why."""


@dataclass
class ParticipantData:
    name: str
    title: str | None = None
    organisation: str | None = None
    role: str = ParticipantRole.ATTENDEE


@dataclass
class ActivityData:
    title: str
    kind: str
    starts_on: date
    unit_id: int
    starts_at_time: time | None = None
    ends_at_time: time | None = None
    venue_id: int | None = None
    guest_body: str | None = None
    topic: str | None = None
    summary: str | None = None
    participants: list[ParticipantData] = field(default_factory=list)
    dress_code: str | None = None
    contact: str | None = None
    on_agenda: bool | None = None
    """Shown on the public agenda; ``None`` leaves it as it is (a form without the box)."""


def validate(data: ActivityData) -> None:
    if not data.title.strip():
        raise ActivityError(N_("Kegiatan harus punya judul."))
    if data.kind not in ACTIVITY_KINDS:
        raise ActivityError(N_("Jenis kegiatan %(kind)s tidak dikenal."), kind=data.kind)
    if data.starts_at_time and data.ends_at_time and data.ends_at_time < data.starts_at_time:
        raise ActivityError(N_("Kegiatan tidak bisa selesai sebelum dimulai."))
    check_participant_count(len(data.participants))
    for p in data.participants:
        if p.role not in PARTICIPANT_ROLES:
            raise ActivityError(N_("Peran peserta %(role)s tidak dikenal."), role=p.role)
        if not p.name.strip():
            raise ActivityError(N_("Setiap peserta harus punya nama."))


def check_participant_count(count: int) -> None:
    """Refuse more than ``MAX_PARTICIPANTS`` participants, saying how many were sent."""
    if count > MAX_PARTICIPANTS:
        raise ActivityError(
            N_("Satu kegiatan paling banyak punya %(limit)s peserta; formulir ini berisi %(count)s. "
               "Belum ada yang disimpan: kurangi baris peserta, lalu simpan lagi."),
            limit=MAX_PARTICIPANTS, count=count)


def _apply(session: Session, activity: Activity, data: ActivityData) -> None:
    activity.title = data.title.strip()
    activity.kind = data.kind
    activity.starts_on = data.starts_on
    activity.starts_at_time = data.starts_at_time
    activity.ends_at_time = data.ends_at_time
    activity.venue_id = data.venue_id
    activity.unit_id = data.unit_id
    activity.guest_body = (data.guest_body or "").strip() or None
    activity.topic = (data.topic or "").strip() or None
    activity.summary = (data.summary or "").strip() or None
    activity.dress_code = (data.dress_code or "").strip() or None
    activity.contact = (data.contact or "").strip() or None
    if data.on_agenda is not None:
        activity.on_agenda = data.on_agenda
    activity.participants.clear()
    session.flush()
    for position, p in enumerate(data.participants):
        person = get_or_create_person(session, p.name)
        activity.participants.append(
            Participant(
                name=p.name.strip(),
                title=(p.title or "").strip() or None,
                organisation=(p.organisation or "").strip() or None,
                role=p.role,
                position=position,
                person=person,
            )
        )


def check_agenda_change(session: Session, activity: Activity | None, data: ActivityData, actor: User | None) -> None:
    """Putting an activity on the public agenda or taking it off needs ``activity.agenda``
    (``actor`` None is Siaran itself: the demo data)."""
    current = bool(activity and activity.on_agenda)
    if data.on_agenda is None or data.on_agenda == current:
        return
    access.require_user(session, actor, "activity.agenda", activity or data.unit_id, error=ActivityError,
                        message=N_("Hanya redaktur yang boleh memasang kegiatan di agenda publik atau menariknya."))


def create_activity(session: Session, data: ActivityData, *, actor: User | None) -> Activity:
    """A new activity of ``data.unit_id``: the actor needs ``activity.edit`` there (``None``: the demo loader)."""
    validate(data)
    access.require_user(session, actor, "activity.edit", data.unit_id, error=ActivityError)
    check_agenda_change(session, None, data, actor)
    activity = Activity(created_by_id=actor.id if actor else None)
    session.add(activity)
    _apply(session, activity, data)
    session.flush()
    record(session, actor, "activity.created", activity, title=activity.title)
    enqueue_index(session, "activity", activity.id)
    return activity


def update_activity(session: Session, activity: Activity, data: ActivityData, *, actor: User | None) -> Activity:
    """Change ``activity``: the actor needs ``activity.edit`` on its unit and on the unit it moves to."""
    validate(data)
    access.require_user(session, actor, "activity.edit", activity, error=ActivityError)
    access.require_user(session, actor, "activity.edit", data.unit_id, error=ActivityError)
    check_agenda_change(session, activity, data, actor)
    before_day, before_time = activity.starts_on, activity.starts_at_time
    _apply(session, activity, data)
    notify_time_change(session, activity, before_day=before_day, before_time=before_time, actor=actor)
    record(session, actor, "activity.updated", activity, title=activity.title)
    enqueue_index(session, "activity", activity.id)
    return activity


def activities_query(*, unit_id: int | None = None, kind: str | None = None, month: str | None = None,
                     state: str | None = None, assigned_user_id: int | None = None):
    """A select of activities, newest first, filtered by unit, kind, ``YYYY-MM`` month, state
    and the user assigned to them."""
    query = select(Activity).options(
        selectinload(Activity.participants), selectinload(Activity.unit), selectinload(Activity.venue)
    )
    if unit_id:
        query = query.where(Activity.unit_id == unit_id)
    if kind:
        query = query.where(Activity.kind == kind)
    if state:
        query = query.where(Activity.state == state)
    if assigned_user_id:
        query = query.where(Activity.id.in_(select(Assignment.activity_id)
                                            .where(Assignment.user_id == assigned_user_id)))
    if month:
        year, month_number = parse_month(month)
        query = query.where(
            extract("year", Activity.starts_on) == year,
            extract("month", Activity.starts_on) == month_number,
        )
    return query.order_by(Activity.starts_on.desc(), Activity.id.desc())


def parse_month(month: str) -> tuple[int, int]:
    """``"2021-09"`` -> ``(2021, 9)``; years 1 … 9999, the ones a date can hold."""
    year_text, _dash, month_text = month.partition("-")
    year, number = parse_int(year_text, low=1, high=9999), parse_int(month_text, low=1, high=12)
    if year is None or number is None:
        raise ActivityError(N_("%(month)s bukan bulan; tulis TTTT-BB, misalnya 2021-09."), month=month)
    return year, number


def activity_as_dict(activity: Activity) -> dict:
    """The shape of ``flask activities list --json``: one object per activity."""
    return {
        "id": activity.id,
        "title": activity.title,
        "kind": activity.kind,
        "state": activity.state,
        "date": activity.starts_on.isoformat(),
        "time": activity.starts_at_time.strftime("%H:%M") if activity.starts_at_time else None,
        "unit": activity.unit.name if activity.unit else None,
        "venue": activity.venue.name if activity.venue else None,
        "on_agenda": activity.on_agenda,
        "participants": [
            {"name": p.name, "title": p.title, "organisation": p.organisation, "role": p.role}
            for p in activity.participants
        ],
    }
