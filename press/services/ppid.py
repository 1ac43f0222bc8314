"""PPID classes: a release's or an activity's class of public information, and the public
information list (DIP, *daftar informasi publik*) by class, year and unit.

Setting a class is the central editors' decision (``ppid.classify``: the PPID Utama sits in
the Humas office). A release marked
``dikecualikan`` leaves the public: a published one is retracted through the workflow
with the notice the editor writes for readers, a scheduled one loses its embargo time;
the workflow refuses to publish or schedule it while it stays exempt. An activity's
photos follow the activity's class, and an activity with a release that is published or
scheduled cannot be marked exempt until that release is (the release's own notice
tells readers why it went). What the public then sees is decided by the one rule in
``press.services.public``; the list here reads it, and no Flask. Takes a session and
the acting user, never commits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import PpidClass, ReleaseState, WorkflowAction
from press.dates import OFFICE_ZONE
from press.errors import N_, ServiceError
from press.numbers import parse_int
from press.models import Activity, Release, Unit, User

from . import access, public, public_archives, workflow
from .audit import record
from .indexing import enqueue_index

# The classes the public list shows: every class but the exempt one.
LISTED_CLASSES = tuple(c for c in PpidClass if c != PpidClass.DIKECUALIKAN)
# The years a list may be asked for (as the month archives allow).
MIN_YEAR, MAX_YEAR = 1900, 9998


class PpidError(ServiceError):
    """A PPID class cannot be set as asked, or the list cannot be filtered so; the message says why."""


def parse_class(value: str | None, *, listed_only: bool = False) -> PpidClass:
    """The class named ``value``; ``listed_only`` refuses the exempt class (the public list never shows it)."""
    choices = LISTED_CLASSES if listed_only else tuple(PpidClass)
    if value in choices:
        return PpidClass(value)
    raise PpidError(N_("Klasifikasi informasi %(value)s tidak dikenal; pilih salah satu dari: %(choices)s."),
                    value=value or "", choices=", ".join(choices))


def _require(session: Session, actor: User | None, item: Release | Activity) -> None:
    access.require(session, actor, "ppid.classify", item, error=PpidError,
                   message=N_("Peran Anda tidak boleh mengubah klasifikasi informasi publik (PPID)."))


def classify_release(session: Session, release: Release, value: str, actor: User, *,
                     notice: str | None = None, now: datetime | None = None) -> Release:
    """Give ``release`` the class ``value`` as ``actor``.

    Marking a published release ``dikecualikan`` retracts it with ``notice`` (required:
    readers of its address see it); a scheduled one is unscheduled."""
    _require(session, actor, release)
    new = parse_class(value)
    old = PpidClass(release.ppid_class)
    if new == old:
        return release
    if new == PpidClass.DIKECUALIKAN:
        if release.state == ReleaseState.PUBLISHED:
            if not (notice or "").strip():
                raise PpidError(N_("Siaran ini sudah terbit: menandainya dikecualikan menariknya dari situs publik. "
                                   "Tulis pemberitahuan penarikan untuk pembaca."))
            workflow.apply(session, release, WorkflowAction.RETRACT, actor, notice=notice, now=now)
        elif release.state == ReleaseState.SCHEDULED:
            workflow.apply(session, release, WorkflowAction.UNSCHEDULE, actor, now=now)
    release.ppid_class = new
    record(session, actor, "release.ppid_class", release, ppid_from=old, ppid_to=new)
    enqueue_index(session, "release", release.id)
    for photo in release.photos:
        enqueue_index(session, "photo", photo.media_id)
    session.flush()
    return release


def classify_activity(session: Session, activity: Activity, value: str, actor: User) -> Activity:
    """Give ``activity`` (and so its photos) the class ``value`` as ``actor``.

    Refused for ``dikecualikan`` while a release of the activity is published or
    scheduled: that release is marked first, with its notice to readers."""
    _require(session, actor, activity)
    new = parse_class(value)
    old = PpidClass(activity.ppid_class)
    if new == old:
        return activity
    if new == PpidClass.DIKECUALIKAN:
        going_out = session.scalars(select(Release.title).where(
            Release.activity_id == activity.id,
            Release.state.in_((ReleaseState.PUBLISHED, ReleaseState.SCHEDULED)),
            Release.ppid_class != PpidClass.DIKECUALIKAN,
        )).all()
        if going_out:
            raise PpidError(N_("Kegiatan ini punya siaran yang terbit atau terjadwal (%(titles)s). Tandai siaran itu "
                               "dikecualikan lebih dulu, dengan pemberitahuan untuk pembaca."),
                            titles="; ".join(going_out))
    activity.ppid_class = new
    record(session, actor, "activity.ppid_class", activity, ppid_from=old, ppid_to=new)
    enqueue_index(session, "activity", activity.id)
    session.flush()
    return activity


# -- the public information list (DIP) -----------------------------------------------


@dataclass(frozen=True)
class Information:
    """One entry of the public list: a published release or an activity's public photo gallery."""

    kind: str
    """``release`` or ``activity`` (a document kind of the links registry)."""
    item: Release | Activity
    title: str
    ppid_class: PpidClass
    unit: Unit | None
    day: date
    """The publication day (Jakarta) of a release; the day of an activity."""
    photos: int = 0
    """How many public photos an activity's gallery holds."""


@dataclass(frozen=True)
class InformationList:
    """The entries a filter selects, and the years and units of the whole list to choose from."""

    entries: list[Information]
    years: list[int]
    units: list[Unit]


@dataclass(frozen=True)
class Filters:
    """A choice of class, year and unit, each optional, as the list is asked for."""

    ppid_class: PpidClass | None = None
    year: int | None = None
    unit: Unit | None = None


def parse_filters(session: Session, *, ppid_class: str | None, year: str | None, unit: str | None) -> Filters:
    """The filters typed in a query string (class code, year, unit slug); empty ones choose
    everything, and one that names nothing is refused with the reason."""
    chosen_year = None
    if year:
        chosen_year = parse_int(year, low=MIN_YEAR, high=MAX_YEAR)
        if chosen_year is None:
            raise PpidError(N_("Tahun %(value)s tidak terbaca; tulis tahun empat angka, misalnya 2021."), value=year)
    chosen_unit = None
    if unit:
        chosen_unit = public_archives.unit_by_slug(session, unit)
        if chosen_unit is None:
            raise PpidError(N_("Unit %(value)s tidak dikenal."), value=unit)
    return Filters(parse_class(ppid_class, listed_only=True) if ppid_class else None, chosen_year, chosen_unit)


def information_list(session: Session, filters: Filters = Filters()) -> InformationList:
    """The public information, newest first, as ``filters`` choose.

    Only what the public may see is listed (``press.services.public``), so nothing
    ``dikecualikan`` ever is."""
    everything = _all_information(session)
    entries = [
        entry for entry in everything
        if (filters.ppid_class is None or entry.ppid_class == filters.ppid_class)
        and (filters.year is None or entry.day.year == filters.year)
        and (filters.unit is None or (entry.unit is not None and entry.unit.id == filters.unit.id))
    ]
    units = {entry.unit.id: entry.unit for entry in everything if entry.unit is not None}
    return InformationList(
        entries=entries,
        years=sorted({entry.day.year for entry in everything}, reverse=True),
        units=sorted(units.values(), key=lambda unit: unit.name),
    )


def _all_information(session: Session) -> list[Information]:
    entries = [
        Information("release", release, release.title, PpidClass(release.ppid_class), release.unit,
                    release.published_at.astimezone(OFFICE_ZONE).date())
        for release in public.published_releases(session)
    ]
    for activity, count, _first in public.activities_with_photos(session):
        entries.append(Information("activity", activity, activity.title, PpidClass(activity.ppid_class),
                                   activity.unit, activity.starts_on, photos=count))
    entries.sort(key=lambda entry: (entry.day, entry.kind == "release", entry.item.id), reverse=True)
    return entries

