"""The public agenda: the activities marked for it, by day and by unit.

What the agenda may show is ``public.agenda_condition``; this module chooses the days.
An activity's date and times are wall-clock times of the office (``dates.OFFICE_ZONE``),
so "today" is the office's today, and a week runs Monday to Sunday. A cancelled activity
stays on the agenda with its cancellation, so a journalist who planned on it learns it is
off. The calendar (``/agenda.ics``, ``flask agenda --ics``) is built from the same entries
by ``press.services.agenda_calendar``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from press.dates import OFFICE_ZONE
from press.errors import N_, ServiceError
from press.models import Activity, Unit

from .activities import activity_as_dict
from .public import agenda_condition

UPCOMING_DAYS = 30
"""After this week, the agenda page lists the activities of so many more days."""
CALENDAR_DAYS_BACK = 31
CALENDAR_DAYS_AHEAD = 366
"""The calendar feed holds the last month and the coming year: what a subscriber's calendar keeps."""
MAX_SPAN_DAYS = 366
"""The longest period one listing (``flask agenda --from --to``) may cover."""
SHARED_KEYS = ("id", "title", "kind", "state", "date", "time", "unit", "venue")


class AgendaError(ServiceError):
    """A period the agenda cannot be listed for; the message says why."""


def start_of_day(day: date) -> datetime:
    """The office's midnight starting ``day``, an aware moment."""
    return datetime(day.year, day.month, day.day, tzinfo=OFFICE_ZONE)


def check_period(start: date, end: date) -> None:
    """Refuse a period that ends before it starts or covers more than ``MAX_SPAN_DAYS``."""
    if end < start:
        raise AgendaError(N_("Periode agenda berakhir (%(end)s) sebelum dimulai (%(start)s)."),
                          start=start.isoformat(), end=end.isoformat())
    if (end - start).days + 1 > MAX_SPAN_DAYS:
        raise AgendaError(N_("Satu daftar agenda paling panjang %(limit)s hari; periode ini %(days)s hari."),
                          limit=MAX_SPAN_DAYS, days=(end - start).days + 1)


def week_from(start: date) -> date:
    """The last day of the seven starting at ``start`` (the calendar's last day at most)."""
    return start + timedelta(days=6) if start <= date.max - timedelta(days=6) else date.max


def entries(session: Session, start: date, end: date, *, unit_id: int | None = None) -> list[Activity]:
    """The agenda's activities from ``start`` to ``end`` (both included), in the order they
    take place (an activity without a time first on its day)."""
    query = (
        select(Activity)
        .where(agenda_condition(), Activity.starts_on >= start, Activity.starts_on <= end)
        .options(selectinload(Activity.unit), selectinload(Activity.venue))
        .order_by(Activity.starts_on, Activity.starts_at_time.is_not(None), Activity.starts_at_time, Activity.id)
    )
    if unit_id is not None:
        query = query.where(Activity.unit_id == unit_id)
    return list(session.scalars(query))


def calendar_entries(session: Session, today: date, *, unit_id: int | None = None) -> list[Activity]:
    """What the calendar feed holds on ``today``: the last month and the coming year."""
    return entries(session, today - timedelta(days=CALENDAR_DAYS_BACK), today + timedelta(days=CALENDAR_DAYS_AHEAD),
                   unit_id=unit_id)


@dataclass(frozen=True)
class AgendaPage:
    """The agenda page of one day: today's activities, the rest of this week, and what comes after."""

    today: date
    week_end: date
    upcoming_end: date
    on_today: list[Activity]
    this_week: list[Activity]
    upcoming: list[Activity]


def agenda_page(session: Session, today: date, *, unit_id: int | None = None) -> AgendaPage:
    week_end = today + timedelta(days=6 - today.weekday())
    upcoming_end = week_end + timedelta(days=UPCOMING_DAYS)
    found = entries(session, today, upcoming_end, unit_id=unit_id)
    return AgendaPage(
        today=today, week_end=week_end, upcoming_end=upcoming_end,
        on_today=[a for a in found if a.starts_on == today],
        this_week=[a for a in found if today < a.starts_on <= week_end],
        upcoming=[a for a in found if a.starts_on > week_end],
    )


def units_on_agenda(session: Session, start: date, end: date) -> list[tuple[Unit, int]]:
    """The units with activities on the agenda from ``start`` to ``end``, by name, with their count."""
    rows = session.execute(
        select(Unit, func.count(Activity.id))
        .join(Activity, Activity.unit_id == Unit.id)
        .where(agenda_condition(), Activity.starts_on >= start, Activity.starts_on <= end)
        .group_by(Unit.id)
        .order_by(Unit.name)
    ).all()
    return [(unit, count) for unit, count in rows]


def agenda_entry(session: Session, activity_id: int) -> Activity | None:
    """One activity of the agenda (any date); ``None`` for one not marked for it."""
    return session.scalars(select(Activity).where(Activity.id == activity_id, agenda_condition())).first()


def entry_as_dict(activity: Activity) -> dict:
    """What the agenda tells of an activity, as ``flask agenda --json`` prints it: the public
    keys of ``activities list --json`` (no participants) and the invitation's facts."""
    row = {key: value for key, value in activity_as_dict(activity).items() if key in SHARED_KEYS}
    venue = activity.venue
    row.update(
        end_time=activity.ends_at_time.strftime("%H:%M") if activity.ends_at_time else None,
        address=venue.address if venue else None,
        topic=activity.topic, dress_code=activity.dress_code, contact=activity.contact,
    )
    return row
